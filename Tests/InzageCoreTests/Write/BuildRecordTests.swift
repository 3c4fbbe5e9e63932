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

    /// Every file a build renders: the HTML pages, the feed and the sitemap.
    private func renderedFiles(_ site: BuiltSite) -> Int {
        site.htmlPaths.count + 2
    }

    /// The files of a clean build of `content`, in new folders of their own.
    private func clean(_ content: TestContent, in folder: TemporaryFolder) throws -> [String: Data] {
        let name = "clean-\(UUID().uuidString)"
        let root = try folder.write(content, folderName: name + "-content")
        let output = folder.url.appendingPathComponent(name)
        _ = try BuildPipeline.run(contentRoot: root, templatesRoot: nil, output: output.path,
                                  lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        return SiteSnapshot(output).files
    }

    /// Rewrites the content of `site` to `changed`, rebuilds it without a session, and expects
    /// every file to be what a clean build of `changed` writes.
    private func rebuild(_ site: BuiltSite, after changed: TestContent, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildPipeline.Result {
        try site.rewrite(changed)
        let result = try site.rebuild()
        #expect(SiteSnapshot(site.output).files == (try clean(changed, in: site.folder)), sourceLocation: sourceLocation)
        return result
    }

    @Test func aRebuildTakesEveryUnchangedPageFromThePublishedSite() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        #expect(site.result.keptPages == 0, "the first build has nothing to take")
        #expect(itemPages(site.result) > 2)
        let again = try site.rebuild()
        #expect(again.keptPages == renderedFiles(site))
        #expect(again.report?.written == 0)

        let after = try rebuild(site, after: TestContent.valid.replacing("Leerlingen oefenen rekenen op hun eigen niveau.",
                                                                          with: "Leerlingen oefenen rekenen en tafels op hun eigen niveau.", in: "bijsluiters/rekentuin.md"))
        #expect(after.keptPages == renderedFiles(site) - 1, "only the changed bijsluiter's page is made: no list shows its body")
        #expect(after.report?.written == 1)
        #expect(site.text("bijsluiters/rekentuin/index.html").contains("rekenen en tafels"))
    }

    @Test func aChangedFrontMatterMakesTheListsAgain() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let after = try rebuild(site, after: TestContent.valid.replacing("product: Rekentuin", with: "product: Rekentuin Plus", in: "bijsluiters/rekentuin.md"))
        // The other item pages are taken, and so are the listing pages where the name does not show:
        // the new rows are put in the others (`ListingPlaces`), which are written.
        #expect(after.splicedListing)
        #expect(after.keptPages + (after.report?.written ?? 0) == renderedFiles(site))
        #expect(after.keptPages > itemPages(site.result) - 1)
        #expect(site.text("bijsluiters/index.html").contains("Rekentuin Plus"))
        // And the next build takes them all again.
        #expect(try site.rebuild().keptPages == renderedFiles(site))
    }

    @Test func menuTitlesComeBackFromTheRecordAsTheyWere() throws {
        // Titles with markup, quotes and spaces in the menus: a page made with the recorded menus
        // must equal the page of a clean build.
        let site = try BuiltSite(SiteEscapingTests.hostile)
        defer { site.remove() }
        let after = try rebuild(site, after: SiteEscapingTests.hostile.replacing("van de groep.", with: "van de hele groep.", in: "bijsluiters/rekentuin.md"))
        #expect(after.keptPages == renderedFiles(site) - 1)
    }

    @Test func aListingPageChangedByHandMakesTheListsAgain() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let expected = SiteSnapshot(site.output).files
        try Data("kapot".utf8).write(to: site.output.appendingPathComponent("feed.xml"))
        let result = try site.rebuild()
        #expect(result.keptPages == itemPages(site.result))
        #expect(result.report?.written == 1)
        #expect(SiteSnapshot(site.output).files == expected)
    }

    @Test func theFirstBuildOfAServeSessionTakesPagesFromTheRecord() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let session = BuildSession()
        func build() throws -> BuildPipeline.Result { try site.rebuild(session: session) }
        let first = try build()
        #expect(first.keptPages == renderedFiles(site))
        #expect(first.report?.written == 0)
        // From then on the session keeps what it makes itself; every rebuild equals a clean build,
        // also after the lists (taken from the record, without the session's rows) change.
        var content = TestContent.valid.replacing("product: Rekentuin", with: "product: Rekentuin Plus", in: "bijsluiters/rekentuin.md")
        try site.rewrite(content)
        #expect(try build().keptPages == 0)
        #expect(SiteSnapshot(site.output).files == (try clean(content, in: site.folder)))
        content = content.replacing("van de groep.", with: "van de hele groep.", in: "bijsluiters/rekentuin.md")
        try site.rewrite(content)
        #expect(try build().keptPages == 0)
        #expect(SiteSnapshot(site.output).files == (try clean(content, in: site.folder)))
    }

    @Test func aFirstServeBuildStoppedByARuleLeavesTheRecordForTheNext() throws {
        // The rules run while the pages are made. A render pass they stop may not have made every
        // page (how far it got depends on the machine's load), so the session's next build takes
        // the pages it has not made from the record: the stopped build leaves the record as it
        // was, and the next build writes nothing and equals a clean build.
        let site = try BuiltSite()
        defer { site.remove() }
        let session = BuildSession()
        func build() throws -> BuildPipeline.Result { try site.rebuild(session: session) }
        let record = site.output.appendingPathComponent(BuildRecord.fileName)
        let recorded = try Data(contentsOf: record)
        try site.rewrite(TestContent.valid.replacing("  eck_id: nee\n", with: "", in: "bijsluiters/rekentuin.md"))
        let stopped = try build()
        #expect(stopped.report == nil)
        #expect(stopped.diagnostics.contains { $0.code == "BS-CAT" && $0.severity == .error })
        #expect(try Data(contentsOf: record) == recorded)
        try site.rewrite(TestContent.valid)
        let fixed = try build()
        #expect(fixed.keptPages <= renderedFiles(site))
        #expect(fixed.report?.written == 0)
        #expect(SiteSnapshot(site.output).files == (try clean(TestContent.valid, in: site.folder)))
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
        #expect(result.keptPages == renderedFiles(site) - 2)
        #expect(SiteSnapshot(site.output).files == expected)
    }

    /// A page unchanged for longer than a clock tick can hide a change in is known by its stat from
    /// then on, and not read; a change by hand still moves its stat (the status-change time cannot
    /// be set back), so the page is made again.
    @Test func pagesUnchangedForAWhileAreKnownByTheirStatAndAChangeByHandStillShows() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let expected = SiteSnapshot(site.output).files
        // Just written: read and compared, as their times may still move within a clock tick.
        let fresh = try site.rebuild()
        #expect(fresh.keptPages == renderedFiles(site) && fresh.unreadPages == 0)
        Thread.sleep(forTimeInterval: Double(BuildSession.racyInterval) / 1e9 + 0.3)
        // Read once more, now old enough: their stats are recorded.
        let settled = try site.rebuild()
        #expect(settled.keptPages == renderedFiles(site) && settled.unreadPages == 0)
        let known = try site.rebuild()
        // The files of bestanden/ are known by their source's stat from the settled build on:
        // taken from the published site too (read and compared once, then by their own stat).
        let bestanden = site.result.content.bestanden.count
        #expect(bestanden > 0)
        #expect(known.keptPages == renderedFiles(site) + bestanden && known.unreadPages == renderedFiles(site))
        #expect(known.report?.written == 0)
        #expect(SiteSnapshot(site.output).files == expected)

        // The same size, other bytes, and the old modification time put back.
        let page = site.output.appendingPathComponent("bijsluiters/rekentuin/index.html")
        let original = try Data(contentsOf: page)
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date)
        var tampered = original
        tampered[tampered.count - 2] = tampered[tampered.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try tampered.write(to: page)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: page.path)
        let repaired = try site.rebuild()
        #expect(repaired.keptPages == renderedFiles(site) + bestanden - 1)
        #expect(repaired.report?.written == 1)
        #expect(SiteSnapshot(site.output).files == expected)
    }

    /// A file in bestanden/ whose source has the stat the record holds is taken from the published
    /// site without reading either; new bytes of the same size with the old modification time put
    /// back still move its stat (the status-change time), and are published.
    @Test func downloadsUnchangedForAWhileAreKnownByTheirStat() throws {
        var content = TestContent.valid
        content.entries["bestanden/formulier.pdf"] = .bytes(Array(repeating: UInt8(ascii: "a"), count: 4096))
        let site = try BuiltSite(content)
        defer { site.remove() }
        let bestanden = site.result.content.bestanden.count
        #expect(bestanden == 2)
        Thread.sleep(forTimeInterval: Double(BuildSession.racyInterval) / 1e9 + 0.3)
        #expect(try site.rebuild().keptPages == renderedFiles(site), "read, and noted now that they are old enough")
        #expect(try site.rebuild().unreadPages == renderedFiles(site), "taken, read from the published site once more")
        let known = try site.rebuild()
        #expect(known.keptPages == renderedFiles(site) + bestanden && known.unreadPages == renderedFiles(site) + bestanden)
        #expect(known.report?.written == 0)

        let source = URL(fileURLWithPath: site.contentRoot).appendingPathComponent("bestanden/formulier.pdf")
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: source.path)[.modificationDate] as? Date)
        let changed = Data(repeating: UInt8(ascii: "b"), count: 4096)
        try changed.write(to: source)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: source.path)
        let after = try site.rebuild()
        #expect(after.report?.written == 1)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("bestanden/formulier.pdf")) == changed)
        #expect(after.keptPages == renderedFiles(site) + bestanden - 1)
    }

    /// Under `serve` the session keeps a download's bytes while its source's stat stays: a
    /// rebuild takes them from memory; new bytes (same size, old modification time) are read and
    /// published; a removed file is forgotten and leaves the site.
    @Test func serveKeepsDownloadsWhileTheirStatStays() throws {
        var content = TestContent.valid
        content.entries["bestanden/formulier.pdf"] = .bytes(Array(repeating: UInt8(ascii: "a"), count: 4096))
        let site = try BuiltSite(content)
        defer { site.remove() }
        let session = BuildSession()
        let path = "bestanden/formulier.pdf"
        let source = URL(fileURLWithPath: site.contentRoot).appendingPathComponent(path)
        func kept() -> Data? { FileStamp(path: source.path).flatMap { session.bestand(at: path, stamp: $0) } }
        _ = try site.rebuild(session: session)
        #expect(kept() == nil, "just written: not kept, as it could still change within a clock tick")
        Thread.sleep(forTimeInterval: Double(BuildSession.racyInterval) / 1e9 + 0.3)
        _ = try site.rebuild(session: session)
        #expect(kept() == Data(repeating: UInt8(ascii: "a"), count: 4096))
        #expect(try site.rebuild(session: session).report?.written == 0)

        let modified = try #require(try FileManager.default.attributesOfItem(atPath: source.path)[.modificationDate] as? Date)
        let changed = Data(repeating: UInt8(ascii: "b"), count: 4096)
        try changed.write(to: source)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: source.path)
        #expect(try site.rebuild(session: session).report?.written == 1)
        #expect(try Data(contentsOf: site.output.appendingPathComponent(path)) == changed)

        try FileManager.default.removeItem(at: source)
        _ = try site.rebuild(session: session)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path))
        #expect(!session.keptBestanden.contains(path), "forgotten when it was removed")
        #expect(session.keptBestanden.contains("bestanden/logo.svg"))
    }

    /// Many new pages make the publication stage a new site: the pages known by their stat, never
    /// read, go into it from the published site, as they were.
    @Test func pagesKnownByTheirStatGoIntoAStagedSiteAsTheyWere() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        Thread.sleep(forTimeInterval: Double(BuildSession.racyInterval) / 1e9 + 0.3)
        _ = try site.rebuild()
        #expect(try site.rebuild().unreadPages == renderedFiles(site))
        // More new products than files a publication replaces in place.
        var more = TestContent.valid
        for index in 1...(SiteWriter.inPlaceLimit + 3) {
            let text = Fixture.rekentuin.replacingOccurrences(of: "product: Rekentuin", with: "product: Rekentuin \(index)")
            #expect(text != Fixture.rekentuin)
            more = more.setting("bijsluiters/rekentuin-\(index).md", to: .text(text))
        }
        let result = try rebuild(site, after: more)
        #expect(result.unreadPages > 0)
        #expect(try #require(result.report).written > SiteWriter.inPlaceLimit)
    }

    @Test func aDamagedOrForeignRecordIsNotUsed() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let expected = SiteSnapshot(site.output).files
        let record = site.output.appendingPathComponent(BuildRecord.fileName)
        let good = [UInt8](try Data(contentsOf: record))
        // The header, then the identity's 16 bytes.
        let identityStart = 1 + BuildRecord.header.utf8.count
        #expect(Array(good[1..<identityStart]) == Array(BuildRecord.header.utf8))

        var foreign = good
        foreign[identityStart] ^= 0xff
        // Another identity (another executable or other global inputs), garbage, a record cut
        // off or with more after its end: nothing is taken, and the build writes a good record again.
        for bad in [foreign, [0xff, 0xfe, 0x00, 0x41], Array(good.dropLast(3)), good + [0]] {
            try Data(bad).write(to: record)
            #expect(try site.rebuild().keptPages == 0)
            #expect(SiteSnapshot(site.output).files == expected)
            #expect(try site.rebuild().keptPages == renderedFiles(site))
        }
    }

    @Test func aChangeToAGlobalInputTakesNothing() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        // Every page shows the organisation (in the layout): none may be taken.
        let result = try rebuild(site, after: TestContent.valid.replacing("naam: Stichting", with: "naam: Vereniging", in: "organisatie.yaml"))
        #expect(result.keptPages == 0)
    }

    @Test func anotherContentFolderTakesNothing() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        // The same files in another folder, built into the same output: the record names the
        // content folder it was made from, so nothing of it is taken.
        let other = try site.folder.write(.valid, folderName: "andere-inhoud")
        let result = try BuildPipeline.run(contentRoot: other, templatesRoot: nil, output: site.output.path,
                                           lettersRoot: site.folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        #expect(result.report?.written == 0)
        #expect(result.keptPages == 0)
    }

    @Test func theRecordHoldsDigestsAndPagePathsOnlyAndIsNeverStale() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let record = [UInt8](try Data(contentsOf: site.output.appendingPathComponent(BuildRecord.fileName)))
        #expect(Array(record.dropFirst().prefix(BuildRecord.header.utf8.count)) == Array(BuildRecord.header.utf8))
        func holds(_ text: String) -> Bool {
            let needle = Array(text.utf8)
            return record.indices.contains { record[$0...].starts(with: needle) }
        }
        // Every page it made, by its path; none of the content (a bijsluiter's body, a field).
        for path in site.htmlPaths { #expect(holds(path), "\(path)") }
        #expect(!holds("Leerlingen oefenen rekenen op hun eigen niveau."))
        #expect(!holds("nee"))
        // A rebuild neither counts the record as a stale file nor writes it again when it is the same.
        let before = SiteSnapshot(site.output)
        let report = try #require(try site.rebuild().report)
        #expect(report.removed == 0 && report.written == 0)
        #expect(SiteSnapshot(site.output).differences(from: before).isEmpty)
    }

    @Test func theListingKeyReadsTheFrontMatterOnly() {
        func listed(_ source: String, _ body: String) -> StableDigest { SiteBuilder.listedDigest(source, body: body) }
        #expect(listed("---\ntitel: Één\n---\nTekst één.\n", "Tekst één.\n") == .of("---\ntitel: Één\n---\n"))
        #expect(listed("---\ntitel: Één\n---\nTekst één.\n", "Tekst één.\n") == listed("---\ntitel: Één\n---\nAnders.\n", "Anders.\n"))
        // Not the end of the text, or no body: the whole text counts.
        #expect(listed("---\ntitel: A\n---\nTekst.\n", "Anders.\n") == .of("---\ntitel: A\n---\nTekst.\n"))
        #expect(listed("---\ntitel: A\n---\n", "") == .of("---\ntitel: A\n---\n"))
        #expect(listed("kort", "veel langer dan de tekst") == .of("kort"))
        // Bytes, not characters: "e" + combining acute is not "é".
        #expect(listed("x: é\n", "e\u{301}\n") == .of("x: é\n"))
    }

    @Test func stableDigestIsMurmurHash3() {
        // One update from an empty digest is MurmurHash3_x64_128 with seed 0 (reference values from
        // another implementation), across the 16-byte blocks and every kind of tail.
        #expect(StableDigest().description == "00000000000000000000000000000000")
        #expect(StableDigest(bytes: Data()).description == "00000000000000000000000000000000")
        #expect(StableDigest(bytes: Data("a".utf8)).description == "85555565f6597889e6b53a48510e895a")
        #expect(StableDigest(bytes: Data("foobar".utf8)).description == "bdd2ae7116c85a4574a255e0baf8d6af")
        #expect(StableDigest(bytes: Data("0123456789abcde".utf8)).description == "a62dd5f6c0bf23514fccf50c7c544cf0")
        #expect(StableDigest(bytes: Data("0123456789abcdef".utf8)).description == "4be06d94cf4ad1a787c35b5c63a708da")
        #expect(StableDigest(bytes: Data("0123456789abcdefg".utf8)).description == "8e32612daa45f9de0800f4c206c372ee")
        #expect(StableDigest(bytes: Data("Privacybijsluiter Één".utf8)).description == "26529ee79224bf45346693c1d79d0bfb")
        #expect(StableDigest(bytes: Data("Deze zin is toegevoegd om een wijziging te meten.".utf8)).description == "8d45af4214f611914ad2e38429234db2")
        // A later update is seeded with the digest so far: the same bytes after other bytes differ.
        var after = StableDigest(bytes: Data("x".utf8))
        after.update(part: "a")
        #expect(after != StableDigest(["a"]))
        // Parts are separated: moving a character between them changes the digest.
        #expect(StableDigest(["ab", "c"]) != StableDigest(["a", "bc"]))
        let digest = StableDigest(["x"])
        #expect(StableDigest(hex: digest.description) == digest)
        #expect(StableDigest(hex: "xyz") == nil)
    }

    @Test func aDigestTakenAsAPartIsItsText() {
        // Digests with leading zeros in either word, and without.
        for digest in [StableDigest(), StableDigest(["a"]), StableDigest(bytes: Data("foobar".utf8)), StableDigest(hex: "000000000000000f0000000000000001")!] {
            var byText = StableDigest(["x"]), byDigest = StableDigest(["x"])
            byText.update(part: digest.description)
            byDigest.update(partOf: digest)
            #expect(byDigest == byText, "\(digest)")
        }
    }
}
