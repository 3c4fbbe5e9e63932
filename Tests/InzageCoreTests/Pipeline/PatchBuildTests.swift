import Foundation
@testable import InzageCore
import Testing

/// `inzage build` after edits to bijsluiters' bodies alone loads and checks only those
/// (`PatchBuild`), and must still give exactly the findings and bytes of a clean full build.
/// (`IncrementalBuildTests` compares it with a clean build after every kind of change, and
/// checks which changes it takes.)
@Suite("Patch builds")
struct PatchBuildTests {
    /// A fixture board in a temporary folder, built without a session into `public/`.
    struct Board {
        let folder: TemporaryFolder
        let content: String
        var output: URL { folder.url.appendingPathComponent("public") }
        var findingsRecord: URL { FindingsRecord.location(for: output) }

        init(_ content: TestContent = .valid) throws {
            folder = try TemporaryFolder()
            self.content = try folder.write(content)
        }

        func build(into output: URL? = nil) throws -> BuildPipeline.Result {
            try BuildPipeline.run(contentRoot: content, templatesRoot: nil, output: (output ?? self.output).path,
                                  lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        }

        /// A clean full build of the content as it is now, in a folder of its own.
        func clean() throws -> (result: BuildPipeline.Result, files: [String: Data]) {
            let output = folder.url.appendingPathComponent("clean-\(UUID().uuidString)")
            let result = try build(into: output)
            #expect(!result.patched)
            return (result, snapshot(output))
        }

        func append(_ text: String, to relative: String) throws {
            let file = URL(fileURLWithPath: content).appendingPathComponent(relative)
            try (try String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: false, encoding: .utf8)
        }

        func remove() { folder.remove() }
    }

