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
}
