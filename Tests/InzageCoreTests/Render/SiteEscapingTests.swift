import Foundation
@testable import InzageCore
import Testing

/// Content authors are not trusted (Hugo's model): every YAML value is escaped, raw HTML in
/// Markdown is dropped, and no dangerous URL scheme reaches an `href` or `src`. Each test builds
/// a whole site and scans every output file, not one page.
@Suite("Site: escaping and link safety")
struct SiteEscapingTests {
    static let script = "<script>alert(1)</script>"
    static let breakout = #""><img src=x onerror=alert(1)>"#

    /// Markdown that tries every way into the page: raw HTML blocks and inline HTML, dangerous
    /// schemes in links, images and reference definitions, in upper case and as entities.
    static let hostileMarkdown = """
        Gewone tekst met <script>alert(1)</script> erin.

        <script>alert(2)</script>

        <img src=x onerror=alert(3)>

        Een <img src="x" onerror="alert(4)"> inline en <a href="javascript:alert(5)">een link</a>.

        [x](javascript:alert(6)) [y](JAVASCRIPT:alert(7)) [z](&#106;avascript:alert(8)) [w]( javascript:alert(9) )

        ![plaatje](javascript:alert(10))

        [vb](vbscript:msgbox(11)) [VB](VBScript:msgbox(12))

        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMyk8L3NjcmlwdD4=)

        [via verwijzing][gevaarlijk]

        [gevaarlijk]: javascript:alert(14)

        <div onmouseover="alert(15)">blok</div>

        <iframe src="javascript:alert(16)"></iframe>

        <svg><script>alert(17)</script></svg>

        """

    /// The fixture with hostile text in YAML values of every document and hostile Markdown in
    /// every body, all of it content the checks accept.
    static var hostile: TestContent {
        TestContent.valid
            .replacing("naam: Stichting Openbaar Onderwijs De Linde", with: "naam: 'De Linde \(script)'", in: "organisatie.yaml")
            .replacing("naam: mr. P. Bakker", with: "naam: '\(breakout)'", in: "organisatie.yaml")
            .replacing("naam: OBS De Regenboog", with: "naam: 'OBS \(script)'", in: "organisatie.yaml")
            .replacing("directeur: K. Visser", with: "directeur: '\(breakout)'", in: "organisatie.yaml")
            .replacing("titel: Privacy bij De Linde", with: "titel: 'Privacy \(script)'", in: "organisatie.yaml")
            .replacing("logo_alt: Logo van Stichting De Linde", with: "logo_alt: '\(breakout)'", in: "organisatie.yaml")
            .replacing("product: Rekentuin", with: "product: 'Rekentuin \(script)'", in: "bijsluiters/rekentuin.md")
            .replacing("omschrijving: Adaptieve oefenomgeving voor rekenen in het primair onderwijs.",
                       with: "omschrijving: '\(breakout)'", in: "bijsluiters/rekentuin.md")
            .replacing("  - Opslaan van oefenresultaten", with: "  - '\(script)'", in: "bijsluiters/rekentuin.md")
            .replacing("bewaartermijn: Tot het account wordt opgeheven, uiterlijk één jaar na de laatste activiteit.",
                       with: "bewaartermijn: 'Een jaar \(breakout)'", in: "bijsluiters/rekentuin.md")
            .replacing("toelichting: Twilio is gecertificeerd onder het EU-US Data Privacy Framework.",
                       with: "toelichting: '\(breakout)'", in: "bijsluiters/schoolapp.md")
            .replacing("samenvatting: Eerste versie. }\n---", with: "samenvatting: 'Eerste \(script) versie & meer' }\n---", in: "bijsluiters/schoolapp.md")
            .replacing("naam: Inspectie van het Onderwijs", with: "naam: 'Inspectie \(script)'", in: "privacyverklaring.md")
            .replacing("samenvatting: Camerabewaking toegevoegd.", with: "samenvatting: 'Camera \(breakout)'", in: "privacyverklaring.md")
            .replacing("titel: Camerabewaking", with: "titel: 'Camera \(script)'", in: "paginas/camerabewaking.md")
            .replacing("omschrijving: De maandelijkse nieuwsbrief per e-mail.", with: "omschrijving: '\(breakout)'", in: "fototoestemming.yaml")
            .replacing("gegevens: Foto's en video's", with: "gegevens: '\(script)'", in: "bewaartermijnen.yaml")
            .replacing("methode: Geautomatiseerde controle met axe-core bij elke publicatie.", with: "methode: '\(breakout)'", in: "toegankelijkheid.yaml")
            .replacing("Leerlingen oefenen rekenen op hun eigen niveau.", with: hostileMarkdown, in: "bijsluiters/rekentuin.md")
            .replacing("Op het schoolplein van OBS De Regenboog hangen twee camera's.", with: hostileMarkdown, in: "paginas/camerabewaking.md")
            .replacing("Op deze website gebruiken wij zo min mogelijk gegevens van bezoekers.", with: hostileMarkdown, in: "privacystatement.md")
            .replacing("## Digitale leermiddelen\n", with: hostileMarkdown + "\n## Digitale leermiddelen\n", in: "privacyverklaring.md")
            .replacing("## Artikel 3 Rechten van betrokkenen\n", with: hostileMarkdown + "\n## Artikel 3 Rechten van betrokkenen\n", in: "reglement.md")
    }

