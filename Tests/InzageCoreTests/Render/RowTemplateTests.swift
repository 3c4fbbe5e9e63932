import Foundation
@testable import InzageCore
import Testing

/// The long lists (products, the matrix, school pages, changes, recipients, transfers) render each
/// row with a row template of its own (`ViewFragment.html`), so `serve` renders only new rows.
@Suite("Row templates")
struct RowTemplateTests {
    /// Builds the fixture with the user's templates folder holding `files` (name → text).
    private func build(overriding files: [String: String]) throws -> (folder: TemporaryFolder, output: URL) {
        let folder = try TemporaryFolder()
        let content = try folder.write(.valid)
        let templates = folder.url.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: templates.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        let output = folder.url.appendingPathComponent("public")
        let result = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: output.path,
                                           lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        #expect(result.report != nil, "\(result.diagnostics.filter { $0.severity == .error })")
        return (folder, output)
    }

    private func text(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func anOverriddenRowTemplateRendersEveryRow() throws {
        let (folder, output) = try build(overriding: [
            "bijsluiters-rij.mustache": "<tr class=\"eigen\"><th scope=\"row\">{{product}}</th><td>{{verwerker}}</td><td>{{soort}}</td><td>{{bijzonder}}</td><td>{{buitenEER}}</td><td>{{versie}}</td></tr>\n",
            "wijziging.mustache": "<li class=\"eigen\">{{samenvatting}}</li>\n",
        ])
        defer { folder.remove() }
        let list = try text(output, "bijsluiters/index.html")
        #expect(list.components(separatedBy: "<tr class=\"eigen\">").count - 1 == 2, "one row per product of the fixture")
        #expect(list.contains("<tr class=\"eigen\"><th scope=\"row\">Rekentuin</th>"))
        // A row template's last line break is dropped: the list template puts each row on its own line.
        #expect(!list.contains("</tr>\n\n"))
        // The change row is used by the page of all changes and by every document's own list.
        let changes = try text(output, "wijzigingen/index.html")
        #expect(changes.contains("<li class=\"eigen\">") && !changes.contains("<time"))
        #expect(try text(output, "privacyverklaring/index.html").contains("<li class=\"eigen\">"))
    }

    @Test func aListTemplateThatReadsTheRowFieldsStillWorks() throws {
        // A theme made before row templates existed reads the fields of each row itself.
        let (folder, output) = try build(overriding: [
            "bijsluiters.mustache": "{{#page}}<ul>{{#rows}}<li><a href=\"{{href}}\">{{product}}</a> ({{verwerker}})</li>{{/rows}}</ul>{{/page}}\n",
        ])
        defer { folder.remove() }
        let list = try text(output, "bijsluiters/index.html")
        #expect(list.contains("<li><a href=\"../bijsluiters/rekentuin/\">Rekentuin</a> (Oefenweb B.V.)</li>"), "\(list)")
    }

    @Test func aRowTemplateSeesOnlyItsRowsFields() throws {
        // Rendered on its own: a name from the page around it (here the page's `leeg`) is not found.
        let (folder, output) = try build(overriding: [
            "bijsluiters-rij.mustache": "<tr><th scope=\"row\">{{product}}{{#leeg}} LEEG{{/leeg}}{{^leeg}} gevuld{{/leeg}}</th></tr>\n",
        ])
        defer { folder.remove() }
        #expect(try text(output, "bijsluiters/index.html").contains("<tr><th scope=\"row\">Rekentuin gevuld</th></tr>"))
    }
}
