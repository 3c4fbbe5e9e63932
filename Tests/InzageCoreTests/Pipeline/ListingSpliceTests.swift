import Foundation
@testable import InzageCore
import Testing

/// A patch build whose changed bijsluiters change only their rows in the lists puts the new rows
/// in place of the old ones in the published listing pages (`SiteBuilder.splicedListing`,
/// `ListingPlaces`); every other change to what the lists read makes them from the listing
/// snapshot. Either way the site must be, byte for byte, what a clean build makes.
@Suite("Listing pages: rows put in place")
struct ListingSpliceTests {
    typealias Board = PatchBuildTests.Board
    let patch = PatchBuildTests()

    /// The fixture with `count` more leermiddelen, `Rekentuin 1` … (copies of Rekentuin, each
    /// with a verwerker and a school of its own), so that lists hold rows on both sides of a row.
    static func board(extra count: Int = 4) throws -> Board {
        var content = TestContent.valid
        for number in 1...count {
            let text = Fixture.rekentuin
                .replacingOccurrences(of: "product: Rekentuin", with: "product: Rekentuin \(number)")
                .replacingOccurrences(of: "naam: Oefenweb B.V.", with: "naam: Oefenweb \(number) B.V.")
                .replacingOccurrences(of: "scholen: alle", with: number.isMultiple(of: 2) ? "scholen: [07RB]" : "scholen: alle")
            content.entries["bijsluiters/rekentuin-\(number).md"] = .text(text)
        }
        return try Board(content)
    }

    func replace(_ old: String, with new: String, in file: String, of board: Board) throws {
        try patch.replace(old, with: new, in: file, of: board)
    }

    /// Every product's kept values, read back from the listing snapshot, by file.
    static func keptValues(_ board: Board) throws -> [String: [String: Any]] {
        let snapshot = try #require(ListingSnapshot.read(from: ListingSnapshot.location(for: board.output), contentRoot: board.content))
        let templates = try TemplateSet(override: nil)
        return try #require(snapshot.values(ofOnly: Array(snapshot.products.values), templates: templates, misses: FileFragments.Misses()))
    }

    /// The products' files in file order, as the places number them.
    static func productFiles(_ board: Board) -> [String] {
        let snapshot = ListingSnapshot.read(from: ListingSnapshot.location(for: board.output), contentRoot: board.content)
        return (snapshot?.products.keys).map { $0.sorted() } ?? []
    }

    /// The site is byte for byte what a clean build makes, and so are the places it leaves for
    /// the next build (whether its rows were put in place or the lists made).
    func expectSameAsClean(_ board: Board, _ result: BuildPipeline.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try patch.expectSameAsClean(board, result, sourceLocation: sourceLocation)
        let clean = board.folder.url.appendingPathComponent("clean-places-\(UUID().uuidString)")
        _ = try board.build(into: clean)
        let cleanPlaces = ListingPlaces.read(from: ListingPlaces.location(forSnapshot: ListingSnapshot.location(for: clean)), contentRoot: board.content)
        #expect(cleanPlaces != nil, sourceLocation: sourceLocation)
        #expect(Self.places(board) == cleanPlaces, "the places differ from a clean build's", sourceLocation: sourceLocation)
    }

    static func places(_ board: Board) -> ListingPlaces? {
        ListingPlaces.read(from: ListingPlaces.location(forSnapshot: ListingSnapshot.location(for: board.output)), contentRoot: board.content)
    }