    @Test func hostileContentIsAcceptedByTheChecks() throws {
        // Otherwise the scans below would pass on an empty output folder.
        let site = try BuiltSite(Self.hostile)
        defer { site.remove() }
        #expect(site.result.report != nil)
        #expect(site.htmlPaths.count == 16, "\(site.htmlPaths)")
    }

    @Test func noOutputFileCarriesScriptOrADangerousScheme() throws {
        let site = try BuiltSite(Self.hostile)
        defer { site.remove() }
        expectSafe(site)
    }

    @Test func yamlValuesAreShownEscapedNotDropped() throws {
        let site = try BuiltSite(Self.hostile)
        defer { site.remove() }
        let escapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;"
        let escapedBreakout = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        let rekentuin = site.text("bijsluiters/rekentuin/index.html")
        #expect(rekentuin.contains("<h1>Privacybijsluiter Rekentuin \(escapedScript)</h1>"))
        #expect(rekentuin.contains("<title>Privacybijsluiter Rekentuin \(escapedScript) - Privacy \(escapedScript)</title>"))
        #expect(rekentuin.contains("<p class=\"inleiding\">\(escapedBreakout)</p>"))
        #expect(rekentuin.contains("<li>\(escapedScript)</li>"))
        // In an attribute the quote cannot end the value.
        #expect(rekentuin.contains("alt=\"\(escapedBreakout)\""))
        #expect(site.text("bijsluiters/schoolapp/index.html").contains(escapedBreakout))
        #expect(site.text("privacyverklaring/index.html").contains("Inspectie \(escapedScript)"))
        #expect(site.text("scholen/07rb/index.html").contains("<h1>OBS \(escapedScript)</h1>"))
        #expect(site.text("index.html").contains("\(escapedBreakout) is onze functionaris gegevensbescherming"))
        // The feed is XML: escaped the same way, and it still parses.
        let feed = site.text("feed.xml")
        #expect(feed.contains("Eerste \(escapedScript) versie &amp; meer"))
        #expect(XMLCheck.parses(Data(feed.utf8)))
    }

    @Test func rawHTMLInMarkdownIsDroppedAndDangerousLinksAreEmptied() throws {
        let site = try BuiltSite(Self.hostile)
        defer { site.remove() }
        for path in ["bijsluiters/rekentuin/index.html", "camerabewaking/index.html", "privacystatement/index.html",
                     "privacyverklaring/index.html", "reglement/index.html"] {
            let html = site.text(path)
            #expect(html.contains("<!-- raw HTML omitted -->"), "\(path)")
            // The link texts stay; their targets are gone.
            for text in ["x", "y", "z", "w", "vb", "VB", "data", "via verwijzing"] {
                #expect(html.contains("<a href=\"\">\(text)</a>"), "\(path): link '\(text)'")
            }
            #expect(html.contains("<img src=\"\" alt=\"plaatje\" />"), "\(path)")
            #expect(!html.contains("<iframe") && !html.contains("<svg") && !html.contains("<div onmouseover"), "\(path)")
        }
    }

