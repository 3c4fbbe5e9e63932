import Foundation

/// What a one-off `inzage build` keeps of every bijsluiter for the pages that list them, so that
/// the next build after an edit to what a list shows (a product's name, its schools, its changes)
/// makes the listing pages without loading the other bijsluiters (`PatchBuild`). It lies beside
/// the output folder, like the findings record (`FindingsRecord`), in the hidden file
/// `.public-inzage-lijsten` beside `public/`.
///
/// For each bijsluiter it holds what its listing-page values were made from: its file, what the
/// listing pages' record key holds of it (`SiteBuilder.listedDigest`) and its page's path and
/// date (the sitemap's); what the rules across documents read of it (`BijsluiterSummary`); and
/// every value the listing pages kept of it (`FileFragments`: its sort keys, its schools, its rows
/// with their views and HTML; `KeptValueCoding`). Those values are a function of the bijsluiter
/// as the lists see it (`Bijsluiter.listed`) and of the global inputs alone: that is what `serve`
/// keeps them by, per parse, between rebuilds. So a product's values are taken only for a file
/// the findings record knows unchanged with the same listed digest, and only when the snapshot
/// was made by this executable for the same global inputs (`SiteBuilder.globalKey`). The pages
/// then ask a taken product for its values sealed (`FileFragments(sealed:misses:)`): a value not
/// kept abandons the build, which then is a full one.
///
/// It holds no pupil data; it holds what the published pages show. It may be deleted at any
/// time: the next build that needs it is then a full one, which writes it again.
struct ListingSnapshot {
    static let header = "inzage-lijsten 7"

    /// One bijsluiter as the snapshot holds it: the fields read at once, and where its kept
    /// values are in the values blocks (read when the lists need them, `ValueBlocks`).
    struct Product {
        let file: String
        let listed: StableDigest
        let slug: String
        let datum: SchoolDate?
        let summary: BijsluiterSummary
        /// The product's record in `fields`, and its kept values in the values blocks with their
        /// digest (checked when they are read, `values(of:_:)`).
        let record: Range<Int>
        let values: Range<Int>
        let valuesDigest: StableDigest
    }

    /// The executable and content folder it was made by (`identity(contentRoot:)`).
    let identity: StableDigest
    /// A digest of the global inputs its values were made for (`globalDigest`).
    let global: StableDigest
    /// Every product, by file: the last record of each in the file.
    let products: [String: Product]
    /// The fields blocks of the file's parts, one after another.
    private let fields: [UInt8]
    /// The values blocks of the file's parts, read from the file when first asked for.
    private let valueBlocks: ValueBlocks
    /// The file's size when it was read.
    var size: Int { valueBlocks.file.size }