    /// Every file of a site but the build record.
    static func snapshot(_ root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            if path != BuildRecord.fileName, let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) { result[path] = data }
        }
        return result
    }

    /// The patch build equals a clean build: findings, the lines they are shown with, every byte.
    func expectSameAsClean(_ board: Board, _ result: BuildPipeline.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let clean = try board.clean()
        #expect(result.diagnostics == clean.result.diagnostics, sourceLocation: sourceLocation)
        for file in Set(clean.result.diagnostics.map(\.location.file)) {
            #expect(result.content.sources[file] == clean.result.content.sources[file], "\(file)", sourceLocation: sourceLocation)
        }
        let files = Self.snapshot(board.output)
        #expect(files.keys.sorted() == clean.files.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in clean.files where files[path] != bytes {
            Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
        }
    }

    @Test func aBodyEditRendersOnlyItsPageAndWritesTheFindingsRecordBesideTheSite() throws {
        let board = try Board()
        defer { board.remove() }
        let first = try board.build()
        #expect(!first.patched)
        #expect(FileManager.default.fileExists(atPath: board.findingsRecord.path))
        #expect(board.findingsRecord.deletingLastPathComponent().path == board.folder.url.path)
        #expect(board.findingsRecord.lastPathComponent == ".public-inzage-bevindingen")
        #expect(!Self.snapshot(board.output).keys.contains { $0.contains("bevindingen") }, "the findings are not published")

        try board.append("\nEen nieuwe alinea over het gebruik in de klas.\n", to: "bijsluiters/rekentuin.md")
        let second = try board.build()
        #expect(second.patched)
        #expect(second.report?.written == 1)
        #expect(try String(contentsOf: board.output.appendingPathComponent("bijsluiters/rekentuin/index.html"), encoding: .utf8)
            .contains("Een nieuwe alinea over het gebruik in de klas."))
        try expectSameAsClean(board, second)

        // Nothing changed: nothing is written, not even the records.
        let recorded = try Data(contentsOf: board.findingsRecord)
        let third = try board.build()
        #expect(third.patched)
        #expect(third.report?.written == 0)
        #expect(try Data(contentsOf: board.findingsRecord) == recorded)
    }

    @Test func findingsOfUnchangedFilesAreReportedAgainWithTheirLines() throws {
        var content = TestContent.valid
        // A warning in one bijsluiter's body (TXT-OUTDATED), the edit in the other.
        content.entries["bijsluiters/schoolapp.md"] = .text(Fixture.schoolapp + "\nDit volgt uit de Wbp.\n")
        let board = try Board(content)
        defer { board.remove() }
        let first = try board.build()
        #expect(first.diagnostics.contains { $0.code == "TXT-OUTDATED" })
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
        let second = try board.build()
        #expect(second.patched)
        #expect(second.diagnostics.contains { $0.code == "TXT-OUTDATED" && $0.location.file.hasSuffix("schoolapp.md") })
        try expectSameAsClean(board, second)

        // The edited file gains a warning of its own, and loses it again.
        try board.append("\nVolgens het CBP mag dit.\n", to: "bijsluiters/rekentuin.md")
        let third = try board.build()
        #expect(third.patched)
        #expect(third.diagnostics.filter { $0.code == "TXT-OUTDATED" }.count == 2)
        try expectSameAsClean(board, third)
        let file = URL(fileURLWithPath: board.content).appendingPathComponent("bijsluiters/rekentuin.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\nVolgens het CBP mag dit.\n", with: "").write(to: file, atomically: false, encoding: .utf8)
        let fourth = try board.build()
        #expect(fourth.patched)
        #expect(fourth.diagnostics.filter { $0.code == "TXT-OUTDATED" }.count == 1)
        try expectSameAsClean(board, fourth)
    }

    @Test func anUnchangedFileIsKnownByItsStatOnceItIsOldEnough() throws {
        let board = try Board()
        defer { board.remove() }
        let identity = try #require(FindingsRecord.identity(contentRoot: board.content, today: Fixture.today))
        func entry(_ name: String) throws -> FindingsRecord.Entry {
            let record = try #require(FindingsRecord.read(from: board.findingsRecord, identity: identity))
            return try #require(record.entries.first { $0.name == name })
        }
        _ = try board.build()
        // Written just now: a change within the same clock tick might not move the stat.
        #expect(try entry("schoolapp.md").stamp == nil)
        Thread.sleep(forTimeInterval: Double(BuildSession.racyInterval) / 1e9 + 0.2)
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
        #expect(try board.build().patched)
        // Read again and found unchanged, it is known by its stat from now on; the edited file is too new.
        #expect(try entry("schoolapp.md").stamp != nil)
        #expect(try entry("rekentuin.md").stamp == nil)

        // Known by its stat, the file is not read: a wrong digest for it in the record goes unnoticed.
        var record = try #require(FindingsRecord.read(from: board.findingsRecord, identity: identity))
        let index = try #require(record.entries.firstIndex { $0.name == "schoolapp.md" })
        record.entries[index].source = StableDigest(["anders"])
        record.save(to: board.findingsRecord)
        let unchanged = try board.build()
        #expect(unchanged.patched)
        #expect(unchanged.report?.written == 0)
        #expect(try entry("schoolapp.md").source == StableDigest(["anders"]))

        // An edit moves the stat: the file is read and checked again.
        try board.append("\nDit volgt uit de Wbp.\n", to: "bijsluiters/schoolapp.md")
        let edited = try board.build()
        #expect(edited.patched)
        #expect(edited.diagnostics.contains { $0.code == "TXT-OUTDATED" })
        let text = try String(contentsOfFile: board.content + "/bijsluiters/schoolapp.md", encoding: .utf8)
        #expect(try entry("schoolapp.md").source == .of(text))
        try expectSameAsClean(board, edited)
    }

    /// Replaces `old` by `new` in a file of the board's content.
    func replace(_ old: String, with new: String, in relative: String, of board: Board) throws {
        let file = URL(fileURLWithPath: board.content).appendingPathComponent(relative)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(relative) no longer contains \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: false, encoding: .utf8)
    }

    @Test func aFrontMatterEditNoListOrRuleAcrossDocumentsReadsIsAPatchBuild() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        // The record keeps each bijsluiter's text before its body.
        let identity = try #require(FindingsRecord.identity(contentRoot: board.content, today: Fixture.today))
        let record = try #require(FindingsRecord.read(from: board.findingsRecord, identity: identity))
        let index = try #require(record.entries.firstIndex { $0.name == "rekentuin.md" })
        let text = try String(contentsOfFile: board.content + "/bijsluiters/rekentuin.md", encoding: .utf8)
        let listed = record.listedText(at: index, record: board.findingsRecord)
        let kept = try #require(listed)
        #expect(text.hasPrefix(kept) && kept.hasSuffix("---\n") && kept.utf8.count < text.utf8.count)

        try replace("bewaartermijn: Tot het account", with: "bewaartermijn: Tot het schoolaccount", in: "bijsluiters/rekentuin.md", of: board)
        let first = try board.build()
        #expect(first.patched)
        #expect(first.report?.written == 1)
        try expectSameAsClean(board, first)
        // Again: the record now holds the edited text, and the lists stay under their recorded key.
        try replace("Tot het schoolaccount", with: "Tot het leerlingaccount", in: "bijsluiters/rekentuin.md", of: board)
        let second = try board.build()
        #expect(second.patched)
        #expect(second.report?.written == 1)
        try expectSameAsClean(board, second)
        // Without the texts file the record names, a front-matter edit is a full build; a body
        // edit still is not, and a full build writes the texts again.
        let texts = RecordedTexts.location(forRecord: board.findingsRecord)
        #expect(texts.lastPathComponent == ".public-inzage-bevindingen-teksten")
        for damage in [{ try Data("anders".utf8).write(to: texts) }, { try FileManager.default.removeItem(at: texts) }] {
            try damage()
            try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
            #expect(try board.build().patched)
            try replace("Tot het leerlingaccount", with: "Tot het account", in: "bijsluiters/rekentuin.md", of: board)
            let full = try board.build()
            #expect(!full.patched)
            try expectSameAsClean(board, full)
            try replace("Tot het account", with: "Tot het leerlingaccount", in: "bijsluiters/rekentuin.md", of: board)
            #expect(try board.build().patched)
        }
        // A full build after it makes the lists again under their new key, with the same bytes.
        try FileManager.default.removeItem(at: board.findingsRecord)
        let full = try board.build()
        #expect(!full.patched)
        #expect(full.report?.written == 0)
    }

    /// Edits to what the lists or the rules across documents read of a bijsluiter.
    static let listedEdits: [(old: String, new: String)] = [
        ("product: Rekentuin", "product: Rekenbos"),  // every list shows the name
        ("scholen: alle", "scholen: [07RB]"),  // the school pages list it; X-SCHOOL reads it
        ("scholen: alle", "scholen: [99ZZ]"),  // a BRIN no school has: an X-SCHOOL error
        ("product: Rekentuin\n", "product: Rekentuin\n# een regel erbij\n"),  // everything below moves a line
        ("  medisch: nee", "  medisch: Ondersteuningsbehoefte bij dyscalculie."),  // the matrix and the special column
        ("datum: 2026-09-01\n", "datum: 2026-10-01\n"),  // the sitemap's date of its page
    ]

    @Test func aFrontMatterEditThatListsOrRulesAcrossDocumentsReadIsPatchedFromTheListingSnapshot() throws {
        for edit in Self.listedEdits {
            let board = try Board()
            defer { board.remove() }
            _ = try board.build()
            #expect(FileManager.default.fileExists(atPath: ListingSnapshot.location(for: board.output).path))
            try replace(edit.old, with: edit.new, in: "bijsluiters/rekentuin.md", of: board)
            let result = try board.build()
            #expect(result.patched, "\(edit.new)")
            #expect(result.diagnostics == (try CheckPipeline.run(contentRoot: board.content, today: Fixture.today)).1)
            if result.report != nil { try expectSameAsClean(board, result) }
        }
    }

    @Test func withoutAListingSnapshotSuchAnEditIsAFullBuild() throws {
        for edit in Self.listedEdits {
            let board = try Board()
            defer { board.remove() }
            _ = try board.build()
            try FileManager.default.removeItem(at: ListingSnapshot.location(for: board.output))
            try replace(edit.old, with: edit.new, in: "bijsluiters/rekentuin.md", of: board)
            let result = try board.build()
            #expect(!result.patched, "\(edit.new)")
            #expect(result.diagnostics == (try CheckPipeline.run(contentRoot: board.content, today: Fixture.today)).1)
            if result.report != nil {
                try expectSameAsClean(board, result)
                // The full build kept a snapshot again.
                #expect(FileManager.default.fileExists(atPath: ListingSnapshot.location(for: board.output).path))
            }
        }
    }

    @Test func aBodyEditWithAFoutPublishesNothingAndKeepsTheRecords() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        let site = Self.snapshot(board.output)
        let recorded = try Data(contentsOf: board.findingsRecord)
        let buildRecord = try Data(contentsOf: board.output.appendingPathComponent(BuildRecord.fileName))
        try board.append("\nTODO: dit nog invullen.\n", to: "bijsluiters/rekentuin.md")
        let broken = try board.build()
        #expect(broken.patched)
        #expect(broken.report == nil)
        #expect(broken.diagnostics.contains { $0.code == "TXT-PLACEHOLDER" && $0.severity == .error })
        let check = try CheckPipeline.run(contentRoot: board.content, today: Fixture.today).1
        #expect(broken.diagnostics == check)
        #expect(Self.snapshot(board.output) == site)
        #expect(try Data(contentsOf: board.findingsRecord) == recorded)
        #expect(try Data(contentsOf: board.output.appendingPathComponent(BuildRecord.fileName)) == buildRecord)
    }

    @Test func aPageChangedByHandInThePublishedSiteMakesItAFullBuild() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        // The other bijsluiter's page, which the patch build would take as published.
        try Data("veranderd".utf8).write(to: board.output.appendingPathComponent("bijsluiters/schoolapp/index.html"))
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
        let result = try board.build()
        #expect(!result.patched)
        try expectSameAsClean(board, result)
    }

    @Test func aMissingOrDamagedFindingsRecordMakesItAFullBuild() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        let good = try Data(contentsOf: board.findingsRecord)
        // An older kind of record (its header's number), one with a byte too many, cut off, empty, or not one at all.
        let older = Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "inzage-bevindingen 3", with: "inzage-bevindingen 2").utf8)
        #expect(older != good)
        for bad in [older, good + [0], Data([0xff, 0xfe, 0x41]), Data(), good.dropLast(2)] {
            try bad.write(to: board.findingsRecord)
            try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
            let result = try board.build()
            #expect(!result.patched)
            try expectSameAsClean(board, result)
            // The full build wrote a good record again: the next edit is a patch build.
            try board.append("\nEn nog een.\n", to: "bijsluiters/rekentuin.md")
            #expect(try board.build().patched)
        }
        try FileManager.default.removeItem(at: board.findingsRecord)
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
        #expect(try !board.build().patched)
        #expect(FileManager.default.fileExists(atPath: board.findingsRecord.path))
    }

    @Test func aBoardWithMorePagesThanBijsluitersKeepsNoFindingsRecord() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        #expect(FileManager.default.fileExists(atPath: board.findingsRecord.path))
        // Two pages more: three pages, two bijsluiters.
        for name in ["uitleg", "vragen"] {
            try Fixture.camerabewaking.replacingOccurrences(of: "Camerabewaking", with: name.capitalized)
                .write(toFile: board.content + "/paginas/\(name).md", atomically: false, encoding: .utf8)
        }
        let result = try board.build()
        #expect(result.report != nil, "\(result.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: board.findingsRecord.path))
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
        let next = try board.build()
        #expect(!next.patched)
        try expectSameAsClean(board, next)
    }

    @Test func aFolderWithTheRecordsNameIsLeftAlone() throws {
        let board = try Board()
        defer { board.remove() }
        try FileManager.default.createDirectory(at: board.findingsRecord, withIntermediateDirectories: true)
        try Data("van de gebruiker".utf8).write(to: board.findingsRecord.appendingPathComponent("notities.txt"))
        #expect(try board.build().report != nil)
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
        let second = try board.build()
        #expect(!second.patched)
        #expect(second.report != nil)
        #expect(FileManager.default.contents(atPath: board.findingsRecord.appendingPathComponent("notities.txt").path) == Data("van de gebruiker".utf8))
    }

    @Test func aRemovedOutputFolderMakesItAFullBuild() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        try FileManager.default.removeItem(at: board.output)
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
        let result = try board.build()
        #expect(!result.patched)
        try expectSameAsClean(board, result)
    }

    @Test func aNewFileBesideTheBijsluitersMakesItAFullBuild() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        // Not a `.md` file: a warning only, but another entry of bijsluiters/.
        try Data("notities".utf8).write(to: URL(fileURLWithPath: board.content).appendingPathComponent("bijsluiters/notities.txt"))
        let result = try board.build()
        #expect(!result.patched)
        #expect(result.diagnostics.contains { $0.code == "FILE-UNEXPECTED" })
        try expectSameAsClean(board, result)
        // Unread entries are looked at again by a patch build.
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
        let patched = try board.build()
        #expect(patched.patched)
        #expect(patched.diagnostics.contains { $0.code == "FILE-UNEXPECTED" })
        try expectSameAsClean(board, patched)
    }

    @Test func aRecordOfAnotherDayOrContentFolderIsNotUsed() throws {
        let board = try Board()
        defer { board.remove() }
        _ = try board.build()
        try board.append("\nNog een zin.\n", to: "bijsluiters/rekentuin.md")
        let otherDay = try BuildPipeline.run(contentRoot: board.content, templatesRoot: nil, output: board.output.path,
                                             lettersRoot: board.folder.url.appendingPathComponent("letters").path,
                                             today: SchoolDate(year: 2026, month: 11, day: 24)!)
        #expect(!otherDay.patched)
        #expect(FindingsRecord.identity(contentRoot: board.content, today: Fixture.today)
            != FindingsRecord.identity(contentRoot: board.content + "/", today: Fixture.today))
    }

    @Test func recordedTextsAreAddedAtTheEndAndCompactedWhenMostlyUnused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("teksten")
        /// Unwraps what a mutating call gave (`#require` takes no mutating call).
        func given<T>(_ value: T?) throws -> T { try #require(value) }
        let one = "---\nproduct: Één\n---\n", two = "---\nproduct: Twee\n---\n", three = "---\nproduct: Drie\n---\n"
        let four = "---\nproduct: Vier\n---\n"
        var texts = RecordedTexts()
        let a = try given(texts.append(one, from: url))
        let b = try given(texts.append(two, from: url))
        // Added, not yet written: read from memory, and only with its own digest.
        #expect(texts.text(at: b, digest: .of(two), from: url) == two)
        #expect(texts.text(at: b, digest: .of(one), from: url) == nil)
        var ranges = try given(texts.save(to: url, ranges: [(a, .of(one)), (b, .of(two))]))
        #expect(ranges == [a, b])
        // Read again as a record names it: only the text asked for is read.
        var read = RecordedTexts(count: texts.count)
        #expect(read.text(at: b, digest: .of(two), from: url) == two)
        #expect(read.text(at: a, digest: .of(two), from: url) == nil, "not the text the entry names")
        // A changed text is added at the end while most of the file is in use.
        let c = try given(read.append(three, from: url))
        let before = try Data(contentsOf: url)
        ranges = try given(read.save(to: url, ranges: [(a, .of(one)), (c, .of(three))]))
        #expect(ranges == [a, c])
        #expect(try Data(contentsOf: url).prefix(before.count) == before, "only added at the end")
        var again = RecordedTexts(count: read.count)
        #expect(again.text(at: c, digest: .of(three), from: url) == three)
        // Mostly unused: only the texts in use are written, one after the other.
        let d = try given(again.append(four, from: url))
        ranges = try given(again.save(to: url, ranges: [nil, (d, .of(four))]))
        #expect(ranges.first == .some(nil))
        let moved = try given(ranges.last ?? nil)
        #expect(try Data(contentsOf: url).count == moved.count)
        let compact = RecordedTexts(count: again.count)
        #expect(compact.text(at: moved, digest: .of(four), from: url) == four)
        // A file that is not the one named gives no text, and takes none at its end.
        try Data("anders".utf8).write(to: url)
        var stale = RecordedTexts(count: again.count)
        #expect(stale.text(at: moved, digest: .of(four), from: url) == nil)
        #expect(stale.append("x", from: url) == nil)
        // Nor does one of the named size with other bytes: a text added at its end is read back,
        // the one that was not as recorded still is not; compacting keeps only what is as recorded.
        try Data(String(repeating: "x", count: again.count).utf8).write(to: url)
        var same = RecordedTexts(count: again.count)
        #expect(same.text(at: moved, digest: .of(four), from: url) == nil)
        let e = try given(same.append(one, from: url))
        ranges = try given(same.save(to: url, ranges: [(moved, .of(four)), (e, .of(one))]))
        var after = RecordedTexts(count: same.count)
        #expect(after.text(at: try given(ranges[1]), digest: .of(one), from: url) == one)
        #expect(after.text(at: try given(ranges[0]), digest: .of(four), from: url) == nil)
        _ = try given(after.append(two, from: url))
        ranges = try given(after.save(to: url, ranges: [(moved, .of(four)), nil, nil]))
        #expect(ranges == [nil, nil, nil], "mostly unused: compacted, and the text not as recorded left out")
        #expect(try Data(contentsOf: url).isEmpty)
    }

    @Test func theRecordReadsBackWhatItWrote() throws {
        let identity = StableDigest(["een"])
        let tricky = Diagnostic(.warning, "TXT-OUTDATED", at: SourceLocation(file: "content/bijsluiters/a b.md", line: 3, column: 7),
                                "tab\there, newline\nthere, back\\slash \\t and a carriage\rreturn", hint: "")
        var record = FindingsRecord(
            identity: identity, otherInputs: StableDigest(["twee"]),
            whole: [Diagnostic(.error, "X-SCHOOL", at: .file("content/organisatie.yaml"), "geen hint")],
            entries: [
                .init(name: "a b.md", stamp: FileStamp(device: 2049, inode: 77, size: 1234, modified: 1_700_000_000_123_456_789, changed: -5),
                      source: StableDigest(["a"]), frontMatter: StableDigest(["b"]), page: "bijsluiters/a-b/",
                      pageInputs: StableDigest(["c"]), listed: StableDigest(["d"]), listedText: 3..<12, listedTextDigest: StableDigest(["t"]),
                      findings: [tricky]),
                .init(name: "b.md", source: StableDigest(["e"]), frontMatter: StableDigest(["f"]), page: "bijsluiters/b/",
                      pageInputs: StableDigest(["g"]), listed: StableDigest(["h"]), findings: []),
                .init(name: "notities.txt", source: nil, frontMatter: nil, page: nil, pageInputs: nil, listed: nil,
                      findings: [Diagnostic(.warning, "FILE-UNEXPECTED", at: .file("content/bijsluiters/notities.txt"), "m", hint: "h")]),
            ])
        record.texts = RecordedTexts(count: 12)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("record")
        record.save(to: url)
        let read = try #require(FindingsRecord.read(from: url, identity: identity))
        #expect(read.entries == record.entries && read.whole == record.whole && read.otherInputs == record.otherInputs)
        #expect(FindingsRecord.read(from: url, identity: StableDigest(["drie"])) == nil)
        // Entries out of order are a damaged record.
        var reversed = record
        reversed.entries.reverse()
        reversed.save(to: url)
        #expect(FindingsRecord.read(from: url, identity: identity) == nil)
        // So is a record cut off anywhere, or with more after its end.
        let bytes = record.bytes
        for count in 0..<bytes.count {
            try Data(bytes.prefix(count)).write(to: url)
            #expect(FindingsRecord.read(from: url, identity: identity) == nil, "cut off after \(count) bytes")
        }
        try Data(bytes + [0]).write(to: url)
        #expect(FindingsRecord.read(from: url, identity: identity) == nil)
        try Data(bytes).write(to: url)
        #expect(FindingsRecord.read(from: url, identity: identity) != nil)
        // And one whose entry's text lies beyond the texts file's end.
        var short = record
        short.texts = RecordedTexts(count: 11)
        try Data(short.bytes).write(to: url)
        #expect(FindingsRecord.read(from: url, identity: identity) == nil)
    }
}
