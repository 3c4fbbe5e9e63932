import Foundation
import Testing

/// `inzage build` end to end, as separate processes: what one build leaves for the next.
@Suite("inzage build")
struct BuildCommandTests {
    static let page = ["paginas/camerabewaking.md": "---\ntitel: Camerabewaking\n---\nBij de ingang hangt een camera.\n"]

    /// The record names the executable and the global inputs by digests that are the same in every
    /// process (a per-process hash seed would make every build start from nothing), so a second
    /// build in a new process leaves the record exactly as it was and writes no file.
    @Test func aSecondBuildInANewProcessFindsTheRecordOfTheFirst() throws {
        let folder = try MinimalContent.write(Self.page)
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = folder.appendingPathComponent("public/.inzage-cache")

        let first = try InzageProcess.run(["build"], in: folder)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let text = try String(contentsOf: record, encoding: .utf8)
        #expect(text.contains(" camerabewaking/index.html\n"), "\(text)")
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: record.path)[.systemFileNumber] as? NSNumber)

        let second = try InzageProcess.run(["build"], in: folder)
        #expect(second.status == 0)
        #expect(second.stdout.contains(" 0 bestanden geschreven"), "\(second.stdout)")
        #expect(try String(contentsOf: record, encoding: .utf8) == text)
        #expect(try FileManager.default.attributesOfItem(atPath: record.path)[.systemFileNumber] as? NSNumber == inode, "the record was written again")

        // An edit to the page: the page and the record change, nothing else.
        try Data("---\ntitel: Camerabewaking\n---\nBij de ingang en op het plein hangt een camera.\n".utf8)
            .write(to: folder.appendingPathComponent("content/paginas/camerabewaking.md"))
        let third = try InzageProcess.run(["build"], in: folder)
        #expect(third.stdout.contains(" 1 bestand geschreven"), "\(third.stdout)")
        let html = try String(contentsOf: folder.appendingPathComponent("public/camerabewaking/index.html"), encoding: .utf8)
        #expect(html.contains("op het plein"))
        #expect(try String(contentsOf: record, encoding: .utf8) != text)
    }
}