    @Test func everyRowStandsWhereThePlacesSay() throws {
        let board = try Self.board()
        defer { board.remove() }
        _ = try board.build()
        #expect(ListingPlaces.location(forSnapshot: ListingSnapshot.location(for: board.output)).lastPathComponent == ".public-inzage-lijsten-plaatsen")
        let places = try #require(Self.places(board))
        let values = try Self.keptValues(board)
        let files = values.keys.sorted()
        #expect(places.products == ListingPlaces.digest(ofFiles: files))
        // The order of names, as the product list shows it.
        #expect(places.byName.map { files[$0] }.map { URL(fileURLWithPath: $0).lastPathComponent }
            == ["rekentuin.md", "rekentuin-1.md", "rekentuin-2.md", "rekentuin-3.md", "rekentuin-4.md", "schoolapp.md"])
        // Every file that lists bijsluiters is placed, each of its products' rows where it stands.
        #expect(Set(places.files.map(\.path)) == ["bijsluiters/index.html", "privacyverklaring/index.html", "wijzigingen/index.html",
                                                   "scholen/07rb/index.html", "scholen/15ak/index.html", "feed.xml", "sitemap.xml"])
        var rowsPerProduct = [Int](repeating: 0, count: files.count)
        for file in places.files {
            let bytes = try Data(contentsOf: board.output.appendingPathComponent(file.path))
            #expect(bytes.count == file.length)
            for slot in file.slots {
                let value = try #require(values[files[slot.owner]]?[places.kinds[slot.kind]])
                let rows = try #require(KeptValueCoding.rows(in: value))
                let html = rows[slot.item].html
                #expect(bytes[slot.offset..<(slot.offset + slot.length)].elementsEqual(html.utf8), "\(file.path) at \(slot.offset)")
                rowsPerProduct[slot.owner] += 1
            }
        }
        // A product list row, a matrix row, its changes (twice: the change list and the feed), its sitemap entry, …
        #expect(rowsPerProduct.allSatisfy { $0 >= 6 }, "\(rowsPerProduct)")
        // And no row of a product stands anywhere else in these files: every one was placed (two
        // school pages that list a product share its one row).
        let allRows = try values.values.flatMap { kept in try kept.values.flatMap { try #require(KeptValueCoding.rows(in: $0)).map { $0.html } } }
        for file in places.files {
            var rest = try Data(contentsOf: board.output.appendingPathComponent(file.path))
            for slot in file.slots.reversed() { rest.removeSubrange(slot.offset..<(slot.offset + slot.length)) }
            let text = String(decoding: rest, as: UTF8.self)
            for html in allRows where html.count > 20 { #expect(!text.contains(html), "\(file.path) holds a row not placed: \(html)") }
        }
        // The places are bytes that read back as they were.
        #expect(try ListingPlaces(bytes: places.bytes, identity: places.identity) == places)
    }

    /// Edits to one bijsluiter, each with whether its rows are put in place.
    static let edits: [(old: String, new: String, spliced: Bool)] = [
        ("product: Rekentuin 3\n", "product: Rekentuin 3 Plus\n", true),  // its name, where it stood among the others
        ("product: Rekentuin 3\n", "product: Rekentuin 9\n", true),  // a name that sorts elsewhere
        ("  medisch: nee", "  medisch: Ondersteuningsbehoefte bij dyscalculie.", true),  // the matrix and the special column
        ("versie: \"2.1\"", "versie: \"2.2\"", true),  // the product list and the feed
        ("samenvatting: Bijgewerkt voor het nieuwe schooljaar.", "samenvatting: Bijgewerkt.", true),  // the change list and the feed
        ("naam: Oefenweb 3 B.V.", "naam: Oefenweb 3 Plus B.V.", true),  // the recipients sort by the verwerker
        ("naam: Oefenweb 3 B.V.", "naam: Aaaweb B.V.", true),  // a verwerker that sorts first
        ("doorgifte: nee", "doorgifte: { landen: [US], waarborg: dpf }", true),  // a transfer row more
        ("datum: 2026-09-01\n", "datum: 2026-10-01\n", true),  // the sitemap's date, in its row
        ("  - { versie: \"2.1\"", "  - { versie: \"2.2\", datum: 2026-11-01, samenvatting: Nieuw. }\n  - { versie: \"2.1\"", true),  // a change more, the newest
        ("  - { versie: \"2.0\", datum: 2025-08-15", "  - { versie: \"2.0\", datum: 2024-08-15", true),  // a change dated otherwise
        ("  - { versie: \"2.0\", datum: 2025-08-15, samenvatting: Nieuwe verwerkersovereenkomst volgens model 4.0. }\n", "", true),  // a change less
        ("scholen: alle", "scholen: [07RB]", true),  // the school pages
        ("product: Rekentuin 3\n", "product: Rekentuin 3\n# een regel erbij\n", true),  // nothing the lists show
    ]

    @Test func anEditToRowsAlonePutsThemInPlaceAndEveryOtherMakesTheLists() throws {
        for edit in Self.edits {
            let board = try Self.board()
            defer { board.remove() }
            _ = try board.build()
            try replace(edit.old, with: edit.new, in: "bijsluiters/rekentuin-3.md", of: board)
            let result = try board.build()
            #expect(result.patched, "\(edit.new)")
            #expect(result.splicedListing == edit.spliced, "\(edit.new)")
            #expect(result.diagnostics == (try CheckPipeline.run(contentRoot: board.content, today: Fixture.today)).1)
            try expectSameAsClean(board, result)
            // The places now describe the new pages: a second edit is put in place too.
            try replace("product: Rekentuin 1\n", with: "product: Rekentuin 1b\n", in: "bijsluiters/rekentuin-1.md", of: board)
            let next = try board.build()
            let nextSpliced = next.splicedListing
            #expect(nextSpliced, "after \(edit.new)")
            try expectSameAsClean(board, next)
        }
    }

    /// Edits drawn at random, one after another on one board, to what the lists show of a
    /// bijsluiter (its name, version, date, categories, a change's text, its verwerker, its
    /// schools, a change more or less), one or two bijsluiters at a time: after each, put in place
    /// or made from the snapshot (a school page left empty, say), the site and the places it
    /// leaves are byte for byte what a clean build makes.
    @Test func randomEditsInARowGiveWhatACleanBuildGives() throws {
        let board = try Self.board(extra: 6)
        defer { board.remove() }
        _ = try board.build()
        var random = SeededGenerator(seed: 20261202)
        let files = ["rekentuin.md"] + (1...6).map { "rekentuin-\($0).md" }
        var spliced = 0
        for step in 0..<60 {
            for _ in 0...random.next(below: 2) {
                let file = files[random.next(below: files.count)]
                let path = board.content + "/bijsluiters/" + file
                var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
                func set(_ prefix: String, _ value: String) {
                    if let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) { lines[index] = prefix + value }
                }
                let letters = ["a", "b", "k", "z", "A", "É", "2"]
                switch random.next(below: 9) {
                case 7:
                    // A change more, of any date (the same as others' too), with or without a version.
                    if let index = lines.firstIndex(of: "wijzigingen:") {
                        let date = ["2026-09-01", "2025-08-15", "2026-10-0\(1 + random.next(below: 9))", "2024-0\(1 + random.next(below: 9))-01"][random.next(below: 4)]
                        let version = random.next(below: 2) == 0 ? "versie: \"3.\(random.next(below: 9))\", " : ""
                        lines.insert("  - { \(version)datum: \(date), samenvatting: Wijziging \(random.next(below: 99)). }", at: index + 1)
                    }
                case 8:
                    // A change less, while it has more than one.
                    if let index = lines.firstIndex(of: "wijzigingen:"), lines[index + 2].hasPrefix("  - {") { lines.remove(at: index + 1) }
                case 0: set("product: ", "Rekentuin \(random.next(below: 9))" + letters[random.next(below: letters.count)])
                case 1: set("versie: ", "\"2.\(random.next(below: 9))\"")
                case 2: set("datum: ", "2026-0\(1 + random.next(below: 9))-1\(random.next(below: 9))")
                case 3: set("  medisch: ", random.next(below: 2) == 0 ? "nee" : "Gegevens over dyslexie.")
                case 4: set("  - { versie: \"2.1\", datum: 2026-09-01, samenvatting: ", "Bijgewerkt (\(random.next(below: 99))). }")
                case 5: set("  naam: Oefenweb", " \(random.next(below: 9)) B.V.")
                default: set("scholen: ", ["alle", "[07RB]", "[15AK]"][random.next(below: 3)])
                }
                try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
            }
            let result = try board.build()
            #expect(result.patched, "step \(step)")
            if result.splicedListing { spliced += 1 }
            #expect(result.diagnostics == (try CheckPipeline.run(contentRoot: board.content, today: Fixture.today)).1, "step \(step)")
            try expectSameAsClean(board, result)
        }
        // Both ways were taken.
        #expect(spliced > 40 && spliced < 60, "\(spliced) of 60 put in place")
    }

    @Test func severalBijsluitersAndEditsInARowArePutInPlace() throws {
        let board = try Self.board()
        defer { board.remove() }
        _ = try board.build()
        // The first and the last in the order of names, at once.
        try replace("product: Rekentuin\n", with: "product: Rekentuin 0\n", in: "bijsluiters/rekentuin.md", of: board)
        try replace("product: Schoolapp Ouderportaal", with: "product: Schoolapp Ouders", in: "bijsluiters/schoolapp.md", of: board)
        let both = try board.build()
        #expect(both.splicedListing)
        try expectSameAsClean(board, both)
        // A body edit keeps the lists (and their places) as they are; the next rename is put in place.
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin-2.md")
        let body = try board.build()
        #expect(body.patched && !body.splicedListing)
        try expectSameAsClean(board, body)
        for name in ["Rekentuin 2 Extra", "Rekentuin 2 Extra Lang", "Rekentuin 2"] {
            let text = try String(contentsOfFile: board.content + "/bijsluiters/rekentuin-2.md", encoding: .utf8)
            let current = try #require(text.split(separator: "\n").first { $0.hasPrefix("product: ") })
            try replace(String(current) + "\n", with: "product: \(name)\n", in: "bijsluiters/rekentuin-2.md", of: board)
            let renamed = try board.build()
            #expect(renamed.splicedListing, "\(name)")
            try expectSameAsClean(board, renamed)
        }
    }

    @Test func damagedMissingOrEarlierPlacesMakeTheListsFromTheSnapshot() throws {
        let damages: [(String, (URL, Data) throws -> Void)] = [
            ("removed", { url, _ in try FileManager.default.removeItem(at: url) }),
            ("cut off", { url, bytes in try bytes.prefix(bytes.count - 3).write(to: url) }),
            ("a byte more", { url, bytes in try (bytes + [0]).write(to: url) }),
            ("a slot's row moved", { url, bytes in
                var moved = bytes
                // The last slot's item number, the last byte, is an index into the product's rows.
                moved[moved.count - 1] = moved[moved.count - 1] &+ 1
                try moved.write(to: url)
            }),
        ]
        for (name, damage) in damages {
            let board = try Self.board()
            defer { board.remove() }
            _ = try board.build()
            let url = ListingPlaces.location(forSnapshot: ListingSnapshot.location(for: board.output))
            try damage(url, try Data(contentsOf: url))
            try replace("product: Rekentuin 3\n", with: "product: Rekentuin 3 Plus\n", in: "bijsluiters/rekentuin-3.md", of: board)
            let result = try board.build()
            #expect(result.patched, "\(name)")
            #expect(!result.splicedListing, "\(name)")
            try expectSameAsClean(board, result)
        }
        // Whole places whose row does not stand where they say: the build gives way to a full one.
        do {
            let board = try Self.board()
            defer { board.remove() }
            _ = try board.build()
            let url = ListingPlaces.location(forSnapshot: ListingSnapshot.location(for: board.output))
            var places = try #require(Self.places(board))
            let owner = try #require(Self.productFiles(board).firstIndex { $0.hasSuffix("/rekentuin-3.md") })
            let file = try #require(places.files.firstIndex { $0.path == "bijsluiters/index.html" })
            let slot = try #require(places.files[file].slots.firstIndex { $0.owner == owner })
            places.files[file].slots[slot].offset += 1
            places.save(to: url)
            try replace("product: Rekentuin 3\n", with: "product: Rekentuin 3 Plus\n", in: "bijsluiters/rekentuin-3.md", of: board)
            let result = try board.build()
            #expect(!result.patched)
            try expectSameAsClean(board, result)
        }
        // A listing page changed by hand in the published site: its rows are not put in place.
        do {
            let board = try Self.board()
            defer { board.remove() }
            _ = try board.build()
            let page = board.output.appendingPathComponent("bijsluiters/index.html")
            var text = try String(contentsOf: page, encoding: .utf8)
            text = text.replacingOccurrences(of: "Rekentuin 3", with: "Rekentuin 3 (met de hand)")
            try text.write(to: page, atomically: false, encoding: .utf8)
            try replace("product: Rekentuin 3\n", with: "product: Rekentuin 3 Plus\n", in: "bijsluiters/rekentuin-3.md", of: board)
            let result = try board.build()
            #expect(!result.splicedListing)
            try expectSameAsClean(board, result)
        }
        // Places of earlier listing pages are not used for the pages published since.
        let board = try Self.board()
        defer { board.remove() }
        _ = try board.build()
        let url = ListingPlaces.location(forSnapshot: ListingSnapshot.location(for: board.output))
        let earlier = try Data(contentsOf: url)
        try replace("product: Rekentuin 3\n", with: "product: Rekentuin 3 Plus\n", in: "bijsluiters/rekentuin-3.md", of: board)
        #expect(try board.build().splicedListing)
        try earlier.write(to: url)
        try replace("product: Rekentuin 1\n", with: "product: Rekentuin 1 Plus\n", in: "bijsluiters/rekentuin-1.md", of: board)
        let result = try board.build()
        #expect(result.patched && !result.splicedListing)
        try expectSameAsClean(board, result)
    }

    /// A theme whose lists do not stand as their rows' HTML, unescaped, keeps no places: its
    /// listing pages are made from the snapshot. One that places a list in an indented partial
    /// is cut only where that gives what Mustache renders.
    @Test func aThemeThatDoesNotPlaceItsRowsAsTheyAreKeepsNoPlaces() throws {
        let overview = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("bijsluiters.mustache"), encoding: .utf8)
        let verklaring = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("privacyverklaring.mustache"), encoding: .utf8)
        let themes: [(name: String, files: [String: String], placed: Bool?)] = [
            ("rows gone through", ["bijsluiters.mustache": overview.replacingOccurrences(of: "{{{rows.html}}}", with: "{{#rows}}{{{html}}}\n{{/rows}}")], false),
            ("rows escaped", ["bijsluiters.mustache": overview.replacingOccurrences(of: "{{{rows.html}}}", with: "{{rows.html}}")], false),
            ("rows in an indented partial", ["privacyverklaring.mustache": verklaring.replacingOccurrences(of: "{{{ontvangers.html}}}", with: "  {{> ontvangers-lijst}}"),
                                             "ontvangers-lijst.mustache": "{{{ontvangers.html}}}\n"], nil),
        ]
        for theme in themes {
            let board = try Self.board()
            defer { board.remove() }
            let templates = board.folder.url.appendingPathComponent("templates")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            for (file, text) in theme.files { try text.write(to: templates.appendingPathComponent(file), atomically: false, encoding: .utf8) }
            func build(into output: URL) throws -> BuildPipeline.Result {
                try BuildPipeline.run(contentRoot: board.content, templatesRoot: templates.path, output: output.path,
                                      lettersRoot: board.folder.url.appendingPathComponent("letters").path, today: Fixture.today)
            }
            #expect(try build(into: board.output).report != nil, "\(theme.name)")
            let placed = Self.places(board) != nil
            #expect(theme.placed.map { $0 == placed } ?? true, "\(theme.name)")
            try replace("product: Rekentuin 3\n", with: "product: Rekentuin 3 Plus\n", in: "bijsluiters/rekentuin-3.md", of: board)
            let result = try build(into: board.output)
            #expect(result.patched && result.splicedListing == placed, "\(theme.name)")
            let clean = board.folder.url.appendingPathComponent("clean")
            _ = try build(into: clean)
            let files = PatchBuildTests.snapshot(board.output), cleanFiles = PatchBuildTests.snapshot(clean)
            #expect(files.keys.sorted() == cleanFiles.keys.sorted(), "\(theme.name)")
            for (path, bytes) in cleanFiles where files[path] != bytes { Issue.record("\(theme.name): \(path) differs from a clean build") }
        }
    }

    @Test func aSpliceMovesTheRowsAfterEachChangedOne() throws {
        let old = Data("<a>one</a>\n<b>two</b>\n<c>three</c>".utf8)
        let slots = [ListingPlaces.Slot(offset: 0, length: 10, owner: 0, kind: 0, item: 0),
                     ListingPlaces.Slot(offset: 11, length: 10, owner: 1, kind: 0, item: 0),
                     ListingPlaces.Slot(offset: 22, length: 12, owner: 2, kind: 0, item: 0)]
        let file = ListingPlaces.File(path: "x.html", length: old.count, slots: slots, lists: [], frame: [])
        func change(_ rows: [(slot: Int, old: String, html: String)]) -> ListingSplice.FileWork {
            var change = ListingSplice.FileWork(file: 0)
            change.rows = rows
            return change
        }
        let (data, moved) = try #require(SiteBuilder.apply(change([(0, "<a>one</a>", "<a>1</a>"), (2, "<c>three</c>", "<c>three and more</c>")]),
                                                           to: old, file: file))
        #expect(String(decoding: data, as: UTF8.self) == "<a>1</a>\n<b>two</b>\n<c>three and more</c>")
        #expect(moved.slots.map(\.offset) == [0, 9, 20])
        #expect(moved.slots.map(\.length) == [8, 10, 21])
        #expect(moved.length == data.count)
        // A slot that does not hold the row it is said to: nothing is put in place.
        #expect(SiteBuilder.apply(change([(1, "<b>twee</b>", "<b>2</b>")]), to: old, file: file) == nil)
        var past = file
        past.slots[2].length = 13
        #expect(SiteBuilder.apply(change([(2, "<c>three</c>", "<c>3</c>")]), to: old, file: past) == nil)
    }

    @Test func aListSortedByDateIsMadeAnewWithAProductsRowsWhereTheirDatesGo() throws {
        // A change of a top-level document and two products' changes, newest first.
        let rows = ["<li>doc 2026-10</li>", "<li>p0 2026-09</li>", "<li>p1 2026-09</li>", "<li>p0 2025-01</li>"]
        let text = "<ul>\n" + rows.joined(separator: "\n") + "\n</ul>"
        let old = Data(text.utf8)
        let list = ListingPlaces.SortedList(offset: 5, rows: [
            .init(length: rows[0].utf8.count, owner: nil, kind: 0, item: 0, date: "2026-10-01"),
            .init(length: rows[1].utf8.count, owner: 0, kind: 0, item: 0, date: "2026-09-01"),
            .init(length: rows[2].utf8.count, owner: 1, kind: 0, item: 0, date: "2026-09-01"),
            .init(length: rows[3].utf8.count, owner: 0, kind: 0, item: 1, date: "2025-01-01"),
        ], order: .date, school: nil)
        var slots: [ListingPlaces.Slot] = []
        var at = 5
        for row in list.rows {
            if let owner = row.owner { slots.append(.init(offset: at, length: row.length, owner: owner, kind: 0, item: row.item)) }
            at += row.length + 1
        }
        let file = ListingPlaces.File(path: "wijzigingen/index.html", length: old.count, slots: slots, lists: [list], frame: [])
        // Product 1 gets a change of 2026-11 (the newest) besides its one of 2026-09.
        var change = ListingSplice.FileWork(file: 0)
        change.lists = [(0, [.made(html: "<li>p1 2026-11</li>", owner: 1, kind: 0, item: 0, date: "2026-11-01"), .kept(0), .kept(1),
                             .made(html: "<li>p1 2026-09</li>", owner: 1, kind: 0, item: 1, date: "2026-09-01"), .kept(3)],
                         [(2, rows[2])])]
        let (data, placed) = try #require(SiteBuilder.apply(change, to: old, file: file))
        #expect(String(decoding: data, as: UTF8.self)
            == "<ul>\n<li>p1 2026-11</li>\n<li>doc 2026-10</li>\n<li>p0 2026-09</li>\n<li>p1 2026-09</li>\n<li>p0 2025-01</li>\n</ul>")
        // Every product row stands where the places say.
        for slot in placed.slots {
            let row = data[slot.offset..<(slot.offset + slot.length)]
            #expect(String(decoding: row, as: UTF8.self).hasPrefix("<li>p\(slot.owner) "))
        }
        #expect(placed.slots.count == 4 && placed.lists[0].rows.count == 5 && placed.lists[0].length == data.count - 11)
        // The row taken out must stand where it was said to.
        change.lists[0].dropped = [(2, "<li>p1 2026-08</li>")]
        #expect(SiteBuilder.apply(change, to: old, file: file) == nil)
        // A list out of the order it is said to have is not made anew (`remade`).
        var unsorted = list
        unsorted.rows.swapAt(0, 1)
        #expect(ListingSplice.remade(unsorted, kind: 0, loaded: []) { _, _ in [] } == nil)
    }

    @Test func placesReadBackOnlyWhole() throws {
        let board = try Self.board(extra: 1)
        defer { board.remove() }
        _ = try board.build()
        let places = try #require(Self.places(board))
        let bytes = places.bytes
        #expect(try ListingPlaces(bytes: bytes, identity: places.identity) == places)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: (any Error).self) { try ListingPlaces(bytes: Array(bytes.prefix(length)), identity: places.identity) }
        }
        #expect(throws: (any Error).self) { try ListingPlaces(bytes: bytes + [0], identity: places.identity) }
        #expect(throws: (any Error).self) { try ListingPlaces(bytes: bytes, identity: StableDigest.of("een ander")) }
        // Of another content folder: not read.
        let other = try Board()
        defer { other.remove() }
        #expect(ListingPlaces.read(from: ListingPlaces.location(forSnapshot: ListingSnapshot.location(for: board.output)), contentRoot: other.content) == nil)
    }
}