    /// The snapshot's file for the output folder `output`: beside it, hidden, named after it (and
    /// not starting with the staging folders' prefix, `.public.inzage-`, which a publication clears away).
    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)-inzage-lijsten")
    }

    /// The executable and content folder (as given: files are named relative to it).
    static func identity(contentRoot: String) -> StableDigest? {
        BuildRecord.executableStamp.map { StableDigest([header, $0, contentRoot]) }
    }

    /// A digest of the global inputs (`SiteBuilder.globalKey`).
    static func globalDigest(_ globalKey: String) -> StableDigest {
        StableDigest.of(globalKey)
    }

    // MARK: The file
    //
    // The header (its name, the identity and the global digest as texts), then parts. A part is
    // the length of its fields block and of its values block (8 bytes each, little-endian), then
    // the two blocks. The fields block holds records, each with its length: the digests (16 bytes
    // each) of its fields and of its kept values, then the length of those values and the
    // fields; it ends in the text "end". The values block holds the records' values one after
    // another, in the same order. The fields are read and checked when the file is read; the values
    // blocks are read, and each product's values checked, when the lists need them: the path of a
    // patch build waits for the fields alone. A full build writes one part; a patch build appends
    // a part with the records of the bijsluiters it loaded, which stand in for their earlier
    // records (`Making.save`). A part cut off makes the whole file unreadable.

    // MARK: Reading

    /// The snapshot at `url` when it is whole and was made by this executable for `contentRoot`.
    /// Its fields are read now; the file stays open for its values.
    static func read(from url: URL, contentRoot: String) -> ListingSnapshot? {
        guard let identity = identity(contentRoot: contentRoot), let file = FileData.Opened(url.path) else { return nil }
        return try? ListingSnapshot(file: file, identity: identity)
    }

    private init(file: FileData.Opened, identity: StableDigest) throws {
        // The header, from the file's first bytes.
        guard let start = file.bytes(at: 0..<min(file.size, 512)) else { throw ByteReader.Malformed() }
        var head = ByteReader(start)
        guard try head.text() == Self.header, StableDigest(hex: try head.text()) == identity,
              let global = StableDigest(hex: try head.text()) else { throw ByteReader.Malformed() }
        // The parts: their fields blocks read one after another, their values blocks passed over.
        var offset = head.offset
        var fields: [UInt8] = [], fieldBlocks: [Range<Int>] = [], valueBlocks: [Range<Int>] = []
        while offset < file.size {
            guard file.size - offset >= 16, let lengths = file.bytes(at: offset..<(offset + 16)) else { throw ByteReader.Malformed() }
            let fieldCount = Self.length(lengths, at: 0), valueCount = Self.length(lengths, at: 8)
            offset += 16
            guard fieldCount >= 0, valueCount >= 0, fieldCount <= file.size - offset, valueCount <= file.size - offset - fieldCount,
                  let block = file.bytes(at: offset..<(offset + fieldCount)) else { throw ByteReader.Malformed() }
            fieldBlocks.append(fields.count..<(fields.count + fieldCount))
            fields += block
            valueBlocks.append((offset + fieldCount)..<(offset + fieldCount + valueCount))
            offset += fieldCount + valueCount
        }
        // Where each record is, and its values in the values blocks read one after another; then
        // each record checked against its digest and its fields read, on all cores.
        var records: [(record: Range<Int>, values: Range<Int>)] = []
        var valuesStart = 0
        for (block, values) in zip(fieldBlocks, valueBlocks) {
            var part = ByteReader(fields, from: block.lowerBound, to: block.upperBound)
            let count = try part.number()
            var at = valuesStart
            for _ in 0..<count {
                let record = try part.part()
                guard record.count >= 32 else { throw ByteReader.Malformed() }
                var reader = ByteReader(fields, from: record.lowerBound + 32, to: record.upperBound)
                let length = try reader.number()
                guard length <= valuesStart + values.count - at else { throw ByteReader.Malformed() }
                records.append((record, at..<(at + length)))
                at += length
            }
            guard try part.text() == "end", part.isAtEnd, at == valuesStart + values.count else { throw ByteReader.Malformed() }
            valuesStart = at
        }
        let read = try Parallel.map(records, minimumBatch: 64) { record, values -> Product in
            var reader = ByteReader(fields, from: record.lowerBound, to: record.upperBound)
            let fieldsDigest = try reader.digest(), valuesDigest = try reader.digest()
            _ = try reader.number()
            let file = try reader.text()
            let listed = try reader.digest()
            let slug = try reader.text()
            let datum = try reader.flag() ? try Self.date(&reader) : nil
            let summary = try BijsluiterSummary(from: &reader, file: file)
            guard reader.isAtEnd, Self.digest(fields, (record.lowerBound + 32)..<record.upperBound) == fieldsDigest else { throw ByteReader.Malformed() }
            return Product(file: file, listed: listed, slug: slug, datum: datum, summary: summary, record: record,
                           values: values, valuesDigest: valuesDigest)
        }
        // A later record of a file stands in for an earlier one: taken from the last, each moved
        // out of the array (2 000 products copied and let go of took a patch build 1–2 ms).
        var products: [String: Product] = [:]
        products.reserveCapacity(read.count)
        var remaining = consume read
        while let product = remaining.popLast() {
            if products[product.file] == nil { products[product.file] = product }
        }
        self.identity = identity
        self.global = global
        self.products = products
        self.fields = fields
        self.valueBlocks = ValueBlocks(file: file, blocks: valueBlocks)
    }

    /// The values blocks of a snapshot's file, read once, when first asked for.
    final class ValueBlocks: @unchecked Sendable {
        let file: FileData.Opened
        private let blocks: [Range<Int>]
        private let lock = PThreadMutex()
        private var read: [UInt8]??

        init(file: FileData.Opened, blocks: [Range<Int>]) {
            self.file = file
            self.blocks = blocks
        }

        /// Where `range` of the blocks one after another stands in the file, when it lies in one block.
        func fileRange(of range: Range<Int>) -> Range<Int>? {
            var start = 0
            for block in blocks {
                if range.lowerBound >= start, range.upperBound <= start + block.count {
                    return (block.lowerBound + range.lowerBound - start)..<(block.lowerBound + range.upperBound - start)
                }
                start += block.count
            }
            return nil
        }

        /// The blocks one after another; nil when the file no longer holds them.
        var bytes: [UInt8]? {
            lock.withLock {
                if let read { return read }
                let total = blocks.reduce(0) { $0 + $1.count }
                var complete = true
                let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
                    var at = 0
                    for block in blocks where complete {
                        complete = file.read(block.lowerBound, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[at..<(at + block.count)])))
                        at += block.count
                    }
                    count = complete ? total : 0
                }
                read = complete ? bytes : nil
                return read!
            }
        }
    }

    /// A length of a part (8 bytes, little-endian) at `offset` of `bytes`.
    private static func length(_ bytes: [UInt8], at offset: Int) -> Int {
        Int(truncatingIfNeeded: bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) })
    }

    /// The digest of the bytes at `range` of `bytes`, which a record starts with (its 16 bytes).
    private static func digest(_ bytes: [UInt8], _ range: Range<Int>) -> StableDigest {
        var digest = StableDigest()
        bytes.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[range])) }
        return digest
    }

    private static func date(_ reader: inout ByteReader) throws -> SchoolDate {
        guard let date = SchoolDate(year: try reader.signed(), month: try reader.signed(), day: try reader.signed()) else { throw ByteReader.Malformed() }
        return date
    }

    /// What reading the values of this snapshot's products needs (`values(of:_:)`): its values
    /// blocks, read now; nil when the file no longer holds them.
    func reading(templates: TemplateSet, misses: FileFragments.Misses) -> KeptValueCoding.Reading? {
        valueBlocks.bytes.map { KeptValueCoding.Reading(bytes: $0, templates: templates, misses: misses) }
    }

    /// The values `product` kept for the lists, by kind, read with `reading` (`reading(templates:misses:)`);
    /// its rows' HTML and views are read when first asked for.
    func values(of product: Product, _ reading: KeptValueCoding.Reading) throws -> [String: Any] {
        try Self.values(at: product.values, digest: product.valuesDigest, reading)
    }

    /// The values of `products` alone, each product's read from the file by itself: a patch build
    /// that changes only some rows of the lists (`SiteBuilder.splicedListing`) needs a few
    /// products' values, not the megabytes of all of them. Nil when one cannot be read.
    func values(ofOnly products: [Product], templates: TemplateSet, misses: FileFragments.Misses) -> [String: [String: Any]]? {
        var values: [String: [String: Any]] = [:]
        for product in products {
            guard let range = valueBlocks.fileRange(of: product.values), let bytes = valueBlocks.file.bytes(at: range),
                  let read = try? Self.values(at: 0..<bytes.count, digest: product.valuesDigest,
                                              KeptValueCoding.Reading(bytes: bytes, templates: templates, misses: misses)) else { return nil }
            values[product.file] = read
        }
        return values
    }

    /// The values at `range` of `reading`'s bytes, which must digest as `digest`.
    private static func values(at range: Range<Int>, digest: StableDigest, _ reading: KeptValueCoding.Reading) throws -> [String: Any] {
        let bytes = reading.bytes
        guard range.upperBound <= bytes.count, Self.digest(bytes, range) == digest else { throw ByteReader.Malformed() }
        var reader = ByteReader(bytes, from: range.lowerBound, to: range.upperBound)
        let count = try reader.number()
        var values: [String: Any] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let kind = try reading.name(&reader)
            values[kind] = try KeptValueCoding.read(from: &reader, reading)
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return values
    }

    /// Every product's values read on all cores (`values(of:_:)`), begun as soon as a build knows
    /// it needs them, beside what it does before it makes the lists.
    final class Decoding: @unchecked Sendable {
        let misses = FileFragments.Misses()
        private let work: Background<[String: [String: Any]]>

        /// - Parameters: snapshot: the snapshot, when it is read; templates: the theme, when it is
        ///   read (the rows render with it).
        init(_ snapshot: @escaping @Sendable () throws -> ListingSnapshot?, templates: @escaping @Sendable () throws -> TemplateSet) {
            let misses = self.misses
            work = Background {
                guard let snapshot = try snapshot() else { throw ByteReader.Malformed() }
                guard let reading = snapshot.reading(templates: try templates(), misses: misses) else { throw ByteReader.Malformed() }
                let products = Array(snapshot.products.values)
                // The names of kinds and row templates learnt from a few products, read then on all cores.
                try reading.learnNames { for product in products.prefix(8) { _ = try snapshot.values(of: product, reading) } }
                let values = try Parallel.map(products, minimumBatch: 64) { try snapshot.values(of: $0, reading) }
                return Dictionary(zip(products.map(\.file), values), uniquingKeysWith: { first, _ in first })
            }
        }

        /// The values of each product, by file; nil when they cannot be read.
        func values() -> [String: [String: Any]]? {
            try? work.value()
        }
    }

    /// A bijsluiter that stands for `product` in the lists: its file, its page's path and its date
    /// (the sitemap's); nothing else. Every value the lists make of a bijsluiter comes from its
    /// kept values (`values(of:_:)`), sealed.
    static func standIn(for product: Product) -> Bijsluiter {
        let start = SourceLocation(file: product.file, line: 1, column: 1)
        let fields = BijsluiterFields(
            slug: product.slug, file: product.file, product: nil, soort: nil, verwerker: nil, omschrijving: nil, doelgroep: [],
            gebruikers: [], scholen: nil, scholenKey: nil, verwerkingen: nil, optioneleVerwerkingen: nil, doeleinden: nil,
            doeleindenKey: nil, categorieen: [], categorieenKey: nil, entreeAttributen: [], bewaartermijn: nil, opslag: [],
            opslagKey: nil, subverwerkers: [], doorgifte: nil, doorgifteKey: nil, beveiliging: nil, verwerkersovereenkomst: nil,
            versie: nil, datum: product.datum.map { Located($0, at: start) }, wijzigingen: [], location: start, endLocation: start)
        return Bijsluiter(fields, body: MarkdownBody(text: "", firstLine: 1, file: product.file))
    }

    // MARK: Making

    /// Where a build leaves what it made for the snapshot (`SiteBuilder`), for the pipeline to save
    /// once the site is published.
    final class Slot: @unchecked Sendable {
        /// Whether the build made the listing pages. When it took them from the published site as the
        /// build before made them, the snapshot before still holds (its global inputs and every
        /// bijsluiter's listed digest are what they were).
        var madeListing = false
        /// The snapshot, when the build made the listing pages and could keep one.
        var making: Making?
        /// The file of where the rows stand in the listing pages the build made (`ListingPlaces`),
        /// being worked out and written as bytes beside the build; nil (or giving nil) when that
        /// is not known.
        private(set) var places: Background<[UInt8]?>?
        /// Whether the build put changed rows in place in the published listing pages (`SiteBuilder.splicedListing`).
        var spliced = false

        /// Works out the places (`work`) and their file's bytes on another core.
        func notePlaces(_ work: @escaping @Sendable () throws -> ListingPlaces?) {
            places = Background { try work()?.bytes }
        }

        /// Saves the snapshot the build made at `url`, and the places of its rows beside it
        /// (`ListingPlaces.location`), or removes those there when the build made the listing pages
        /// without them.
        func save(to url: URL) {
            let placesURL = ListingPlaces.location(forSnapshot: url)
            if let making = making.take() {
                making.save(to: url)
                if let bytes = (try? places?.value()) ?? nil { ListingPlaces.save(bytes, to: placesURL) } else { ListingPlaces.remove(at: placesURL) }
                // What the lists kept of every product is freed beside the end of the build.
                BackgroundRelease.release(consume making)
            } else if madeListing {
                ListingSnapshot.remove(at: url)
                ListingPlaces.remove(at: placesURL)
            }
        }
    }

    /// A snapshot being made by a build: one entry per bijsluiter, in file order, each a product
    /// whose values this build's lists kept, or one taken as it was from the snapshot before.
    final class Making: @unchecked Sendable {
        enum Entry {
            /// A bijsluiter this build loaded, with what the listing pages' key holds of it and the
            /// values its lists kept.
            case made(Bijsluiter, listed: StableDigest, fragments: FileFragments)
            case taken(Product)
        }

        let identity: StableDigest
        let global: StableDigest
        let entries: [Entry]
        /// The snapshot the taken entries come from.
        private let source: ListingSnapshot?

        init(identity: StableDigest, global: StableDigest, entries: [Entry], source: ListingSnapshot?) {
            self.identity = identity
            self.global = global
            self.entries = entries
            self.source = source
        }

        /// A product's record: its fields (with their digest and that of its values) and its values.
        typealias Record = (fields: [UInt8], values: [UInt8])

        /// The made entries' records, being made (`prepare`).
        private var prepared: Background<[Record]?>?

        /// Begins to make the made entries' records on other threads once `ready` returns (the
        /// lists are rendered): beside the rest of the build, not after it.
        func prepare(after ready: @escaping @Sendable () throws -> Void) {
            prepared = Background { [self] in
                try ready()
                return self.madeRecords()
            }
        }

        /// The record of each made entry, in order, made on all cores; nil when a product kept a
        /// value of a kind the snapshot cannot hold (`KeptValueCoding`).
        private func madeRecords() -> [Record]? {
            let made = entries.compactMap { entry -> (Bijsluiter, StableDigest, FileFragments)? in
                if case .made(let b, let listed, let fragments) = entry { return (b, listed, fragments) }
                return nil
            }
            let records = try? Parallel.map(made, minimumBatch: 64) { b, listed, fragments -> Record? in
                let kept = fragments.kept
                var values = ByteWriter(capacity: 4096)
                values.number(kept.count)
                for (kind, value) in kept {
                    values.text(kind)
                    guard KeptValueCoding.write(value, to: &values) else { return nil }
                }
                var writer = ByteWriter(capacity: 512)
                writer.number(values.bytes.count)
                writer.text(b.file)
                writer.digest(listed)
                writer.text(b.slug)
                let datum = BijsluiterPages.lastModified(of: b)
                writer.flag(datum != nil)
                if let datum {
                    writer.signed(datum.year)
                    writer.signed(datum.month)
                    writer.signed(datum.day)
                }
                BijsluiterSummary(b).write(to: &writer)
                // The digests of its fields and of its values first: a record that does not hold
                // what was written is never read.
                var fields = ByteWriter(capacity: writer.bytes.count + 32)
                fields.digest(ListingSnapshot.digest(writer.bytes, writer.bytes.indices))
                fields.digest(ListingSnapshot.digest(values.bytes, values.bytes.indices))
                fields.raw(writer.bytes)
                return (fields.bytes, values.bytes)
            }
            guard let records, records.allSatisfy({ $0 != nil }) else { return nil }
            return records.map { $0! }
        }

        /// A part of the file holding `records`: the lengths of its blocks, its fields block, its
        /// values block.
        private static func part(_ records: [(fields: ArraySlice<UInt8>, values: ArraySlice<UInt8>)]) -> [UInt8] {
            var fields = ByteWriter(capacity: records.reduce(16) { $0 + $1.fields.count + 5 })
            fields.number(records.count)
            for record in records {
                fields.number(record.fields.count)
                fields.raw(record.fields)
            }
            fields.text("end")
            let valueCount = records.reduce(0) { $0 + $1.values.count }
            var part: [UInt8] = []
            part.reserveCapacity(16 + fields.bytes.count + valueCount)
            for length in [fields.bytes.count, valueCount] {
                withUnsafeBytes(of: UInt64(length).littleEndian) { part.append(contentsOf: $0) }
            }
            part += fields.bytes
            for record in records { part += record.values }
            return part
        }

        /// Writes the snapshot at `url`: after a patch build, a part with the loaded bijsluiters'
        /// records appended to the snapshot it read, as long as the file stays under twice the size
        /// of the records that count; else the whole file anew. When it cannot be made or written,
        /// the file there is removed.
        func save(to url: URL) {
            guard let made = (prepared.map { (try? $0.value()) ?? nil }) ?? madeRecords() else {
                ListingSnapshot.remove(at: url)
                return
            }
            if let source, source.identity == identity, source.global == global {
                let appended = Self.part(made.map { ($0.fields[...], $0.values[...]) })
                var counting = appended.count
                for entry in entries { if case .taken(let product) = entry { counting += product.record.count + product.values.count } }
                if source.size + appended.count <= 2 * counting, FileData.append(url.path, appended, toSize: source.size) { return }
            }
            var records: [(fields: ArraySlice<UInt8>, values: ArraySlice<UInt8>)] = []
            var next = made.makeIterator()
            for entry in entries {
                switch entry {
                case .made:
                    let record = next.next()!
                    records.append((record.fields[...], record.values[...]))
                case .taken(let product):
                    guard let source, let record = source.record(of: product) else { ListingSnapshot.remove(at: url); return }
                    records.append(record)
                }
            }
            var file = ByteWriter(capacity: records.reduce(256) { $0 + $1.fields.count + $1.values.count + 5 })
            file.text(ListingSnapshot.header)
            file.text(identity.description)
            file.text(global.description)
            file.raw(Self.part(records))
            if !FileData.replace(url.path, with: Data(file.bytes)) { ListingSnapshot.remove(at: url) }
        }
    }

    /// The record of `product` as this snapshot holds it, to be written again; nil when its values
    /// can no longer be read.
    func record(of product: Product) -> (fields: ArraySlice<UInt8>, values: ArraySlice<UInt8>)? {
        guard let values = valueBlocks.bytes, product.values.upperBound <= values.count else { return nil }
        return (fields[product.record], values[product.values])
    }

    /// Removes the snapshot at `url`, if there is one: a plain file only.
    static func remove(at url: URL) {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        unlink(url.path)
    }
}

