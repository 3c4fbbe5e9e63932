import Foundation
@testable import InzageCore
import Testing

/// The listing snapshot (`ListingSnapshot`): what a one-off build keeps of each bijsluiter for the
/// listing pages, read back by a patch build whose lists changed. What it reads back must be what
/// the pages made, and a patch build made from it must equal a clean full build.
@Suite("Listing snapshot")
struct ListingSnapshotTests {
    // MARK: Bytes

    @Test func numbersTextsAndFlagsReadBackAsWritten() throws {
        var writer = ByteWriter()
        let numbers = [0, 1, 127, 128, 300, 16_384, Int(Int32.max), Int.max]
        let signed = [0, -1, 1, -64, 64, Int.min, Int.max, -1_000_000]
        let texts = ["", "a", "één", "Ça va? 🙂", String(repeating: "x", count: 1_000)]
        for number in numbers { writer.number(number) }
        for number in signed { writer.signed(number) }
        for text in texts { writer.text(text) }
        writer.optionalText(nil)
        writer.optionalText("wel")
        writer.flag(true)
        writer.flag(false)
        var reader = ByteReader(writer.bytes)
        #expect(try numbers.map { _ in try reader.number() } == numbers)
        #expect(try signed.map { _ in try reader.signed() } == signed)
        #expect(try texts.map { _ in try reader.text() } == texts)
        #expect(try reader.optionalText() == nil)
        #expect(try reader.optionalText() == "wel")
        #expect(try reader.flag() == true && reader.flag() == false)
        #expect(reader.isAtEnd)
    }

    @Test func bytesThatWereNotWrittenSoDoNotRead() {
        var writer = ByteWriter()
        writer.text("abcdef")
        // Cut off: the text is longer than what is left.
        var cut = ByteReader(Array(writer.bytes.dropLast()))
        #expect(throws: ByteReader.Malformed.self) { try cut.text() }
        // Not UTF-8.
        var invalid = ByteReader([2, 0xC3, 0x28])
        #expect(throws: ByteReader.Malformed.self) { try invalid.text() }
        // A flag is 0 or 1.
        var flag = ByteReader([2])
        #expect(throws: ByteReader.Malformed.self) { try flag.flag() }
        // A number that does not end.
        var endless = ByteReader(Array(repeating: 0xFF, count: 12))
        #expect(throws: ByteReader.Malformed.self) { try endless.number() }
    }

    // MARK: Kept values

