import Foundation
@testable import InzageCore
import Testing

/// Reading the theme: the default files, each replaced by the user's file of the same name.
@Suite("Theme reading")
struct ThemeReadingTests {
    @Test func userFilesReplaceDefaultsAndHiddenFilesAreSkipped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let user = folder.url.appendingPathComponent("templates")
        let fm = FileManager.default
        try fm.createDirectory(at: user.appendingPathComponent("assets/img"), withIntermediateDirectories: true)
        try fm.createDirectory(at: user.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "<p>eigen</p>".write(to: user.appendingPathComponent("404.mustache"), atomically: false, encoding: .utf8)
        try "<svg/>".write(to: user.appendingPathComponent("assets/img/logo.svg"), atomically: false, encoding: .utf8)
        try "x".write(to: user.appendingPathComponent(".DS_Store"), atomically: false, encoding: .utf8)
        try "{{kapot".write(to: user.appendingPathComponent(".git/oud.mustache"), atomically: false, encoding: .utf8)
        // A link to a file counts as that file.
        let elsewhere = folder.url.appendingPathComponent("pagina-elders.mustache")
        try "<main>{{{body}}}</main>".write(to: elsewhere, atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(at: user.appendingPathComponent("pagina.mustache"), withDestinationURL: elsewhere)

        let theme = try TemplateSet.read(override: user.path)
        let texts = Dictionary(theme.templates.map { ($0.name, $0.text) }, uniquingKeysWith: { $1 })
        #expect(texts["404"] == "<p>eigen</p>")
        #expect(texts["pagina"] == "<main>{{{body}}}</main>")
        #expect(texts["layout"]?.isEmpty == false)
        #expect(texts.keys.allSatisfy { !$0.contains(".git") && !$0.hasPrefix(".") })
        #expect(theme.templates.map(\.name) == theme.templates.map(\.name).sorted())
        let assets = theme.assets.map(\.relative)
        #expect(assets.contains("assets/img/logo.svg"))
        #expect(assets.contains("assets/stijl.css"))
        #expect(!assets.contains(".DS_Store"))

        // The fingerprint sees a changed asset.
        let before = theme.fingerprint
        try "<svg></svg>".write(to: user.appendingPathComponent("assets/img/logo.svg"), atomically: false, encoding: .utf8)
        #expect(try TemplateSet.read(override: user.path).fingerprint != before)
        #expect(try TemplateSet.read(override: user.path).fingerprint == TemplateSet.read(override: user.path).fingerprint)
    }

    @Test func theIDsATemplateWritesAreReadAsTheRegexReadsThem() throws {
        let regex = { (text: String) in text.matches(of: #/\sid="([A-Za-z][A-Za-z0-9_-]*)"/#).map { String($0.1) } }
        let samples = [
            #"<h2 id="a">x</h2><main id="inhoud" class="breed">"#,
            "<p\tid=\"tab\"><p\nid=\"regel\"><p data-id=\"nee\"><p id=\"1nee\"><p id=\"niet af\"><p id=\"\"><p id=\"a_b-9\">",
            #"id="begin" <p  id="twee-spaties">"#, "<p id=\"eind", "<p id=\"é\"> <p\u{00A0}id=\"nbsp\"> <p id=\"ok\">",
        ]
        for text in samples { #expect(TemplateSet.fixedIDs(in: text) == regex(text), "\(text)") }
        let theme = try TemplateSet.read(override: nil)
        for template in theme.templates { #expect(TemplateSet.fixedIDs(in: template.text) == regex(template.text), "\(template.name)") }
        #expect(TemplateSet.fixedIDs(in: samples[0]) == ["a", "inhoud"])
    }

    @Test func theSiteIsMadeWithoutTheLettersTemplates() throws {
        let theme = try TemplateSet.read(override: nil)
        #expect(theme.templates.contains { $0.name.hasPrefix("letters/") })
        let site = theme.forSite
        #expect(!site.templates.contains { $0.name.hasPrefix("letters/") })
        #expect(site.templates.contains { $0.name == "layout" } && site.assets.count == theme.assets.count)
    }
}
