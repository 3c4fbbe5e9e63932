import Foundation

/// Where each bijsluiter's rows stand in the published listing pages, byte for byte: for every
/// listing file that lists bijsluiters (the product list, the privacyverklaring, the change list,
/// the school pages, the feed, the sitemap), each row of a product with its offset, its length,
/// its product (by its place in file order) and which of the product's kept values it is (its
/// kind and its place in that value); each list sorted by date (the change list, the feed) or by
/// names (the product list, its matrix, the transfers, the recipients, the school pages) whole,
/// every row with its date, a school page's list with its school; and where the feed prints its
/// first entry's date. Beside it, each product's name and its verwerker's, and the products in
/// the order of their names, as every list sorted by name has them (`SiteContext.productsByName`).
///
/// Kept beside the listing snapshot (`ListingSnapshot`) by a one-off build that made the listing
/// pages with the theme's stencils, so that every list of rows stands in its file unescaped, as
/// given (`RowPlacement`). A patch build puts the changed bijsluiters' new rows in place of the
/// old ones, and makes the lists they move in anew (`ListingSplice`), instead of making the
/// listing pages from 2 000 products' kept values.
///
/// It belongs to the listing pages the build record holds (`inputs`, their key there), made by
/// this executable for this content folder (`identity`); a build that made listing pages without
/// it removes the file.
struct ListingPlaces: Equatable {
    static let header = "inzage-plaatsen 4"

    /// A product's row in a file.
    struct Slot: Equatable {
        var offset: Int
        var length: Int
        /// The product's place in file order.
        let owner: Int
        /// The kind of kept value (its index in `kinds`), and the row's place in that value.
        let kind: Int
        let item: Int
    }

    /// A list of rows sorted by date (the change list, the feed) as it stands in a file: every
    /// row, a product's or a top-level document's, so that a product's rows can be taken out and
    /// put in where their dates go (`ListingSplice`).
    struct SortedList: Equatable {
        var offset: Int
        var rows: [ListedRow]
        /// What the list is sorted by.
        var order: Order
        /// For a school page's list of products, the school's place in the organisation's list.
        var school: Int?
        /// Its length in bytes: the rows joined with line breaks.
        var length: Int { rows.isEmpty ? 0 : rows.reduce(-1) { $0 + $1.length + 1 } }
    }

    /// How a list is sorted, as the pages sort it: by date, newest first (the change list, the
    /// feed: `SortedChangeRows`); by the products' names (`SiteContext.productsByName`: the
    /// product list, its matrix, the transfers, the school pages); by their verwerkers' names,
    /// after the board's own rows (the recipients: `PrivacyverklaringPage`).
    enum Order: Int, Equatable {
        case date = 0, name, verwerker
    }

    /// A product's names as its lists sort by them (`SiteContext.sortKey`).
    struct SortName: Equatable {
        let key: String
        let exact: String
    }

    /// A row of a `SortedList`: its length, its product's place, kind and place in that value (nil
    /// for a top-level document's change), and its date (ISO, "" when unknown).
    struct ListedRow: Equatable {
        var length: Int
        let owner: Int?
        let kind: Int
        let item: Int
        let date: String
    }

    struct File: Equatable {
        let path: String
        var length: Int
        /// In the order they stand in the file.
        var slots: [Slot]
        /// The lists of rows sorted by date, in the order they stand.
        var lists: [SortedList]
        /// Where the file prints a text the page reads from its rows (the feed's date, its first
        /// entry's); nil when that is not known.
        var frame: [Range<Int>]?
    }

    let identity: StableDigest
    /// The listing pages' key in the build record (`SiteBuilder.listingRecordKey`).
    var inputs: StableDigest
    /// A digest of the products' files in file order.
    let products: StableDigest
    /// The products' places in file order, in the order of their names.
    var byName: [Int]
    /// The kinds of kept values rows are of (`FileFragments`).
    let kinds: [String]
    /// Each product's name and its verwerker's (when the lists sort by it), in file order.
    var names: [ProductNames]

    struct ProductNames: Equatable {
        var title: SortName?
        var verwerker: SortName?
    }

