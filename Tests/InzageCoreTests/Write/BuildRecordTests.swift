import Foundation
@testable import InzageCore
import Testing

/// `inzage build` without a session takes a page from the published site when the last build
/// recorded the same key for it and the file still holds what was published (`BuildRecord`).
/// Every kind of change is also rebuilt this way in `IncrementalBuildTests` and compared with a
/// clean build; these tests show what is taken, and that nothing wrong ever is.
@Suite("Write: the build record")
struct BuildRecordTests {
    /// The pages made from one file each: bijsluiters and extra pages.
    private func itemPages(_ result: BuildPipeline.Result) -> Int {
        result.content.bijsluiters.count + SiteBuilder.sortedExtraPages(result.content.paginas).count
    }

    private func clean(_ content: TestContent, in folder: TemporaryFolder) throws -> [String: Data] {
        let root = try folder.write(content, folderName: "clean-content")
        let output = folder.url.appendingPathComponent("clean")
        _ = try BuildPipeline.run(contentRoot: root, templatesRoot: nil, output: output.path,
                                  lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        return SiteSnapshot(output).files
    }

    @Test func aRebuildTakesEveryUnchangedPageFromThePublishedSite() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        #expect(site.result.keptPages == 0, "the first build has nothing to take")
        let items = itemPages(site.result)
        #expect(items > 2)
        let again = try site.rebuild()
        #expect(again.keptPages == items)
        #expect(again.report?.written == 0)

        let changed = TestContent.valid.replacing("Leerlingen oefenen rekenen op hun eigen niveau.",
                                                  with: "Leerlingen oefenen rekenen en tafels op hun eigen niveau.", in: "bijsluiters/rekentuin.md")
        try site.rewrite(changed)
        let after = try site.rebuild()
        #expect(after.keptPages == items - 1, "only the changed bijsluiter's page is made")
        #expect(after.report?.written == 1)
        #expect(site.text("bijsluiters/rekentuin/index.html").contains("rekenen en tafels"))
        #expect(SiteSnapshot(site.output).files == (try clean(changed, in: site.folder)))
    }

    @Test func aPageChangedOrRemovedByHandIsMadeAgain() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let expected = SiteSnapshot(site.output).files
        let page = site.output.appendingPathComponent("bijsluiters/rekentuin/index.html")
        let original = try Data(contentsOf: page)
        // Same size, other bytes: only the bytes tell.
        var tampered = original
        tampered[tampered.count - 2] = tampered[tampered.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try tampered.write(to: page)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("bijsluiters/schoolapp/index.html"))
        let result = try site.rebuild()
        #expect(result.keptPages == itemPages(site.result) - 2)
        #expect(SiteSnapshot(site.output).files == expected)
    }

    @Test func aDamagedOrForeignRecordIsNotUsed() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let expected = SiteSnapshot(site.output).files
        let record = site.output.appendingPathComponent(BuildRecord.fileName)
        let text = try String(contentsOf: record, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == itemPages(site.result) + 2)

        // Another identity (another executable or other global inputs): nothing is taken.
        lines[1] = String(repeating: "0", count: 32)
        try lines.joined(separator: "\n").write(to: record, atomically: false, encoding: .utf8)
        #expect(try site.rebuild().keptPages == 0)
        #expect(SiteSnapshot(site.output).files == expected)

        // Garbage: nothing is taken, and the build writes a good record again.
        try Data([0xff, 0xfe, 0x00, 0x41]).write(to: record)
        #expect(try site.rebuild().keptPages == 0)
        #expect(SiteSnapshot(site.output).files == expected)
        #expect(try site.rebuild().keptPages == itemPages(site.result))

        // A line that does not name a page of the site is ignored.
        try (text + "0123456789abcdef0123456789abcdef 0123456789abcdef0123456789abcdef ../buiten/index.html\nkapot\n")
            .write(to: record, atomically: false, encoding: .utf8)
        #expect(try site.rebuild().keptPages == itemPages(site.result))
        #expect(SiteSnapshot(site.output).files == expected)
    }

    @Test func aChangeToAGlobalInputTakesNothing() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        // Every page shows the organisation (in the layout): none may be taken.
        let changed = TestContent.valid.replacing("naam: Stichting", with: "naam: Vereniging", in: "organisatie.yaml")
        try site.rewrite(changed)
        let result = try site.rebuild()
        #expect(result.keptPages == 0)
        #expect(SiteSnapshot(site.output).files == (try clean(changed, in: site.folder)))
    }

    @Test func theRecordHoldsDigestsAndPagePathsOnlyAndIsNeverStale() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let record = site.output.appendingPathComponent(BuildRecord.fileName)
        let lines = try String(contentsOf: record, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "inzage-cache 1")
        #expect(lines.dropFirst().first?.wholeMatch(of: #/[0-9a-f]{32}/#) != nil)
        for line in lines.dropFirst(2) {
            let match = try #require(line.wholeMatch(of: #/[0-9a-f]{32} [0-9a-f]{32} (\S+)/#), "\(line)")
            #expect(site.paths.contains(String(match.1)), "\(line)")
        }
        // A rebuild neither counts the record as a stale file nor writes it again when it is the same.
        let before = SiteSnapshot(site.output)
        let report = try #require(try site.rebuild().report)
        #expect(report.removed == 0 && report.written == 0)
        #expect(SiteSnapshot(site.output).differences(from: before).isEmpty)
    }

    @Test func stableDigestIsFNV1a128() {
        // Reference values of the FNV-1a 128-bit hash.
        #expect(StableDigest().description == "6c62272e07bb014262b821756295c58d")
        #expect(StableDigest(bytes: Data("a".utf8)).description == "d228cb696f1a8caf78912b704e4a8964")
        #expect(StableDigest(bytes: Data("foobar".utf8)).description == "343e1662793c64bf6f0d3597ba446f18")
        #expect(StableDigest(bytes: Data("Privacybijsluiter Één".utf8)).description == "9258a787e080bb6209d0b9a15c5de7c2")
        // Parts are separated: moving a character between them changes the digest.
        #expect(StableDigest(["ab", "c"]) != StableDigest(["a", "bc"]))
        let digest = StableDigest(["x"])
        #expect(StableDigest(hex: digest.description) == digest)
        #expect(StableDigest(hex: "xyz") == nil)
    }
}
