import Foundation
@testable import InzageCore
import Testing

@Suite("Write: published files known to serve")
struct PublishedFilesTests {
    private func file(_ text: String, age: TimeInterval) throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("index.html").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path)
        return (folder, path)
    }

    @Test func anOldUnchangedFileIsComparedInMemory() throws {
        let (folder, path) = try file("oud", age: 3600)
        defer { folder.remove() }
        let known = PublishedFiles()
        #expect(known.holds(path, Data("oud".utf8)) == nil)
        known.record(path, Data("oud".utf8))
        #expect(known.holds(path, Data("oud".utf8)) == true)
        #expect(known.holds(path, Data("nieuw".utf8)) == false)
    }

    @Test func aFileThatChangedSinceIsReadAgain() throws {
        let (folder, path) = try file("oud", age: 3600)
        defer { folder.remove() }
        let known = PublishedFiles()
        known.record(path, Data("oud".utf8))
        // Same size, old modification time put back: the change time still moves.
        try Data("ouD".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: path)
        #expect(known.holds(path, Data("oud".utf8)) == nil)
    }

    @Test func aFileWrittenJustNowIsNotRemembered() throws {
        let (folder, path) = try file("vers", age: 0)
        defer { folder.remove() }
        let known = PublishedFiles()
        known.record(path, Data("vers".utf8))
        #expect(known.holds(path, Data("vers".utf8)) == nil)
    }

    /// `known` watching the folder of `path`, once the watch (made on another thread) is in place.
    private func watched(_ path: String) throws -> PublishedFiles {
        let known = PublishedFiles(watching: true)
        let root = URL(fileURLWithPath: path).deletingLastPathComponent().path
        for _ in 0..<200 where !known.isWatchingSite {
            known.watchSite(at: root)
            Thread.sleep(forTimeInterval: 0.01)
        }
        try #require(known.isWatchingSite)
        return known
    }

    /// A second name (a hard link) for the file at `path`, in a folder no watch sees.
    private func secondName(for path: String) throws -> (TemporaryFolder, String) {
        let elsewhere = try TemporaryFolder()
        let link = elsewhere.url.appendingPathComponent("link").path
        #expect(Foundation.link(path, link) == 0)
        return (elsewhere, link)
    }

    @Test func aWatchedFileWithoutEventsIsTakenWithoutAStat() throws {
        let (folder, path) = try file("oud", age: 3600)
        defer { folder.remove() }
        let known = try watched(path)
        known.record(path, Data("oud".utf8))
        // Changed through a second name outside the watched folder, which the watch cannot see:
        // the answer comes from the watch, not from the file's stat.
        let (elsewhere, link) = try secondName(for: path)
        defer { elsewhere.remove() }
        try Data("nieuw".utf8).write(to: URL(fileURLWithPath: link))
        known.watchSite(at: folder.url.path)
        #expect(known.holds(path, Data("oud".utf8)) == true)
        #expect(PublishedFiles(watching: false).holds(path, Data("oud".utf8)) == nil)
    }

    @Test func aWatchedFileWrittenAgainIsReadAgain() throws {
        let (folder, path) = try file("oud", age: 3600)
        defer { folder.remove() }
        let known = try watched(path)
        known.record(path, Data("oud".utf8))
        try Data("ouD".utf8).write(to: URL(fileURLWithPath: path))
        known.watchSite(at: folder.url.path)
        #expect(known.holds(path, Data("oud".utf8)) == nil)
        // Looked at again (an hour old), it is trusted again.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: path)
        known.record(path, Data("ouD".utf8))
        known.watchSite(at: folder.url.path)
        #expect(known.holds(path, Data("ouD".utf8)) == true)
    }

    @Test func aNewFolderStopsTheWatchAndWhatItKnewIsLookedAtAgain() throws {
        let (folder, path) = try file("oud", age: 3600)
        defer { folder.remove() }
        let known = try watched(path)
        known.record(path, Data("oud".utf8))
        let (elsewhere, _) = try secondName(for: path)
        defer { elsewhere.remove() }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("nieuw"), withIntermediateDirectories: false)
        known.watchSite(at: folder.url.path)
        // The file's stat is taken again: the link added to its count of names.
        #expect(known.holds(path, Data("oud".utf8)) == nil)
        // A new watch comes; the file is trusted again only once looked at under it.
        let rewatched = try watched(path)
        #expect(rewatched.isWatchingSite)
    }

    @Test func aWatchedFolderListIsReadAgainAfterAnEntryIsAdded() throws {
        let (folder, path) = try file("oud", age: 3600)
        defer { folder.remove() }
        let known = try watched(path)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: folder.url.path)
        var reads = 0
        let read = { () -> [FolderEntry] in
            reads += 1
            return FolderEntry.read(folder.url.path)
        }
        #expect(known.entries(of: folder.url.path, read: read).map(\.name) == ["index.html"])
        known.watchSite(at: folder.url.path)
        #expect(known.entries(of: folder.url.path, read: read).map(\.name) == ["index.html"])
        #expect(reads == 1)
        try Data("los".utf8).write(to: folder.url.appendingPathComponent("los.html"))
        known.watchSite(at: folder.url.path)
        #expect(known.entries(of: folder.url.path, read: read).map(\.name).sorted() == ["index.html", "los.html"])
        #expect(reads == 2)
    }

    @Test func aLookThatBeganBeforeTheLastEventsDoesNotClearThem() throws {
        let (folder, path) = try file("oud", age: 3600)
        defer { folder.remove() }
        let watch = OutputWatch(root: folder.url.path)
        watch.epoch = 1
        try #require(watch.isWatching)
        #expect(watch.isUnchanged(path, since: 1))
        try Data("een".utf8).write(to: URL(fileURLWithPath: path))
        watch.refresh()
        #expect(!watch.isUnchanged(path, since: 1))
        // A look begins (its stat is taken), then another change is taken before it is noted.
        let batches = watch.batchesTaken
        try Data("twee".utf8).write(to: URL(fileURLWithPath: path))
        watch.refresh()
        watch.looked(at: path, after: batches)
        #expect(!watch.isUnchanged(path, since: 1))
        // A look after the last batch clears the path; another epoch is never trusted.
        watch.looked(at: path, after: watch.batchesTaken)
        #expect(watch.isUnchanged(path, since: 1))
        #expect(!watch.isUnchanged(path, since: 0))
    }

    @Test func sameComparesBytesAlsoWhenStorageDiffers() {
        let page = Data(String(repeating: "<p>tekst</p>", count: 100).utf8)
        #expect(PublishedFiles.same(page, page))
        #expect(PublishedFiles.same(page, Data(page)))
        var changed = page
        changed[changed.count - 2] = UInt8(ascii: "x")
        #expect(!PublishedFiles.same(page, changed))
        #expect(!PublishedFiles.same(page, page.dropLast()))
        #expect(PublishedFiles.same(Data("ab".utf8), Data("ab".utf8)))
    }

    @Test func safeRelativePaths() {
        for path in ["index.html", "bijsluiters/rekentuin/index.html", "assets/stijl.css", ".inzage", "a/.../b", "a..b/c"] {
            #expect(SiteWriter.isSafeRelativePath(path), "\(path)")
        }
        for path in ["", "/etc/passwd", "a//b", "a/", "./a", "a/./b", "../a", "a/../b", "a/..", ".", ".."] {
            #expect(!SiteWriter.isSafeRelativePath(path), "\(path)")
        }
    }

    @Test func anOldUnchangedFolderIsListedFromMemory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.appendingPathComponent("index.html"))
        let old = Date().addingTimeInterval(-3600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: site.path)
        let known = PublishedFiles()
        var reads = 0
        func read() -> [FolderEntry] {
            reads += 1
            return FolderEntry.read(site.path)
        }
        let first = known.entries(of: site.path, read: read)
        #expect(first.sorted { $0.name < $1.name } == [FolderEntry(name: "a", isFolder: true), FolderEntry(name: "index.html", isFolder: false)])
        #expect(known.entries(of: site.path, read: read) == first)
        #expect(reads == 1)
        // A new entry moves the folder's times: it is read again.
        try Data("y".utf8).write(to: site.appendingPathComponent("nieuw.html"))
        #expect(known.entries(of: site.path, read: read).count == 3)
        #expect(reads == 2)
        // Changed just now: not remembered.
        _ = known.entries(of: site.path, read: read)
        #expect(reads == 3)
    }

    @Test func staleFilesAreFoundThroughRememberedFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("site")
        for page in ["index.html", "a/index.html", "b/index.html"] {
            let url = site.appendingPathComponent(page)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(page.utf8).write(to: url)
        }
        let old = Date().addingTimeInterval(-3600)
        for path in ["", "a", "b"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: site.appendingPathComponent(path).path)
        }
        let known = PublishedFiles()
        #expect(SiteWriter.files(in: site, except: ["index.html"], known: known).sorted() == ["a/index.html", "b/index.html"])
        try FileManager.default.removeItem(at: site.appendingPathComponent("b/index.html"))
        try Data("z".utf8).write(to: site.appendingPathComponent("a/extra.html"))
        #expect(SiteWriter.files(in: site, except: ["index.html"], known: known).sorted() == ["a/extra.html", "a/index.html"])
    }
}