    /// How the list of rows of `kind` (a kept value's, `FragmentKind`) is sorted when it is not
    /// by date: the kinds of the page builders, checked against the list as it stands when the
    /// places are made (`sorted`).
    static func order(ofKind kind: String) -> Order? {
        switch kind.prefix { $0 != "\u{0}" } {
        case "row", "matrix", "doorgifte": .name
        case "ontvanger": .verwerker
        default: nil
        }
    }

    /// A row's place in a list of `order`: a top-level document's or the board's own rows (no
    /// product) stand first, in their order; then the products' by their names.
    static func key(_ row: ListedRow, at index: Int, order: Order, names: (Int) -> ProductNames?) -> (String, String, String, String, Int, Int)? {
        guard let owner = row.owner else { return order == .date ? nil : ("", "", "", "", -1, index) }
        guard let product = names(owner), let title = product.title else { return nil }
        switch order {
        case .date: return nil
        case .name: return ("\u{1}", "", title.key, title.exact, owner, row.item)
        case .verwerker:
            guard let verwerker = product.verwerker else { return nil }
            return ("\u{1}" + verwerker.key, verwerker.exact, title.key, title.exact, owner, row.item)
        }
    }

    /// Whether `rows` stand in the order `order` gives them.
    static func sorted(_ rows: [ListedRow], order: Order, names: (Int) -> ProductNames?) -> Bool {
        var last: (String, String, String, String, Int, Int)?
        for (index, row) in rows.enumerated() {
            guard let key = key(row, at: index, order: order, names: names) else { return false }
            if let last, !(last < key) { return false }
            last = key
        }
        return true
    }
    var files: [File]

    /// The file beside the listing snapshot at `snapshot` (`ListingSnapshot.location`).
    static func location(forSnapshot snapshot: URL) -> URL {
        URL(fileURLWithPath: snapshot.path + "-plaatsen")
    }

    /// The executable and content folder (as given: files are named relative to it).
    static func identity(contentRoot: String) -> StableDigest? {
        BuildRecord.executableStamp.map { StableDigest([header, $0, contentRoot]) }
    }

    /// The digest of the products' files, in file order.
    static func digest(ofFiles files: [String]) -> StableDigest {
        StableDigest(files)
    }