extension BijsluiterSummary {
    /// Written with its locations in its own file (`SourceLocation.write(to:in:)`).
    func write(to writer: inout ByteWriter) {
        writer.text(file)
        writer.text(title)
        location.write(to: &writer, in: file)
        switch scholen {
        case nil:
            writer.number(0)
        case .alle(let location)?:
            writer.number(1)
            location.write(to: &writer, in: file)
        case .brins(let brins)?:
            writer.number(2)
            writer.number(brins.count)
            for brin in brins {
                writer.text(brin.value)
                brin.location.write(to: &writer, in: file)
            }
        }
        writer.flag(scholenKey != nil)
        scholenKey?.write(to: &writer, in: file)
        writer.flag(verwerker != nil)
        if let verwerker {
            verwerker.location.write(to: &writer, in: file)
            writer.flag(verwerker.isNamed)
        }
        writer.number(countriesOutsideEER.count)
        for country in countriesOutsideEER { writer.text(country) }
    }

    /// Read back, its locations in `file` sharing its text.
    init(from reader: inout ByteReader, file product: String) throws {
        let own = try reader.text()
        file = own == product ? product : own
        title = try reader.text()
        location = try SourceLocation(from: &reader, in: file)
        switch try reader.number() {
        case 0:
            scholen = nil
        case 1:
            scholen = .alle(try SourceLocation(from: &reader, in: file))
        case 2:
            let count = try reader.number()
            var brins: [Located<String>] = []
            for _ in 0..<count {
                let value = try reader.text()
                brins.append(Located(value, at: try SourceLocation(from: &reader, in: file)))
            }
            scholen = .brins(brins)
        default:
            throw ByteReader.Malformed()
        }
        scholenKey = try reader.flag() ? try SourceLocation(from: &reader, in: file) : nil
        if try reader.flag() {
            let location = try SourceLocation(from: &reader, in: file)
            verwerker = Verwerker(location: location, isNamed: try reader.flag())
        } else {
            verwerker = nil
        }
        let count = try reader.number()
        var countries: [String] = []
        for _ in 0..<count { countries.append(try reader.text()) }
        countriesOutsideEER = countries
    }
}

extension SourceLocation {
    /// Its line and column, and its file unless that is `file` (a flag tells which).
    func write(to writer: inout ByteWriter, in file: String) {
        writer.flag(self.file == file)
        if self.file != file { writer.text(self.file) }
        writer.signed(line)
        writer.signed(column)
    }

    init(from reader: inout ByteReader, in file: String) throws {
        let own = try reader.flag() ? file : try reader.text()
        self.init(file: own, line: try reader.signed(), column: try reader.signed())
    }
}
