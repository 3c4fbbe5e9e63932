import Foundation
import InzageCore
import Testing

@Suite("Diagnostics: paths relative to the working folder")
struct DisplayPathTests {
    @Test(arguments: [
        ("/home/school/site/content", "content"),
        ("/home/school/site/content/bijsluiters/x.md", "content/bijsluiters/x.md"),
        ("/home/school/site/content/", "content"),
        ("/home/school/site", "."),
        ("/home/school/site/../site/content", "content"),
        ("/home/school/site-oud/content", "/home/school/site-oud/content"),  // a sibling, not inside
        ("/elders/content", "/elders/content"),
        ("content", "content"),
        ("./content", "content"),
        ("../content", "../content"),
        (".", "."),
    ])
    func pathsInsideTheWorkingFolderAreShownRelative(_ path: String, _ shown: String) {
        #expect(DisplayPath.relative(path, to: "/home/school/site") == shown)
    }

    @Test func aWorkingFolderReachedThroughASymlinkStillMatches() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-display-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let real = base.appendingPathComponent("echt")
        try FileManager.default.createDirectory(at: real.appendingPathComponent("content"), withIntermediateDirectories: true)
        let link = base.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(DisplayPath.relative(link.appendingPathComponent("content").path, to: real.path) == "content")
    }
}
