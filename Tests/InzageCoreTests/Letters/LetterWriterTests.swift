import Foundation
@testable import InzageCore
import Testing

@Suite("Letters: writing with owner-only permissions, never into the site")
struct LettersWriterTests {
    /// A fresh working folder with `public/` and `content/`.
    static func workspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-writer-\(UUID().uuidString)")
        for folder in ["public", "content/bestanden"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        return root
    }

    static func protected(_ root: URL) -> [ProtectedFolder] {
        [ProtectedFolder(path: root.appendingPathComponent("public").path, description: "de site-uitvoer (public)"),
         ProtectedFolder(path: root.appendingPathComponent("content").path, description: "de inhoudsmap (content)")]
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func foldersAre0700AndFiles0600() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("letters").path
        let writer = LetterWriter(output: output, protected: Self.protected(root))
        try writer.write([Letter(path: "fototoestemming-2026-2027/31CD/001-zoe-celik.txt", text: "Beste Zoë,\n")])
        #expect(try Self.mode(output) == 0o700)
        #expect(try Self.mode(output + "/fototoestemming-2026-2027") == 0o700)
        #expect(try Self.mode(output + "/fototoestemming-2026-2027/31CD") == 0o700)
        let file = output + "/fototoestemming-2026-2027/31CD/001-zoe-celik.txt"
        #expect(try Self.mode(file) == 0o600)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "Beste Zoë,\n")
    }

    @Test func anExistingFileGetsOwnerOnlyPermissionsToo() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("letters/bijsluiter-x")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let file = folder.appendingPathComponent("23AB.txt").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("oud\n".utf8), attributes: [.posixPermissions: 0o644]))
        try LetterWriter(output: root.appendingPathComponent("letters").path, protected: Self.protected(root))
            .write([Letter(path: "bijsluiter-x/23AB.txt", text: "nieuw\n")])
        #expect(try Self.mode(file) == 0o600)
        #expect(try Self.mode(folder.path) == 0o700)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "nieuw\n")
    }

    @Test(arguments: ["public", "public/brieven", "public/../public/letters", "content/bestanden/brieven", "link/brieven", "letters/../public"])
    func aFolderInsideThePublishedFoldersIsRefused(_ relative: String) throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: root.appendingPathComponent("public").path)
        let output = root.path + "/" + relative
        let writer = LetterWriter(output: output, protected: Self.protected(root))
        #expect(throws: LetterWriteError.self) { try writer.checkLocation() }
        #expect(throws: LetterWriteError.self) { try writer.write([Letter(path: "a/b.txt", text: "x\n")]) }
        let published = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("public").path)
        #expect(published.isEmpty, "nothing may be written into the site output")
    }

    @Test func theRefusalSaysWhy() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = LetterWriter(output: root.appendingPathComponent("public/brieven").path, protected: Self.protected(root))
        #expect {
            try writer.checkLocation()
        } throws: { error in
            "\(error)".contains("ligt in de site-uitvoer (public)") && "\(error)".contains("persoonsgegevens")
        }
    }

    @Test func aFolderNextToTheSiteIsFine() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        for relative in ["letters", "publiek", "public-brieven"] {
            #expect(throws: Never.self) { try LetterWriter(output: root.path + "/" + relative, protected: Self.protected(root)).checkLocation() }
        }
    }

    @Test func anExportInsideAPublishedFolderIsFound() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let protected = Self.protected(root)
        #expect(LetterWriter.protectedFolder(containing: root.path + "/content/bestanden/export.csv", among: protected)?.description == "de inhoudsmap (content)")
        #expect(LetterWriter.protectedFolder(containing: root.path + "/export.csv", among: protected) == nil)
    }

    @Test func lettersOfPupilsWhoLeftAreRemovedFromTheRewrittenFolder() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = LetterWriter(output: root.appendingPathComponent("letters").path, protected: Self.protected(root))
        try writer.write([Letter(path: "f/31CD/001-a.txt", text: "a\n"), Letter(path: "f/31CD/002-b.txt", text: "b\n"), Letter(path: "f/31CD.txt", text: "s\n")])
        let summary = try writer.write([Letter(path: "f/31CD/001-c.txt", text: "c\n")], replacing: ["f/31CD"])
        #expect(summary.removed.map { URL(fileURLWithPath: $0).lastPathComponent } == ["001-a.txt", "002-b.txt"])
        let left = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("letters/f/31CD").path)
        #expect(left == ["001-c.txt"])
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("letters/f/31CD.txt").path))
    }

    @Test func pathsWithDotsAreRefused() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = LetterWriter(output: root.appendingPathComponent("letters").path, protected: Self.protected(root))
        #expect(throws: LetterWriteError.self) { try writer.write([Letter(path: "../public/x.txt", text: "x\n")]) }
    }

    @Test func anyBuiltSiteIsRefusedEvenWhenNotNamed() throws {
        // A site built elsewhere carries the marker file; letters may never go inside it.
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let elsewhere = root.appendingPathComponent("www/site")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data().write(to: elsewhere.appendingPathComponent(SiteWriter.marker))
        let writer = LetterWriter(output: elsewhere.appendingPathComponent("brieven").path, protected: Self.protected(root))
        #expect(throws: LetterWriteError.self) { try writer.checkLocation() }
    }
}