    @Test func javascriptWebsitesAreRefusedByTheCheck() throws {
        // `inzage build` publishes nothing for them (TXT-CONTACT is a fout) …
        let content = TestContent.valid.replacing("website: https://www.oefenweb.nl", with: "website: javascript:alert(1)", in: "bijsluiters/rekentuin.md")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(content)
        let output = folder.url.appendingPathComponent("public")
        let result = try BuildPipeline.run(contentRoot: root, templatesRoot: nil, output: output.path,
                                           lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        #expect(result.report == nil)
        #expect(result.diagnostics.contains { $0.code == "TXT-CONTACT" && $0.severity == .error })
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func javascriptWebsitesNeverReachAnHrefEvenWhenRenderedUnchecked() throws {
        // … and the renderer drops them on its own, so `serve` or a future caller that renders
        // content with errors still produces no dangerous link.
        let hostileURL = "javascript:alert(1)"
        let content = TestContent.valid
            .replacing("website: https://www.delinde.nl", with: "website: \(hostileURL)", in: "organisatie.yaml")
            .replacing("website: https://www.obsderegenboog.nl", with: "website: \(hostileURL)", in: "organisatie.yaml")
            .replacing("website: https://www.oefenweb.nl", with: "website: '\(hostileURL)'", in: "bijsluiters/rekentuin.md")
            .replacing("website: https://www.schoolapp.nl", with: "website: 'https://www.schoolapp.nl/\"onmouseover=\"alert(1)'", in: "bijsluiters/schoolapp.md")
            .replacing("privacybeleid: https://matomo.org/privacy-policy/", with: "privacybeleid: 'vbscript:msgbox(1)'", in: "privacystatement.md")
            .replacing("email: fg@delinde.nl", with: "email: 'javascript:alert(1)//@delinde.nl'", in: "organisatie.yaml")
            .replacing("telefoon: 030-7654321", with: "telefoon: 'javascript:alert(1)'", in: "organisatie.yaml")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(content)
        let (loaded, diagnostics) = try CheckPipeline.run(contentRoot: root, today: Fixture.today)
        #expect(diagnostics.contains { $0.severity == .error }, "the check should refuse these values")
        let files = try SiteBuilder(content: loaded, templates: TemplateSet(override: nil)).build()
        #expect(files.count > 10)
        for file in files {
            expectSafeMarkup(String(decoding: file.data, as: UTF8.self), path: file.path)
        }
        // The refused values are nowhere in a link.
        for file in files where file.path.hasSuffix(".html") {
            let hrefs = HTMLScan.hrefs(in: String(decoding: file.data, as: UTF8.self))
            #expect(!hrefs.contains { $0.lowercased().contains("script:") || $0.contains("onmouseover") }, "\(file.path): \(hrefs)")
        }
    }

    @Test(arguments: [
        ("javascript:alert(1)", nil),
        ("JavaScript:alert(1)", nil),
        (" javascript:alert(1)", nil),
        ("vbscript:msgbox(1)", nil),
        ("data:text/html;base64,PHNjcmlwdD4=", nil),
        ("//evil.example/x", nil),
        ("https://www.delinde.nl/\"onmouseover=\"x", nil),
        ("https://www.delinde.nl/<x>", nil),
        ("https://www.delinde.nl/privacy", "https://www.delinde.nl/privacy"),
        ("http://www.delinde.nl", "http://www.delinde.nl"),
    ] as [(String, String?)])
    func safeURLOnlyPassesWebAddresses(input: String, expected: String?) {
        #expect(SafeURL.href(input) == expected)
    }

    @Test func theThemeUsesNoScriptAndEveryTemplateValueIsEscaped() throws {
        // Triple braces pass HTML through unescaped: only the rendered Markdown body and a row
        // rendered by its own (escaping) row template (`ViewFragment.html`), or a list of such
        // rows (`{{{rows.html}}}`, `FragmentRows.html`), may use them.
        for url in try FileManager.default.contentsOfDirectory(at: InzagePaths.defaultTemplates, includingPropertiesForKeys: nil)
        where url.pathExtension == "mustache" {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.lowercased().contains("<script"), "\(url.lastPathComponent)")
            let unescaped = text.matches(of: #/\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{&\s*([^}]*?)\s*\}\}/#).map { String($0.1 ?? $0.2 ?? "") }
            #expect(unescaped.allSatisfy { $0 == "body" || $0 == "html" || $0.wholeMatch(of: #/[A-Za-z]+\.html/#) != nil },
                    "\(url.lastPathComponent): \(unescaped)")
        }
    }
}

/// Every file of a built site is free of script and dangerous URLs.
func expectSafe(_ site: BuiltSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    // Every file a browser is served: the build record is the build's own (binary) bookkeeping.
    let paths = site.paths.filter { $0 != BuildRecord.fileName }
    #expect(paths.count > 10, sourceLocation: sourceLocation)
    for path in paths {
        guard let data = FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path) else {
            Issue.record("cannot read \(path)", sourceLocation: sourceLocation)
            continue
        }
        expectSafe(String(decoding: data, as: UTF8.self), path: path, sourceLocation: sourceLocation)
    }
}

