import Foundation
import InzageCore
import Testing

/// `inzage check` end to end: the built executable on a content folder, as a user or CI runs it.
@Suite("inzage check")
struct CheckCommandTests {
    /// Runs `inzage check` in a fresh folder holding the minimal content with `changes`.
    func check(_ arguments: [String] = [], changes: [String: String] = [:], environment: [String: String] = [:]) throws -> InzageProcess.Result {
        let folder = try MinimalContent.write(changes)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try InzageProcess.run(["check"] + arguments, in: folder, environment: environment)
    }

    static let lowContrast = MinimalContent.replacing(##"kleur: "#1d4f91""##, with: ##"kleur: "#ffcc00""##, in: "organisatie.yaml")
    static let outdatedTermWarning = MinimalContent.replacing("naam: OBS Het Baken", with: "naam: OBS Het Baken (Wbp)", in: "organisatie.yaml")

    @Test func validContentExitsZero() throws {
        let result = try check()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "Geen problemen gevonden.\n")
    }

    @Test func errorsExitOne() throws {
        let result = try check(changes: Self.lowContrast)
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("1 fout en 0 waarschuwingen gevonden.\n"))
    }

    @Test func warningsAloneExitZeroUnlessStrict() throws {
        #expect(try check(changes: Self.outdatedTermWarning).status == 0)
        #expect(try check(["--strict"], changes: Self.outdatedTermWarning).status == 1)
    }

    @Test func missingContentFolderExitsTwo() throws {
        let result = try check(["--content", "bestaat-niet"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "inzage: de inhoudsmap 'bestaat-niet' bestaat niet of is geen map\n")
    }

    @Test(arguments: [["--format", "xml"], ["--onbekend"], ["extra-argument"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try check(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func textOutputIsCompilerStyle() throws {
        let marked = MarkedLine(##"site: { url: https://privacy.hetbaken.nl/, titel: Privacy bij Het Baken, aanspreekvorm: u, kleur: 1️⃣"#ffcc00" }"##)
        let result = try check(changes: MinimalContent.replacing(##"site: { url: https://privacy.hetbaken.nl/, titel: Privacy bij Het Baken, aanspreekvorm: u, kleur: "#1d4f91" }"##,
                                                                 with: marked.text, in: "organisatie.yaml"))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 6, "\(result.stdout)")
        #expect(lines[0].hasPrefix("content/organisatie.yaml:6:\(marked.column): fout: de kleur #ffcc00 heeft te weinig contrast met wit"))
        #expect(lines[0].hasSuffix(" [ORG-COLOUR]"))
        #expect(lines[1] == "    6 | " + marked.text)
        #expect(lines[2] == "      | " + String(repeating: " ", count: marked.column - 1) + "^")
        #expect(lines[3].hasPrefix("   = hulp: kies een donkerdere kleur"))
        #expect(lines[4] == "1 fout en 0 waarschuwingen gevonden.")
        #expect(lines[5] == "")
    }

    @Test func sortedByFileAndLine() throws {
        var changes = Self.lowContrast
        changes.merge(MinimalContent.replacing("statistieken: geen", with: "statistieken: geen\ncookies:\n  - { naam: _ga, soort: tracking, doel: Advertenties, bewaartermijn: 2 jaar }",
                                               in: "privacystatement.md")) { $1 }
        changes.merge(MinimalContent.replacing("naam: Stichting Het Baken", with: "naaam: Stichting Het Baken", in: "organisatie.yaml")
            .mapValues { $0.replacingOccurrences(of: ##""#1d4f91""##, with: ##""#ffcc00""##) }) { $1 }
        let result = try check(changes: changes)
        // Headlines are "file:line:column: ..."; the order is by file, then line, then column.
        let positions = result.stdout.split(separator: "\n").filter { $0.hasPrefix("content/") }.map { line -> (String, Int, Int) in
            let parts = line.split(separator: ":")
            return (String(parts[0]), Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
        }
        #expect(positions.map(\.0) == ["content/organisatie.yaml", "content/organisatie.yaml", "content/organisatie.yaml", "content/privacystatement.md"],
                "\(result.stdout)")
        #expect(positions.elementsEqual(positions.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }) { $0 == $1 })
        #expect(result.stdout.hasSuffix("4 fouten en 0 waarschuwingen gevonden.\n"))
    }

    @Test func jsonOutputHasTheDocumentedShape() throws {
        let result = try check(["--format", "json"], changes: Self.lowContrast.merging(Self.outdatedTermWarning.mapValues {
            $0.replacingOccurrences(of: ##""#1d4f91""##, with: ##""#ffcc00""##)
        }) { $1 })
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["diagnostics", "errors", "warnings"])
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.count == 2)
        for item in items {
            #expect(Set(item.keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
            #expect(["error", "warning", "note"].contains(item["severity"] as? String ?? ""))
            #expect(item["file"] as? String == "content/organisatie.yaml")
            #expect(item["line"] is Int && item["column"] is Int)
        }
        #expect(Set(items.compactMap { $0["code"] as? String }) == ["ORG-COLOUR", "TXT-OUTDATED"])
    }

    /// `file` is relative to the working folder, however the content folder was named.
    @Test func anAbsoluteContentPathInsideTheWorkingFolderIsShownRelative() throws {
        let folder = try MinimalContent.write(Self.lowContrast)
        defer { try? FileManager.default.removeItem(at: folder) }
        let absolute = folder.appendingPathComponent("content").path
        for arguments in [["--content", absolute], ["--content", absolute + "/"], ["--content", "./content"]] {
            let text = try InzageProcess.run(["check"] + arguments, in: folder)
            #expect(text.status == 1)
            #expect(text.stdout.hasPrefix("content/organisatie.yaml:6:"), "\(arguments): \(text.stdout)")
            // The source excerpt is still found under the shorter path.
            #expect(text.stdout.contains("\n    6 | site: "), "\(text.stdout)")
            let json = try InzageProcess.run(["check", "--format", "json"] + arguments, in: folder)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let items = try #require(object["diagnostics"] as? [[String: Any]])
            #expect(items.map { $0["file"] as? String } == ["content/organisatie.yaml"], "\(arguments): \(json.stdout)")
        }
        // The content folder is the working folder itself.
        let inside = try InzageProcess.run(["check", "--content", absolute], in: folder.appendingPathComponent("content"))
        #expect(inside.stdout.hasPrefix("organisatie.yaml:6:"), "\(inside.stdout)")
        // Outside the working folder the path stays as given.
        let elsewhere = folder.appendingPathComponent("elders")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let outside = try InzageProcess.run(["check", "--content", absolute], in: elsewhere)
        #expect(outside.stdout.hasPrefix(absolute + "/organisatie.yaml:6:"), "\(outside.stdout)")
    }

    @Test func jsonForValidContent() throws {
        let result = try check(["--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout == "{\"diagnostics\":[],\"errors\":0,\"warnings\":0}\n")
    }

    @Test func noColourWhenNotATerminal() throws {
        let result = try check(changes: Self.lowContrast)
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func colourOnATerminalUnlessNoColour() throws {
        let folder = try MinimalContent.write(Self.lowContrast)
        defer { try? FileManager.default.removeItem(at: folder) }
        let coloured = try InzageProcess.runOnTerminal(["check"], in: folder)
        #expect(coloured.status == 1)
        #expect(coloured.stdout.contains("\u{1B}[31mfout\u{1B}[0m"), "\(coloured.stdout)")
        let plain = try InzageProcess.runOnTerminal(["check"], in: folder, environment: ["NO_COLOR": "1"])
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("fout: de kleur #ffcc00"))
        #expect(!plain.stdout.contains("\u{1B}"), "\(plain.stdout)")
    }
}

/// One line of text with a `1️⃣` marker: the text without it and the marker's column (Unicode scalars).
struct MarkedLine {
    let text: String
    let column: Int

    init(_ marked: String) {
        let parts = marked.components(separatedBy: "1️⃣")
        text = parts.joined()
        column = parts[0].unicodeScalars.count + 1
    }
}
