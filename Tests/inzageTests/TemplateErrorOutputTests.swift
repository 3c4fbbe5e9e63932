import Foundation
import InzageCore
import Testing

/// A Mustache syntax error in the user's templates, as `inzage build` and `inzage serve` show it.
@Suite("Template errors on the command line")
struct TemplateErrorOutputTests {
    /// The default layout with `{{#fg}}` opened under another name (its `{{/fg}}` is on line 38).
    static func brokenLayout() throws -> String {
        try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("layout.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "{{#fg}}", with: "{{#functionaris}}")
    }

    static func writeLayout(_ text: String, in folder: URL) throws {
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: templates.appendingPathComponent("layout.mustache"))
    }

    static let headline = "templates/layout.mustache:38:4: fout: de sectie wordt gesloten met een andere naam dan waarmee ze begon"

    @Test func buildShowsPlaceMessageAndHint() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeLayout(Self.brokenLayout(), in: folder)
        let result = try InzageProcess.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(Self.headline), "\(result.stderr)")
        #expect(result.stderr.contains("Er is niets gepubliceerd"))
        #expect(result.stderr.contains("\n  38 | {{/fg}}\n"))
        #expect(result.stderr.contains("\n   = hulp: "))
        #expect(!result.stderr.contains("ParserError"))
    }

    @Test func serveShowsTheErrorAndKeepsTheSite() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("layout.mustache"), encoding: .utf8)
        try Self.writeLayout(good, in: folder)
        let serve = try ServeProcess(in: folder)
        #expect(serve.waitFor("De website staat op"), "\(serve.stdout)\(serve.stderr)")
        try Self.writeLayout(Self.brokenLayout(), in: folder)
        #expect(serve.waitFor("De site is niet bijgewerkt"), "\(serve.stdout)\(serve.stderr)")
        #expect(serve.stderr.contains(Self.headline), "\(serve.stderr)")
        #expect(!serve.stderr.contains("ParserError"))
        #expect(serve.interrupt() == 0)
    }
}