    /// The places of the rows of every product in `noted` files (`PlacementNotes`).
    /// - Parameters:
    ///   - fragments: each product's kept values, in file order.
    ///   - byName: the products' places in file order, in the order of their names.
    ///   - lengths: each noted file's length in bytes.
    /// Nil when a file that lists bijsluiters was not placed, or a product keeps a value
    /// `KeptValueCoding` does not know.
    static func make(identity: StableDigest, inputs: StableDigest, files productFiles: [String], fragments: [FileFragments],
                     byName: [Int], noted: PlacementNotes, lengths: [String: Int]) -> ListingPlaces? {
        // Each kept row by its identity: its product, its kind and its place in that value. The
        // rows of each product found on all cores.
        let found = try? Parallel.map(fragments, minimumBatch: 64) { kept -> [(kind: String, rows: [ObjectIdentifier])]? in
            var found: [(kind: String, rows: [ObjectIdentifier])] = []
            for (kind, value) in kept.keptByKind {
                guard let rows = KeptValueCoding.fragments(in: value) else { return nil }
                if !rows.isEmpty { found.append((kind, rows.map { ObjectIdentifier($0) })) }
            }
            return found
        }
        guard let found else { return nil }
        let names = fragments.map { kept -> ProductNames in
            let values = kept.keptByKind
            func name(_ kind: NameKind) -> SortName? { (values[kind.key] as? NameKey).map { SortName(key: $0.key, exact: $0.exact) } }
            return ProductNames(title: name(.title), verwerker: name(.verwerker))
        }
        let byProduct = found.compactMap { $0 }
        guard byProduct.count == found.count else { return nil }
        // The kinds in their order, so the same pages give the same places.
        let kinds = Set(byProduct.flatMap { $0.map(\.kind) }).sorted()
        let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        var owners: [ObjectIdentifier: (owner: Int, kind: Int, item: Int)] = [:]
        owners.reserveCapacity(byProduct.count * 12)
        for (owner, values) in byProduct.enumerated() {
            for (kind, rows) in values {
                guard let index = kindIndex[kind] else { return nil }
                for (item, row) in rows.enumerated() { owners[row] = (owner, index, item) }
            }
        }
        // Each file's slots, the files on all cores.
        let owned = owners
        let frames = noted.frames, schools = noted.schools
        let placedFiles = try? Parallel.map(noted.files.sorted(by: { $0.key < $1.key }), minimumBatch: 1) { path, placements -> File? in
            guard let placements, let length = lengths[path] else { return nil }
            var slots: [Slot] = [], lists: [SortedList] = []
            for placement in placements {
                guard placement.verbatim else { return nil }
                var at = placement.offset
                let rows = placement.rows.placedRows()
                var listed: [ListedRow] = [], dated = !rows.isEmpty
                for row in rows {
                    let owner = owned[row.row]
                    if let owner {
                        slots.append(Slot(offset: at, length: row.length, owner: owner.owner, kind: owner.kind, item: owner.item))
                    }
                    listed.append(ListedRow(length: row.length, owner: owner?.owner, kind: owner?.kind ?? 0, item: owner?.item ?? 0, date: row.date ?? ""))
                    if row.date == nil { dated = false }
                    // Rows are joined with one line break.
                    at += row.length + 1
                }
                // A list of one kind of product rows sorted by names, as it stands, is kept whole too.
                let productKinds = Set(listed.compactMap { $0.owner == nil ? nil : $0.kind })
                if dated {
                    lists.append(SortedList(offset: placement.offset, rows: listed, order: .date, school: nil))
                } else if productKinds.count == 1, let kind = productKinds.first, let order = Self.order(ofKind: kinds[kind]),
                          Self.sorted(listed, order: order, names: { names.indices.contains($0) ? names[$0] : nil }) {
                    lists.append(SortedList(offset: placement.offset, rows: listed, order: order, school: schools[path]))
                }
            }
            slots.sort { $0.offset < $1.offset }
            lists.sort { $0.offset < $1.offset }
            // Rows that overlap cannot each be put in place of another.
            for index in slots.indices.dropFirst() where slots[index - 1].offset + slots[index - 1].length > slots[index].offset { return nil }
            guard slots.last.map({ $0.offset + $0.length <= length }) ?? true else { return nil }
            // A file noted without its frame prints none; one noted with an unknown frame keeps nil.
            let frame: [Range<Int>]? = frames[path] ?? .some([])
            return File(path: path, length: length, slots: slots, lists: lists, frame: frame)
        }
        guard let placedFiles, placedFiles.allSatisfy({ $0 != nil }) else { return nil }
        let files = placedFiles.compactMap { $0 }
        return ListingPlaces(identity: identity, inputs: inputs, products: digest(ofFiles: productFiles), byName: byName, kinds: kinds,
                             names: names, files: files)
    }

    // MARK: The file
    //
    // The header and a digest of everything after it; then the identity, the inputs and the
    // products' digest, and numbers (`ByteWriter`): the order by name, the kinds (texts), the
    // products' names, the rows' dates (texts, each once), and each file with its path, its length,
    // its slots, its lists (a row's date by its place among the dates) and its frame. A file changed anywhere is not read at all.

