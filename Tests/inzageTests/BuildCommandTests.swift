import Foundation
import InzageCore
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
        let bytes = try Data(contentsOf: record)
        #expect(bytes.range(of: Data("camerabewaking/index.html".utf8)) != nil)
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: record.path)[.systemFileNumber] as? NSNumber)

        let second = try InzageProcess.run(["build"], in: folder)
        #expect(second.status == 0)
        #expect(second.stdout.contains(" 0 bestanden geschreven"), "\(second.stdout)")
        #expect(try Data(contentsOf: record) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: record.path)[.systemFileNumber] as? NSNumber == inode, "the record was written again")

        // An edit to the page: the page and the record change, nothing else.
        try Data("---\ntitel: Camerabewaking\n---\nBij de ingang en op het plein hangt een camera.\n".utf8)
            .write(to: folder.appendingPathComponent("content/paginas/camerabewaking.md"))
        let third = try InzageProcess.run(["build"], in: folder)
        #expect(third.stdout.contains(" 1 bestand geschreven"), "\(third.stdout)")
        let html = try String(contentsOf: folder.appendingPathComponent("public/camerabewaking/index.html"), encoding: .utf8)
        #expect(html.contains("op het plein"))
        #expect(try Data(contentsOf: record) != bytes)
    }

    @Test func aBodyEditIsBuiltFromWhatTheBuildBeforeKept() throws {
        // The demo board, which has more bijsluiters than extra pages.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-cli-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: InzagePaths.defaultContent, to: folder.appendingPathComponent("content"))
        let first = try InzageProcess.run(["build"], in: folder)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".public-inzage-bevindingen").path))

        let bijsluiters = folder.appendingPathComponent("content/bijsluiters")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: bijsluiters.path).sorted().first)
        let file = bijsluiters.appendingPathComponent(name)
        try (try String(contentsOf: file, encoding: .utf8) + "\nDeze zin staat alleen op de eigen pagina.\n").write(to: file, atomically: false, encoding: .utf8)
        let second = try InzageProcess.run(["build"], in: folder, environment: ["INZAGE_TIMING": "1"])
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stderr.contains("inzage-timing: patch: published"), "\(second.stderr)")
        #expect(second.stdout.contains(" 1 bestand geschreven"), "\(second.stdout)")

        // The same findings and bytes as a clean build.
        let clean = try InzageProcess.run(["build", "--output", "schoon"], in: folder)
        #expect(clean.status == 0)
        let withoutTiming = second.stderr.split(separator: "\n").filter { !$0.hasPrefix("inzage-timing:") }.joined(separator: "\n")
        #expect(withoutTiming == clean.stderr.split(separator: "\n").joined(separator: "\n"))
        func files(_ name: String) throws -> [String: Data] {
            let root = folder.appendingPathComponent(name)
            var files: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: root.path)! where path != ".inzage-cache" {
                files[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
            }
            return files
        }
        #expect(try files("public") == files("schoon"))
    }
}
