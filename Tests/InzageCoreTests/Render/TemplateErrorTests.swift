import Foundation
@testable import InzageCore
import Testing

/// Mustache syntax errors in a user's templates read like the other diagnostics: place, Dutch
/// message, the line, and a hint; never Swift's debug text.
@Suite("Template syntax errors")
struct TemplateErrorTests {
    /// The error for a templates folder holding one file `name` with `text`.
    func error(in name: String, _ text: String) throws -> TemplateError {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-template-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        var caught: TemplateError?
        #expect(throws: TemplateError.self) {
            do { _ = try TemplateSet(override: folder.path) } catch let error as TemplateError { caught = error; throw error }
        }
        return try #require(caught)
    }

    @Test func aSectionClosedUnderAnotherNameIsExplainedWithItsPlace() throws {
        let layout = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("layout.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "{{#fg}}", with: "{{#functionaris}}")
        let error = try error(in: "layout.mustache", layout)
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasSuffix("layout.mustache:38:4: fout: de sectie wordt gesloten met een andere naam dan waarmee ze begon"), "\(error)")
        #expect(lines[1] == "  38 | {{/fg}}")
        #expect(lines[2] == "     |    ^")
        #expect(lines[3].hasPrefix("   = hulp: gebruik bij het sluiten dezelfde naam"))
        #expect(!error.description.contains("ParserError"))
    }

    @Test(arguments: [
        ("{{#a}}x", "een sectie wordt niet gesloten"),
        ("{{naam", "het sjabloon houdt op midden in een tag"),
        ("{{na{{me}}", "deze tag is niet goed afgesloten"),
        ("{{=<% =}}", "de tag die de scheidingstekens verandert, is niet goed geschreven"),
        ("{{% ONBEKEND: x }}", "deze instelling {{% … }} bestaat niet"),
    ])
    func everyParserErrorHasADutchMessageAndHint(template: String, message: String) throws {
        let error = try error(in: "pagina.mustache", template)
        #expect(error.description.contains(": fout: \(message)\n"), "\(error)")
        #expect(error.description.contains("\n   = hulp: "))
        #expect(!error.description.contains("Mustache."))
    }

    @Test func thePathIsShownRelativeToTheWorkingFolder() {
        let error = TemplateError(file: FileManager.default.currentDirectoryPath + "/templates/layout.mustache", message: "x", line: 2, column: 1)
        #expect(error.description == "templates/layout.mustache:2:1: fout: x")
    }

    /// Content with a `fout` found by a rule (BS-CAT) or while loading (a front matter that does
    /// not parse), in a theme whose layout does not parse.
    @Test(arguments: [
        TestContent.valid.replacing("  eck_id: nee\n", with: "", in: "bijsluiters/rekentuin.md"),
        TestContent.valid.replacing("product: Rekentuin", with: "product: [Rekentuin", in: "bijsluiters/rekentuin.md"),
    ])
    func aFoutInTheContentComesBeforeABrokenTemplate(content: TestContent) throws {
        // The theme is parsed, and the rules run, while the pages are made: the content's
        // diagnostics are still the answer, and nothing is written.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(content)
        let templates = folder.url.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{#a}}x\n".utf8).write(to: templates.appendingPathComponent("layout.mustache"))
        let output = folder.url.appendingPathComponent("public")
        let result = try BuildPipeline.run(contentRoot: root, templatesRoot: templates.path, output: output.path,
                                           lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        #expect(result.report == nil)
        #expect(result.diagnostics.errorCount > 0)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aBrokenLetterTemplateDoesNotStopTheSiteButStopsTheLetters() throws {
        // The site uses no letter template: `inzage build` publishes, and the letters, which do
        // use it, report the error with its place.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = try folder.write(.valid)
        let templates = folder.url.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("letters"), withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: TEXT}}\nBeste {{#ouder}}ouder,\n".utf8).write(to: templates.appendingPathComponent("letters/bijsluiter-u.mustache"))
        let output = folder.url.appendingPathComponent("public")
        let result = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: output.path,
                                           lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        #expect(result.report != nil)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        var caught: TemplateError?
        #expect(throws: TemplateError.self) {
            do { _ = try TemplateSet(override: templates.path) } catch let error as TemplateError { caught = error; throw error }
        }
        let first = try #require(caught).description.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasSuffix("letters/bijsluiter-u.mustache:3:1: fout: een sectie wordt niet gesloten"), "\(first)")
    }
}