    var bytes: [UInt8] {
        var writer = ByteWriter(capacity: 64 + byName.count * 3 + files.reduce(0) { $0 + 16 + $1.slots.count * 12 })
        writer.digest(identity)
        writer.digest(inputs)
        writer.digest(products)
        writer.number(byName.count)
        for place in byName { writer.number(place) }
        writer.number(kinds.count)
        for kind in kinds { writer.text(kind) }
        for product in names {
            for name in [product.title, product.verwerker] {
                writer.flag(name != nil)
                if let name {
                    writer.text(name.key)
                    writer.text(name.exact)
                }
            }
        }
        // The rows' dates once each (a board's products share a few hundred), then by their place.
        // Rows next to each other mostly share their date: it is looked up only when it changes.
        var dates: [String: Int] = [:], last: (date: String, place: Int)?
        func place(of date: String) -> Int {
            if let last, last.date == date { return last.place }
            let place = dates[date] ?? dates.count
            if place == dates.count { dates[date] = place }
            last = (date, place)
            return place
        }
        let datePlaces = files.map { file in file.lists.map { list in list.rows.map { place(of: $0.date) } } }
        writer.number(dates.count)
        for (date, _) in dates.sorted(by: { $0.value < $1.value }) { writer.text(date) }
        writer.number(files.count)
        for (file, datePlaces) in zip(files, datePlaces) {
            writer.text(file.path)
            writer.number(file.length)
            writer.number(file.slots.count)
            for slot in file.slots {
                for number in [slot.offset, slot.length, slot.owner, slot.kind, slot.item] { writer.number(number) }
            }
            writer.number(file.lists.count)
            for (list, datePlaces) in zip(file.lists, datePlaces) {
                writer.number(list.offset)
                writer.number(list.order.rawValue)
                writer.flag(list.school != nil)
                if let school = list.school { writer.number(school) }
                writer.number(list.rows.count)
                for (row, date) in zip(list.rows, datePlaces) {
                    for number in [row.length, row.owner.map { $0 + 1 } ?? 0, row.kind, row.item, date] { writer.number(number) }
                }
            }
            writer.flag(file.frame != nil)
            writer.number(file.frame?.count ?? 0)
            for range in file.frame ?? [] {
                writer.number(range.lowerBound)
                writer.number(range.count)
            }
        }
        var file = ByteWriter(capacity: writer.bytes.count + 40)
        file.text(Self.header)
        var digest = StableDigest()
        writer.bytes.withUnsafeBytes { digest.update($0) }
        file.digest(digest)
        file.raw(writer.bytes)
        return file.bytes
    }

    /// The places at `url` when the file is whole and was made by this executable for `contentRoot`.
    static func read(from url: URL, contentRoot: String) -> ListingPlaces? {
        guard let identity = identity(contentRoot: contentRoot), let bytes = FileData.readBytes(url.path) else { return nil }
        return try? ListingPlaces(bytes: bytes, identity: identity)
    }

