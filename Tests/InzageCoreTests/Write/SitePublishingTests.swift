import Foundation
@testable import InzageCore
import Testing

/// The reliability promises of publishing: a `fout` publishes nothing, a rebuild with no change
/// writes nothing, unchanged files keep their inode, stale files go, folders that are not Inzage's
/// are refused, and a write that fails midway leaves the old site and no staging folder behind.
@Suite("Write: atomic publishing")
struct SitePublishingTests {
    // MARK: (a) a failing build

    @Test func aBuildWithAFoutLeavesThePreviousSiteByteForByte() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let before = SiteSnapshot(site.output)
        let broken = TestContent.valid.replacing("  eck_id: nee\n", with: "", in: "bijsluiters/rekentuin.md")
            .replacing("Leerlingen oefenen rekenen", with: "Leerlingen oefenen NIEUW rekenen", in: "bijsluiters/rekentuin.md")
        try site.rewrite(broken)
        let result = try site.rebuild()
        #expect(result.report == nil)
        #expect(result.diagnostics.contains { $0.code == "BS-CAT" && $0.severity == .error })
        #expect(SiteSnapshot(site.output).differences(from: before).isEmpty)
        #expect(stagingLeftovers(site).isEmpty)
    }

    @Test func aFirstBuildWithAFoutWritesNothingAtAll() throws {
        // The rules run while the pages are made; a `fout` among them drops what was made
        // before anything reaches the disk, also without a site to keep: not even the output
        // folder's parent is made.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(TestContent.valid.replacing("  eck_id: nee\n", with: "", in: "bijsluiters/rekentuin.md"))
        let parent = folder.url.appendingPathComponent("site")
        let output = parent.appendingPathComponent("public")
        let result = try BuildPipeline.run(contentRoot: root, templatesRoot: nil, output: output.path,
                                           lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        #expect(result.report == nil)
        #expect(result.diagnostics.contains { $0.code == "BS-CAT" && $0.severity == .error })
        #expect(!FileManager.default.fileExists(atPath: parent.path))
        #expect(stagingLeftovers(in: folder).isEmpty)
    }

    // MARK: (b) no change

    @Test func aRebuildWithNoChangeWritesNothing() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let before = SiteSnapshot(site.output)
        let result = try site.rebuild()
        let report = try #require(result.report)
        #expect(report.written == 0 && report.removed == 0)
        #expect(report.unchanged == site.paths.count - 2, "every file but the marker and the build record")
        // The folder itself and every file keep their inode and bytes: nothing was swapped.
        #expect(SiteSnapshot(site.output).differences(from: before).isEmpty)
        #expect(stagingLeftovers(site).isEmpty)
    }

    // MARK: (c) one change

    @Test func changingOneBijsluiterRewritesOnlyItsPage() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let before = SiteSnapshot(site.output)
        try site.rewrite(TestContent.valid.replacing("Leerlingen oefenen rekenen op hun eigen niveau.",
                                                     with: "Leerlingen oefenen rekenen en tafels op hun eigen niveau.", in: "bijsluiters/rekentuin.md"))
        let report = try #require(try site.rebuild().report)
        #expect(report.written == 1 && report.removed == 0, "\(report)")
        let after = SiteSnapshot(site.output)
        // The marker is written anew with each swap; the folder is the new one. The build record
        // notes the page's new key.
        #expect(after.fileDifferences(from: before).filter { $0 != SiteWriter.marker } == [BuildRecord.fileName, "bijsluiters/rekentuin/index.html"])
        #expect(site.text("bijsluiters/rekentuin/index.html").contains("rekenen en tafels"))
        // Unchanged files are the very same files (hard links), so their dates stay as they were.
        for path in site.paths where ![SiteWriter.marker, BuildRecord.fileName, "bijsluiters/rekentuin/index.html"].contains(path) {
            #expect(after.inode(path) == before.inode(path), "\(path) was rewritten")
        }
    }

    @Test func changingTheFGRewritesEveryPage() throws {
        // The FG is in the footer of every page: a change there is a change of every HTML file.
        let site = try BuiltSite()
        defer { site.remove() }
        let before = SiteSnapshot(site.output)
        try site.rewrite(TestContent.valid.replacing("naam: mr. P. Bakker", with: "naam: mr. Q. de Vries", in: "organisatie.yaml"))
        let report = try #require(try site.rebuild().report)
        let changed = SiteSnapshot(site.output).fileDifferences(from: before).filter { $0 != SiteWriter.marker && $0 != BuildRecord.fileName }
        #expect(Set(changed) == Set(site.htmlPaths))
        #expect(report.written == site.htmlPaths.count)
        #expect(!changed.contains("assets/stijl.css") && !changed.contains("sitemap.xml"))
    }

    // MARK: (d) stale files

    @Test func aRemovedPaginaIsRemovedFromTheSite() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        #expect(site.paths.contains("camerabewaking/index.html"))
        try site.rewrite(TestContent.valid.removing("paginas/camerabewaking.md"))
        let report = try #require(try site.rebuild().report)
        #expect(report.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("camerabewaking").path), "its folder goes too")
        #expect(!site.text("index.html").contains("camerabewaking"))
        #expect(!site.text("sitemap.xml").contains("camerabewaking"))
    }

    @Test func aFileTheUserPutInTheOutputIsRemovedAtTheNextBuild() throws {
        // The output belongs to Inzage (it carries the marker): anything else in it is stale.
        let site = try BuiltSite()
        defer { site.remove() }
        try Data("oud".utf8).write(to: site.output.appendingPathComponent("oud.html"))
        let report = try #require(try site.rebuild().report)
        #expect(report.removed == 1 && report.written == 0)
        #expect(!site.paths.contains("oud.html"))
    }

    // MARK: (e) refusals

    @Test func theContentFolderIsRefusedAsOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(.valid)
        try expectRefused(output: root, content: root, folder: folder, watching: URL(fileURLWithPath: root))
    }

    @Test func aParentOfTheContentFolderIsRefusedAsOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(.valid)
        try expectRefused(output: folder.url.path, content: root, folder: folder, watching: folder.url)
        // Also when written with a trailing slash or through "..".
        try expectRefused(output: folder.url.path + "/", content: root, folder: folder, watching: folder.url)
        try expectRefused(output: root + "/../", content: root, folder: folder, watching: folder.url)
    }

    @Test func aFolderInsideTheContentFolderIsRefusedAsOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(.valid)
        try expectRefused(output: root + "/public", content: root, folder: folder, watching: URL(fileURLWithPath: root))
        #expect(!FileManager.default.fileExists(atPath: root + "/public"))
    }

    @Test func theRootFolderIsRefusedAsOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(.valid)
        let before = try FileManager.default.contentsOfDirectory(atPath: "/").sorted()
        #expect(throws: WriteError.self) {
            try BuildPipeline.run(contentRoot: root, templatesRoot: nil, output: "/", lettersRoot: folder.url.appendingPathComponent("letters").path,
                                  today: Fixture.today)
        }
        #expect(throws: WriteError.self) { try SiteWriter(output: "/", protected: []).write([OutputFile(path: "index.html", data: Data())]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/").sorted() == before)
    }

    @Test func theHomeFolderIsRefusedAsOutput() throws {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        #expect(throws: WriteError.self) { try SiteWriter(output: home, protected: []).validate() }
    }

    @Test func theTemplatesFolderIsRefusedAsOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(.valid)
        // The user's own templates folder …
        let templates = folder.url.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{#page}}{{/page}}\n".utf8).write(to: templates.appendingPathComponent("pagina.mustache"))
        let before = SiteSnapshot(templates)
        #expect(throws: WriteError.self) {
            try BuildPipeline.run(contentRoot: root, templatesRoot: templates.path, output: templates.path,
                                  lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        }
        #expect(SiteSnapshot(templates).differences(from: before).isEmpty)
        // … and the default theme of the repository, which every build reads.
        let defaults = SiteSnapshot(InzagePaths.defaultTemplates)
        #expect(throws: WriteError.self) {
            try BuildPipeline.run(contentRoot: root, templatesRoot: nil, output: InzagePaths.defaultTemplates.path,
                                  lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        }
        #expect(SiteSnapshot(InzagePaths.defaultTemplates).differences(from: defaults).isEmpty)
    }

    @Test func aNonEmptyFolderNotMadeByInzageIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(.valid)
        let mine = folder.url.appendingPathComponent("mijn-website")
        try FileManager.default.createDirectory(at: mine.appendingPathComponent("fotos"), withIntermediateDirectories: true)
        try Data("<h1>Mijn eigen site</h1>".utf8).write(to: mine.appendingPathComponent("index.html"))
        try Data([0xFF, 0xD8]).write(to: mine.appendingPathComponent("fotos/a.jpg"))
        try expectRefused(output: mine.path, content: root, folder: folder, watching: mine)
        // Also directly through the writer, with the same files Inzage would write.
        #expect(throws: WriteError.self) { try SiteWriter(output: mine.path, protected: []).write([OutputFile(path: "index.html", data: Data("x".utf8))]) }
        #expect(String(decoding: FileManager.default.contents(atPath: mine.appendingPathComponent("index.html").path) ?? Data(), as: UTF8.self) == "<h1>Mijn eigen site</h1>")
    }

    @Test func anEmptyFolderIsAccepted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(.valid)
        let empty = folder.url.appendingPathComponent("leeg")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try BuildPipeline.run(contentRoot: root, templatesRoot: nil, output: empty.path,
                                           lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        #expect(result.report != nil)
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent(SiteWriter.marker).path))
    }

    @Test func theErrorSaysWhatToDoInDutch() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(.valid)
        do {
            try SiteWriter(output: root, protected: [root]).validate()
            Issue.record("the content folder was accepted as output")
        } catch let error as WriteError {
            #expect(error.message.contains("valt samen met"))
            #expect(error.hint == "kies een aparte map voor de site, bijvoorbeeld --output public")
        }
    }

    // MARK: (f) a write that fails midway

    @Test(arguments: ["../x", "/tmp/inzage-absoluut", "a/../../x", "a//b", "./x", "", "bijsluiters/index.html"])
    func aWriteThatFailsMidwayLeavesTheOldSite(badPath: String) throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let before = SiteSnapshot(site.output)
        let parentBefore = try FileManager.default.contentsOfDirectory(atPath: site.folder.url.path).sorted()
        // New bytes for every page first, so the staging folder is full when the bad path comes;
        // "bijsluiters/index.html" stands for a path given twice.
        var files = site.paths.filter { $0 != SiteWriter.marker }.map { OutputFile(path: $0, data: Data("nieuw \($0)".utf8)) }
        files.append(OutputFile(path: badPath, data: Data("buiten de site".utf8)))
        files.append(OutputFile(path: "na-de-fout.html", data: Data("x".utf8)))
        #expect(throws: WriteError.self) { try SiteWriter(output: site.output.path, protected: [site.contentRoot]).write(files) }
        #expect(SiteSnapshot(site.output).differences(from: before).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.url.path).sorted() == parentBefore, "nothing left next to the site")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/inzage-absoluut"))
        #expect(stagingLeftovers(site).isEmpty)
    }

    @Test func aFirstWriteThatFailsLeavesNoOutputFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        #expect(throws: WriteError.self) {
            try SiteWriter(output: output.path, protected: []).write([OutputFile(path: "index.html", data: Data("x".utf8)), OutputFile(path: "../x", data: Data())])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func leftoversOfAnInterruptedBuildAreCleanedUpAndTheSiteIsIntact() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        // What a build killed between writing the staging folder and the swap leaves behind.
        let leftover = site.folder.url.appendingPathComponent(".public.inzage-nieuw-99999")
        try FileManager.default.createDirectory(at: leftover.appendingPathComponent("bijsluiters"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: leftover.appendingPathComponent("index.html"))
        let before = SiteSnapshot(site.output)
        try site.rewrite(TestContent.valid.replacing("Leerlingen oefenen rekenen op", with: "Leerlingen rekenen op", in: "bijsluiters/rekentuin.md"))
        let report = try #require(try site.rebuild().report)
        #expect(report.written == 1)
        #expect(stagingLeftovers(site).isEmpty)
        #expect(site.text("index.html") == String(decoding: before.entries["index.html"]?.data ?? Data(), as: UTF8.self))
    }

    @Test func theWriterReportsWhatItDid() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let writer = SiteWriter(output: output.path, protected: [])
        let first = try writer.write([OutputFile(path: "index.html", data: Data("a".utf8)), OutputFile(path: "b/index.html", data: Data("b".utf8))])
        #expect((first.written, first.unchanged, first.removed) == (2, 0, 0))
        let second = try writer.write([OutputFile(path: "index.html", data: Data("a2".utf8)), OutputFile(path: "c/index.html", data: Data("c".utf8))])
        #expect((second.written, second.unchanged, second.removed) == (2, 0, 1))
        let third = try writer.write([OutputFile(path: "index.html", data: Data("a2".utf8)), OutputFile(path: "c/index.html", data: Data("c".utf8))])
        #expect((third.written, third.unchanged, third.removed) == (0, 2, 0))
        #expect(SiteSnapshot.files(in: output) == [SiteWriter.marker, "c/index.html", "index.html"])
    }

    @Test func batchesEqualSoFarAreLinkedOnceOneFileDiffers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let writer = SiteWriter(output: output.path, protected: [])
        _ = try writer.write([OutputFile(path: "a/index.html", data: Data("a".utf8)), OutputFile(path: "b/index.html", data: Data("b".utf8))])
        let inodeOfA = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("a/index.html").path)[.systemFileNumber] as? Int
        let publication = try writer.begin()
        try publication.add([OutputFile(path: "a/index.html", data: Data("a".utf8))])
        try publication.add([OutputFile(path: "b/index.html", data: Data("b2".utf8))])
        let report = try publication.finish()
        #expect((report.written, report.unchanged, report.removed) == (1, 1, 0))
        #expect(try String(contentsOf: output.appendingPathComponent("b/index.html"), encoding: .utf8) == "b2")
        // The unchanged file is the same file, not a copy.
        #expect(try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("a/index.html").path)[.systemFileNumber] as? Int == inodeOfA)
    }

    @Test func anAbandonedPublicationLeavesThePublishedSiteAndNoStagingFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let writer = SiteWriter(output: output.path, protected: [])
        _ = try writer.write([OutputFile(path: "index.html", data: Data("oud".utf8))])
        let before = SiteSnapshot(output)
        let publication = try writer.begin()
        try publication.add([OutputFile(path: "index.html", data: Data("nieuw".utf8)), OutputFile(path: "x/index.html", data: Data("x".utf8))])
        publication.abandon()
        #expect(SiteSnapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".public.inzage-") }
        #expect(leftovers.isEmpty)
    }

    /// Without a published site, each batch goes to the staging folder at once (it is written while
    /// the next batch renders); abandoning the publication leaves no folder at all.
    @Test func aFirstPublicationWritesEachBatchAtOnceAndAnAbandonLeavesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let publication = try SiteWriter(output: output.path, protected: []).begin()
        try publication.add([OutputFile(path: "index.html", data: Data("a".utf8)), OutputFile(path: "x/index.html", data: Data("x".utf8))])
        let staged = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".public.inzage-") }
        #expect(staged.count == 1)
        let stagedFiles = staged.first.map { SiteSnapshot.files(in: folder.url.appendingPathComponent($0)) } ?? []
        #expect(stagedFiles == ["index.html", "x/index.html"])
        publication.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    // MARK: (f) a few changes are made in place

    private func inode(_ url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
    }

    @Test func aFewChangedFilesReplaceTheirPublishedFilesInPlace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let writer = SiteWriter(output: output.path, protected: [])
        let pages = (0..<100).map { OutputFile(path: "p\($0)/index.html", data: Data("pagina \($0)".utf8)) }
        _ = try writer.write(pages + [OutputFile(path: "oud/diep/index.html", data: Data("weg".utf8))])
        let folderInode = try inode(output)
        var changed = pages
        changed[3] = OutputFile(path: "p3/index.html", data: Data("pagina 3, nieuw".utf8))
        // Written side by side: two new pages share a folder that does not exist yet.
        changed.append(OutputFile(path: "nieuw/deel/index.html", data: Data("nieuw".utf8)))
        changed.append(OutputFile(path: "nieuw/ander/index.html", data: Data("ander".utf8)))
        let report = try writer.write(changed)
        #expect((report.written, report.unchanged, report.removed) == (3, 99, 1))
        // No swap: the published folder is the same folder, and no staging folder was made.
        #expect(try inode(output) == folderInode)
        #expect(stagingLeftovers(in: folder).isEmpty)
        #expect(try String(contentsOf: output.appendingPathComponent("p3/index.html"), encoding: .utf8) == "pagina 3, nieuw")
        #expect(try String(contentsOf: output.appendingPathComponent("nieuw/deel/index.html"), encoding: .utf8) == "nieuw")
        // The stale page and the folders it leaves empty are gone; no temporary file stays behind.
        #expect(try String(contentsOf: output.appendingPathComponent("nieuw/ander/index.html"), encoding: .utf8) == "ander")
        #expect(SiteSnapshot.files(in: output) == ([SiteWriter.marker, "nieuw/ander/index.html", "nieuw/deel/index.html"] + pages.map(\.path)).sorted())
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("oud").path))
    }

    @Test func manyChangedFilesAreStagedAndSwappedIn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let writer = SiteWriter(output: output.path, protected: [])
        let pages = (0..<100).map { OutputFile(path: "p\($0)/index.html", data: Data("pagina \($0)".utf8)) }
        _ = try writer.write(pages)
        let folderInode = try inode(output)
        let changed = pages.map { OutputFile(path: $0.path, data: $0.data + Data(" nieuw".utf8)) }
        let report = try writer.write(changed)
        #expect((report.written, report.unchanged, report.removed) == (100, 0, 0))
        #expect(try inode(output) != folderInode)
        #expect(SiteSnapshot.files(in: output) == ([SiteWriter.marker] + pages.map(\.path)).sorted())
        #expect(try String(contentsOf: output.appendingPathComponent("p7/index.html"), encoding: .utf8) == "pagina 7 nieuw")
    }

    @Test func aPageWhereAFileStoodIsPublishedBySwapping() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let writer = SiteWriter(output: output.path, protected: [])
        _ = try writer.write([OutputFile(path: "index.html", data: Data("a".utf8)), OutputFile(path: "x", data: Data("bestand".utf8))])
        let report = try writer.write([OutputFile(path: "index.html", data: Data("a".utf8)), OutputFile(path: "x/index.html", data: Data("pagina".utf8))])
        #expect((report.written, report.removed) == (1, 1))
        #expect(try String(contentsOf: output.appendingPathComponent("x/index.html"), encoding: .utf8) == "pagina")
    }

    @Test func anAbandonedPublicationWithAFewChangesWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let writer = SiteWriter(output: output.path, protected: [])
        _ = try writer.write([OutputFile(path: "index.html", data: Data("oud".utf8)), OutputFile(path: "y/index.html", data: Data("y".utf8))])
        let before = SiteSnapshot(output)
        let publication = try writer.begin()
        try publication.add([OutputFile(path: "index.html", data: Data("nieuw".utf8))])
        publication.abandon()
        #expect(SiteSnapshot(output) == before)
    }

    // MARK: Helpers

    private func stagingLeftovers(in folder: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? []).filter { $0.hasPrefix(".public.inzage-") }
    }

    /// Staging or old-site folders next to the output.
    private func stagingLeftovers(_ site: BuiltSite) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.folder.url.path)) ?? []).filter { $0.hasPrefix(".public.inzage-") }
    }

    /// Builds with `output` and expects a `WriteError` before anything is written: the folder
    /// `watching` is byte-for-byte and inode-for-inode what it was, and no staging folder appeared.
    private func expectRefused(output: String, content: String, folder: TemporaryFolder, watching: URL,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let before = SiteSnapshot(watching)
        #expect(throws: WriteError.self, sourceLocation: sourceLocation) {
            try BuildPipeline.run(contentRoot: content, templatesRoot: nil, output: output,
                                  lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        }
        #expect(throws: WriteError.self, sourceLocation: sourceLocation) {
            try SiteWriter(output: output, protected: [content]).write([OutputFile(path: "index.html", data: Data("x".utf8))])
        }
        #expect(SiteSnapshot(watching).differences(from: before).isEmpty, "the refused folder changed", sourceLocation: sourceLocation)
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)) ?? []
        #expect(!beside.contains { $0.hasPrefix(".\(target.lastPathComponent).inzage-") }, "a staging folder was made", sourceLocation: sourceLocation)
    }
}