    /// The demo board's listing pages made with every product's values recorded.
    static func recordedListing() throws -> (content: Content, templates: TemplateSet, fragments: [FileFragments], files: ListingPages.Files) {
        let (content, _) = try CheckPipeline.run(contentRoot: InzagePaths.defaultContent.path, today: Fixture.today)
        let templates = try TemplateSet(override: nil)
        let listed = content.forListing
        let fragments = listed.bijsluiters.map { _ in FileFragments() }
        let files = try SiteBuilder(content: content, templates: templates)
            .makeListingPages(listed, organisatie: try #require(content.organisatie), productFragments: fragments).files()
        return (content, templates, fragments, files)
    }

    @Test func everyKeptValueReadsBackAsThePagesMadeIt() throws {
        let (_, templates, fragments, _) = try Self.recordedListing()
        var kinds: Set<String> = []
        for product in fragments {
            for (kind, value) in product.kept {
                kinds.insert(String(kind.prefix { $0 != "\u{0}" }))
                var writer = ByteWriter()
                #expect(KeptValueCoding.write(value, to: &writer), "\(kind)")
                let bytes = writer.bytes
                let reading = KeptValueCoding.Reading(bytes: bytes, templates: templates, misses: FileFragments.Misses())
                var reader = ByteReader(bytes)
                let back = try KeptValueCoding.read(from: &reader, reading)
                #expect(reader.isAtEnd)
                try expectSame(value, back, kind: kind)
                #expect(reading.misses.firstMissed == nil)
            }
        }
        // Every kind of value the lists keep of a product was read back.
        #expect(kinds == ["sortKey", "scholen", "row", "matrix", "ontvanger", "doorgifte", "changes", "feed", "sitemap"], "\(kinds.sorted())")
    }

    @Test func aValueFoundByItsTypeIsWrittenAsTheCastsWriteIt() throws {
        let (_, _, fragments, _) = try Self.recordedListing()
        var values: [Any] = fragments.flatMap { $0.kept.map(\.value) }
        // The edge cases the casts decide by their order: empty lists of rows, missing rows of either kind.
        values += [[ViewFragment<ChangeView>](), [ViewFragment<FeedView.Entry>](), [Int](), [3, 1],
                   ViewFragment<PrivacyverklaringView.OntvangerRow>?.none as Any, ViewFragment<PrivacyverklaringView.DoorgifteRow>?.none as Any]
        var kinds: Set<ObjectIdentifier> = []
        for value in values {
            kinds.insert(ObjectIdentifier(type(of: value)))
            var found = ByteWriter(), cast = ByteWriter()
            #expect(KeptValueCoding.write(value, to: &found) == KeptValueCoding.writeByCast(value, to: &cast))
            #expect(found.bytes == cast.bytes, "\(type(of: value))")
        }
        #expect(kinds.count == 9, "every type the lists keep")
    }

    /// `back` is `value` as the pages use it: the same type, texts, rows (HTML, template, view).
    private func expectSame(_ value: Any, _ back: Any, kind: String) throws {
        func same<View: MustacheFields>(_ a: ViewFragment<View>, _ b: ViewFragment<View>) {
            #expect(a.html == b.html, "\(kind)")
            #expect(a.templateName == b.templateName, "\(kind)")
            #expect(a.fingerprint == b.fingerprint, "\(kind): the view reads back otherwise")
            if let a = a as? ViewFragment<ChangeView>, let b = b as? ViewFragment<ChangeView> { #expect(b.keptSource?.listDate == a.view.listDate) }
            if let a = a as? ViewFragment<FeedView.Entry>, let b = b as? ViewFragment<FeedView.Entry> { #expect(b.keptSource?.listDate == a.view.listDate) }
        }
        switch value {
        case let key as NameKey:
            let other = try #require(back as? NameKey)
            #expect(other.key == key.key && other.exact == key.exact)
        case let indices as [Int]:
            #expect(back as? [Int] == indices)
        case let row as ViewFragment<BijsluitersView.Row>:
            same(row, try #require(back as? ViewFragment<BijsluitersView.Row>))
        case let row as ViewFragment<BijsluitersView.MatrixRow>:
            let other = try #require(back as? ViewFragment<BijsluitersView.MatrixRow>)
            same(row, other)
            #expect(row.view.cellen.map(\.html) == other.view.cellen.map(\.html))
        case let row as ViewFragment<PrivacyverklaringView.OntvangerRow>?:
            let other = try #require(back as? ViewFragment<PrivacyverklaringView.OntvangerRow>?)
            #expect((row == nil) == (other == nil))
            if let row, let other { same(row, other) }
        case let row as ViewFragment<PrivacyverklaringView.DoorgifteRow>?:
            let other = try #require(back as? ViewFragment<PrivacyverklaringView.DoorgifteRow>?)
            #expect((row == nil) == (other == nil))
            if let row, let other { same(row, other) }
        case let row as ViewFragment<SitemapView.URLEntry>:
            same(row, try #require(back as? ViewFragment<SitemapView.URLEntry>))
        case let rows as [ViewFragment<ChangeView>]:
            let other = try #require(back as? [ViewFragment<ChangeView>])
            #expect(rows.count == other.count)
            for (a, b) in zip(rows, other) { same(a, b) }
        case let rows as [ViewFragment<FeedView.Entry>]:
            let other = try #require(back as? [ViewFragment<FeedView.Entry>])
            #expect(rows.count == other.count)
            for (a, b) in zip(rows, other) { same(a, b) }
        default:
            Issue.record("\(kind) keeps a value of a type this test does not know")
        }
    }

    @Test func aValueOfAnotherKindKeepsNoSnapshot() throws {
        struct Other {}
        var writer = ByteWriter()
        #expect(!KeptValueCoding.write(Other(), to: &writer))
        #expect(writer.bytes.isEmpty)
        // A build whose lists kept such a value removes the snapshot it cannot write.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent(".public-inzage-lijsten")
        try Data("oud".utf8).write(to: file)
        let (content, _) = try CheckPipeline.run(contentRoot: try folder.write(.valid), today: Fixture.today)
        let fragments = FileFragments()
        _ = fragments.value("iets anders") { Other() }
        let making = ListingSnapshot.Making(identity: StableDigest(), global: StableDigest(),
                                            entries: [.made(try #require(content.bijsluiters.first), listed: StableDigest(), fragments: fragments)],
                                            source: nil)
        making.save(to: file)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func aSealedProductNotesWhatItDoesNotKeep() {
        let misses = FileFragments.Misses()
        let sealed = FileFragments(sealed: ["kept": 1], misses: misses)
        #expect(sealed.value("kept") { 2 } == 1)
        #expect(misses.firstMissed == nil)
        // Of another type than asked for: made, and noted.
        #expect(sealed.value("kept") { "twee" } == "twee")
        #expect(misses.firstMissed == "kept")
        _ = sealed.value("niet bewaard") { 3 }
        #expect(misses.firstMissed == "kept", "the first miss is the one named")
        // Fragments a build fills are not sealed.
        let open = FileFragments()
        #expect(open.value("a") { 1 } == 1 && open.value("a") { 2 } == 1)
    }

    // MARK: Builds

    /// The fixture board built without a session into `public/`, with the listing snapshot beside it.
    struct Board {
        let folder: TemporaryFolder
        let content: String
        var templates: String?
        var output: URL { folder.url.appendingPathComponent("public") }
        var snapshot: URL { ListingSnapshot.location(for: output) }

        init(templates: [String: String] = [:]) throws {
            folder = try TemporaryFolder()
            content = try folder.write(.valid)
            if !templates.isEmpty {
                let root = folder.url.appendingPathComponent("templates")
                try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
                for (name, text) in templates { try text.write(to: root.appendingPathComponent(name), atomically: false, encoding: .utf8) }
                self.templates = root.path
            }
        }

        func build(into output: URL? = nil) throws -> BuildPipeline.Result {
            try BuildPipeline.run(contentRoot: content, templatesRoot: templates, output: (output ?? self.output).path,
                                  lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        }

        func replace(_ old: String, with new: String, in relative: String = "bijsluiters/rekentuin.md") throws {
            let file = URL(fileURLWithPath: content).appendingPathComponent(relative)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains(old), "\(relative) no longer contains \(old)")
            try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: false, encoding: .utf8)
        }

        /// The build equals a clean full build of the content as it is now: findings and every byte.
        func expectSameAsClean(_ result: BuildPipeline.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let clean = folder.url.appendingPathComponent("clean-\(UUID().uuidString)")
            let full = try build(into: clean)
            #expect(!full.patched, sourceLocation: sourceLocation)
            #expect(result.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
            let a = PatchBuildTests.snapshot(output), b = PatchBuildTests.snapshot(clean)
            #expect(a.keys.sorted() == b.keys.sorted(), sourceLocation: sourceLocation)
            for (path, bytes) in b where a[path] != bytes {
                Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
            }
        }

        func remove() { folder.remove() }
    }

    @Test func successivePatchBuildsAddToTheSnapshotAndStayExact() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        let first = try #require(try FileManager.default.attributesOfItem(atPath: board.snapshot.path)[.size] as? Int)
        var name = "Rekentuin", sizes: [Int] = [], bothSchools = false
        for round in 1...12 {
            // Both products in turn, so the records added stand in for earlier ones of either.
            let next = "Rekentuin \(round)"
            try board.replace("product: \(name)\n", with: "product: \(next)\n")
            name = next
            if round.isMultiple(of: 3) {
                let one = "scholen: [07RB]\n", both = "scholen: [07RB, 15AK]\n"
                try board.replace(bothSchools ? both : one, with: bothSchools ? one : both, in: "bijsluiters/schoolapp.md")
                bothSchools.toggle()
            }
            let result = try board.build()
            #expect(result.patched, "round \(round)")
            try board.expectSameAsClean(result)
            sizes.append(try #require(try FileManager.default.attributesOfItem(atPath: board.snapshot.path)[.size] as? Int))
        }
        // Parts were added, and the file was written anew before it grew past twice its records.
        #expect(sizes.contains { $0 > first })
        #expect(sizes.allSatisfy { $0 <= 3 * first }, "\(first) \(sizes)")
        #expect(zip(sizes, sizes.dropFirst()).contains { $0 > $1 }, "the snapshot was never written anew: \(sizes)")
    }

    @Test func aDamagedSnapshotMeansAFullBuild() throws {
        let damages: [(String, (inout [UInt8]) -> Void)] = [
            ("cut off", { $0.removeLast(7) }),
            ("a byte of a row changed", { bytes in
                let marker = Array("Rekentuin".utf8)
                let at = (0..<(bytes.count - marker.count)).last { Array(bytes[$0..<($0 + marker.count)]) == marker }!
                bytes[at] = UInt8(ascii: "W")
            }),
            ("a byte of a field changed", { bytes in
                let marker = Array("rekentuin.md".utf8)
                let at = (0..<(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker }!
                bytes[at] = UInt8(ascii: "W")
            }),
            ("a byte more", { $0.append(0) }),
            ("another header", { $0[1] = UInt8(ascii: "X") }),
            ("empty", { $0 = [] }),
        ]
        for (name, damage) in damages {
            let board = try Board()
            defer { board.remove() }
            _ = try board.build()
            var bytes = [UInt8](try Data(contentsOf: board.snapshot))
            damage(&bytes)
            try Data(bytes).write(to: board.snapshot)
            try board.replace("product: Rekentuin", with: "product: Rekenbos")
            let result = try board.build()
            #expect(!result.patched, "\(name)")
            try board.expectSameAsClean(result)
            // The full build wrote a whole snapshot again, which the next edit reads.
            try board.replace("product: Rekenbos", with: "product: Rekenveld")
            let next = try board.build()
            #expect(next.patched, "\(name)")
            try board.expectSameAsClean(next)
        }
    }

    @Test func aValueTheSnapshotDoesNotHoldMeansAFullBuild() throws {
        // A snapshot whose products hold every value but which schools use them: the patch build
        // asks the stand-ins for it, notes the miss, and gives way to a full build before writing.
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        let snapshot = try #require(ListingSnapshot.read(from: board.snapshot, contentRoot: board.content))
        let templates = try TemplateSet(override: nil)
        let decoding = ListingSnapshot.Decoding({ snapshot }, templates: { templates })
        let values = try #require(decoding.values())
        let (content, _) = try CheckPipeline.run(contentRoot: board.content, today: Fixture.today)
        let entries = try content.bijsluiters.map { b -> ListingSnapshot.Making.Entry in
            let product = try #require(snapshot.products[b.file])
            let fragments = FileFragments()
            for (kind, value) in try #require(values[b.file]) where kind != "scholen" { _ = fragments.value(kind) { value } }
            return .made(b, listed: product.listed, fragments: fragments)
        }
        ListingSnapshot.Making(identity: snapshot.identity, global: snapshot.global, entries: entries, source: nil).save(to: board.snapshot)
        let without = try #require(ListingSnapshot.read(from: board.snapshot, contentRoot: board.content))
        #expect(without.products.count == snapshot.products.count)
        try board.replace("product: Rekentuin", with: "product: Rekenbos")
        let result = try board.build()
        #expect(!result.patched)
        try board.expectSameAsClean(result)
    }

    @Test func aThemeThatGoesThroughTheRowsReadsTheirViewsBack() throws {
        // Lists gone through row by row, each row's fields printed: the views of the rows the patch
        // build did not make are read back from the snapshot.
        let board = try Board(templates: [
            "wijzigingen.mustache": "{{#page}}<ul>{{#wijzigingen}}<li>{{document}} {{versie}} {{datum.dutch}}: {{samenvatting}}</li>{{/wijzigingen}}</ul>{{/page}}\n",
            "school.mustache": "{{#page}}<ul>{{#producten}}<li>{{product}} | {{verwerker}} | {{buitenEER}} | {{{html}}}</li>{{/producten}}</ul>{{/page}}\n",
            "bijsluiters.mustache": "{{#page}}<table>{{#matrix}}<tr><td>{{product}}</td>{{#cellen}}<td>{{tekst}}</td>{{/cellen}}</tr>{{/matrix}}</table>{{#rows}}<p>{{product}}: {{soort}}, {{versie}}</p>{{/rows}}{{/page}}\n",
            "feed.xml.mustache": "<feed>{{#entries}}<entry><title>{{title}}</title><updated>{{updated}}</updated></entry>{{/entries}}</feed>\n",
        ])
        defer { board.remove() }
        _ = try board.build()
        try board.replace("product: Rekentuin", with: "product: Rekenbos")
        let result = try board.build()
        #expect(result.patched)
        try board.expectSameAsClean(result)
    }

    @Test func theSnapshotLiesBesideTheOutputFolderAndHoldsWhatThePagesShow() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        #expect(board.snapshot.lastPathComponent == ".public-inzage-lijsten")
        #expect(board.snapshot.deletingLastPathComponent().path == board.folder.url.path)
        let snapshot = try #require(ListingSnapshot.read(from: board.snapshot, contentRoot: board.content))
        #expect(snapshot.products.keys.sorted() == ["bijsluiters/rekentuin.md", "bijsluiters/schoolapp.md"].map { board.content + "/" + $0 }.sorted())
        // Made for another content folder, it is not read.
        #expect(ListingSnapshot.read(from: board.snapshot, contentRoot: board.content + "/") == nil)
    }
}