    init(bytes: [UInt8], identity: StableDigest) throws {
        var head = ByteReader(bytes)
        guard try head.text() == Self.header else { throw ByteReader.Malformed() }
        let digest = try head.digest()
        var rest = StableDigest()
        bytes.withUnsafeBytes { rest.update(UnsafeRawBufferPointer(rebasing: $0[head.offset...])) }
        guard rest == digest else { throw ByteReader.Malformed() }
        var reader = ByteReader(bytes, from: head.offset)
        guard try reader.digest() == identity else { throw ByteReader.Malformed() }
        self.identity = identity
        inputs = try reader.digest()
        products = try reader.digest()
        let count = try reader.number()
        guard count <= reader.remaining else { throw ByteReader.Malformed() }
        byName = try (0..<count).map { _ in
            let place = try reader.number()
            guard place < count else { throw ByteReader.Malformed() }
            return place
        }
        guard Set(byName).count == count else { throw ByteReader.Malformed() }
        let kindCount = try reader.number()
        guard kindCount <= reader.remaining else { throw ByteReader.Malformed() }
        kinds = try (0..<kindCount).map { _ in try reader.text() }
        names = try (0..<count).map { _ in
            func name() throws -> SortName? { try reader.flag() ? SortName(key: try reader.text(), exact: try reader.text()) : nil }
            return ProductNames(title: try name(), verwerker: try name())
        }
        let dateCount = try reader.number()
        guard dateCount <= reader.remaining else { throw ByteReader.Malformed() }
        let dates = try (0..<dateCount).map { _ in try reader.text() }
        let fileCount = try reader.number()
        guard fileCount <= reader.remaining else { throw ByteReader.Malformed() }
        var files: [File] = []
        for _ in 0..<fileCount {
            let path = try reader.text(), length = try reader.number(), slotCount = try reader.number()
            guard slotCount <= reader.remaining else { throw ByteReader.Malformed() }
            var slots: [Slot] = []
            slots.reserveCapacity(slotCount)
            var end = 0
            for _ in 0..<slotCount {
                let slot = Slot(offset: try reader.number(), length: try reader.number(), owner: try reader.number(),
                                kind: try reader.number(), item: try reader.number())
                guard slot.offset >= end, slot.owner < count, slot.kind < kindCount else { throw ByteReader.Malformed() }
                end = slot.offset + slot.length
                slots.append(slot)
            }
            guard end <= length, files.last.map({ $0.path < path }) ?? true else { throw ByteReader.Malformed() }
            let listCount = try reader.number()
            guard listCount <= reader.remaining else { throw ByteReader.Malformed() }
            var lists: [SortedList] = []
            for _ in 0..<listCount {
                let offset = try reader.number()
                guard let order = Order(rawValue: try reader.number()) else { throw ByteReader.Malformed() }
                let school = try reader.flag() ? try reader.number() : nil
                let rowCount = try reader.number()
                guard rowCount <= reader.remaining else { throw ByteReader.Malformed() }
                var rows: [ListedRow] = []
                rows.reserveCapacity(rowCount)
                for _ in 0..<rowCount {
                    let length = try reader.number(), owner = try reader.number(), kind = try reader.number(), item = try reader.number()
                    let date = try reader.number()
                    guard owner <= count, owner == 0 || kind < kindCount, date < dateCount else { throw ByteReader.Malformed() }
                    rows.append(ListedRow(length: length, owner: owner == 0 ? nil : owner - 1, kind: kind, item: item, date: dates[date]))
                }
                let list = SortedList(offset: offset, rows: rows, order: order, school: school)
                guard offset + list.length <= length else { throw ByteReader.Malformed() }
                lists.append(list)
            }
            let frameKnown = try reader.flag(), frameCount = try reader.number()
            guard frameCount <= reader.remaining else { throw ByteReader.Malformed() }
            var frame: [Range<Int>] = []
            for _ in 0..<frameCount {
                let offset = try reader.number(), count = try reader.number()
                guard offset + count <= length else { throw ByteReader.Malformed() }
                frame.append(offset..<(offset + count))
            }
            files.append(File(path: path, length: length, slots: slots, lists: lists, frame: frameKnown ? frame : nil))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        self.files = files
    }

    init(identity: StableDigest, inputs: StableDigest, products: StableDigest, byName: [Int], kinds: [String], names: [ProductNames],
         files: [File]) {
        self.identity = identity
        self.inputs = inputs
        self.products = products
        self.byName = byName
        self.kinds = kinds
        self.names = names
        self.files = files
    }

    /// Writes the places to `url`, or removes the file there when they cannot be written.
    func save(to url: URL) {
        Self.save(bytes, to: url)
    }

    /// Writes places as `bytes` to `url`, or removes the file there when they cannot be written.
    static func save(_ bytes: [UInt8], to url: URL) {
        if !FileData.replace(url.path, with: Data(bytes)) { remove(at: url) }
    }

    /// Removes the places at `url`, if there are: a plain file only.
    static func remove(at url: URL) {
        ListingSnapshot.remove(at: url)
    }
}

/// Where the lists of rows stand in the listing files that list bijsluiters, noted as a one-off
/// build makes them (`SiteBuilder.laidOut`, `renderedFile`): by file, its lists' placements, or
/// nil when where they stand is not known.
final class PlacementNotes: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var noted: [String: [RowPlacement]?] = [:]
    /// The products' places in file order, in the order of their names (`SiteContext.productsByName`).
    var byName: [Int] = []

    /// By file, where it prints a text the page reads from its rows (nil: not known).
    private var notedFrames: [String: [Range<Int>]?] = [:]

    func note(_ file: String, _ placements: [RowPlacement]?, frame: [Range<Int>]? = []) {
        lock.withLock {
            noted[file] = .some(placements)
            notedFrames[file] = .some(frame)
        }
    }

    var files: [String: [RowPlacement]?] { lock.withLock { noted } }
    /// By school page's file, the school's place in the organisation's list.
    var schools: [String: Int] = [:]
    var frames: [String: [Range<Int>]?] { lock.withLock { notedFrames } }
}