/// No `<script`, no `javascript:`/`vbscript:` anywhere, and markup that is safe (`expectSafeMarkup`).
/// (`onerror=` may appear as visible, escaped text — `&lt;img … onerror=…&gt;` — when an author
/// typed it in a YAML value; it is never inside a tag.)
func expectSafe(_ text: String, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let lower = text.lowercased()
    for needle in ["<script", "javascript:", "vbscript:"] {
        #expect(!lower.contains(needle), "\(path) contains '\(needle)'", sourceLocation: sourceLocation)
    }
    let outsideEscapedText = lower.replacing(#/&lt;.*?&gt;/#, with: "")
    #expect(!outsideEscapedText.contains("onerror="), "\(path) contains 'onerror=' outside escaped text", sourceLocation: sourceLocation)
    expectSafeMarkup(text, path: path, sourceLocation: sourceLocation)
}

/// No script element, no event-handler attribute and no dangerous URL scheme in any tag. Text a
/// reader sees (a phone number typed as "javascript:…") may say anything: it does nothing.
func expectSafeMarkup(_ text: String, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(!text.lowercased().contains("<script"), "\(path) contains '<script'", sourceLocation: sourceLocation)
    for tag in HTMLScan.tags(in: text) {
        // Attribute names only: quoted values are text (escaped), whatever they say.
        let names = tag.lowercased().replacing(#/"[^"]*"|'[^']*'/#, with: "\"\"")
        #expect(names.firstMatch(of: #/\son[a-z]+\s*=/#) == nil, "\(path): event handler in \(tag)", sourceLocation: sourceLocation)
        for value in HTMLScan.urlAttributes(in: tag) {
            let scheme = value.lowercased().trimmingCharacters(in: .whitespaces)
            #expect(!scheme.hasPrefix("data:") && !scheme.hasPrefix("javascript:") && !scheme.hasPrefix("vbscript:") && !scheme.hasPrefix("file:"),
                    "\(path): dangerous URL in \(tag)", sourceLocation: sourceLocation)
        }
    }
}

/// A small scanner for the markup the site generates (not a general HTML parser).
enum HTMLScan {
    /// Every start or end tag, `<…>`, outside comments.
    static func tags(in html: String) -> [String] {
        let withoutComments = html.replacing(#/<!--.*?-->/#.dotMatchesNewlines(), with: "")
        return withoutComments.matches(of: #/<\/?[A-Za-z][^>]*>/#).map { String($0.output) }
    }

    /// Values of `href`, `src`, `action` and similar attributes in a tag.
    static func urlAttributes(in tag: String) -> [String] {
        tag.matches(of: #/\s(?:href|src|action|formaction|poster|data|xlink:href)\s*=\s*"([^"]*)"/#.ignoresCase()).map { String($0.1) }
    }

    /// Values of every `id` in a page.
    static func ids(in html: String) -> [String] {
        tags(in: html).flatMap { $0.matches(of: #/\sid="([^"]*)"/#).map { String($0.1) } }
    }

    /// Heading levels in document order.
    static func headingLevels(in html: String) -> [Int] {
        html.matches(of: #/<h([1-6])[\s>]/#).compactMap { Int(String($0.1)) }
    }

    /// `href` values of links in a page.
    static func hrefs(in html: String) -> [String] {
        html.matches(of: #/<a\s[^>]*?href="([^"]*)"/#).map { String($0.1) }
    }
}

