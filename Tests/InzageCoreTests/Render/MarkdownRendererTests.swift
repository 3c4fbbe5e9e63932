import Foundation
@testable import InzageCore
import Testing

@Suite("MarkdownRenderer")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(siteHost: "privacy.delinde.nl")

    // MARK: Headings

    @Test(arguments: [
        // Authors write ## under the page title: those stay h2, and siblings stay siblings.
        ("## A\n\n## B\n\n### C\n\n## D", [2, 2, 3, 2]),
        // A body that starts at # is moved under the h1 as a whole.
        ("# A\n\n## B\n\n# C", [2, 3, 2]),
        // Skipped levels are closed up: ### after ## is fine, #### after ## becomes ###.
        ("## A\n\n#### B\n\n##### C\n\n## D", [2, 3, 4, 2]),
        // A body that starts deep still starts at h2.
        ("### A\n\n### B\n\n#### C", [2, 2, 3]),
        ("#### A\n\n## B\n\n### C", [2, 2, 3]),
        // Never deeper than h6.
        ("# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6", [2, 3, 4, 5, 6, 6]),
    ])
    func headingsAreShiftedUnderTheH1WithoutSkippedLevels(markdown: String, levels: [Int]) {
        let html = renderer.render(markdown)
        #expect(HTMLScan.headingLevels(in: html) == levels, "\(html)")
    }

    @Test func aDeeperTopLevelIsHonoured() {
        var nested = renderer
        nested.topLevel = 3
        #expect(HTMLScan.headingLevels(in: nested.render("## A\n\n### B\n\n## C")) == [3, 4, 3])
    }

    @Test func noBodyEverSkipsALevel() {
        // Every combination of three headings of levels 1…6.
        for a in 1...6 { for b in 1...6 { for c in 1...6 {
            let markdown = [a, b, c].map { String(repeating: "#", count: $0) + " Kop" }.joined(separator: "\n\n")
            let levels = HTMLScan.headingLevels(in: renderer.render(markdown))
            #expect(levels.first == 2, "\(markdown)")
            #expect(zip(levels, levels.dropFirst()).allSatisfy { $1 <= $0 + 1 }, "\(markdown) → \(levels)")
        } } }
    }

    @Test func headingIdsAreSlugsOfTheirText() {
        let html = renderer.render("## Één keer *per* jaar\n\n## Wat is een `verwerker`?\n\n## Rechten & plichten")
        #expect(html.contains("<h2 id=\"een-keer-per-jaar\">Één keer <em>per</em> jaar</h2>"))
        #expect(html.contains("<h2 id=\"wat-is-een-verwerker\">Wat is een <code>verwerker</code>?</h2>"))
        #expect(html.contains("<h2 id=\"rechten-plichten\">Rechten &amp; plichten</h2>"))
    }

    @Test func headingIdsAreUniqueAndStable() {
        let markdown = "## Vraag\n\n## Vraag\n\n## Vraag 2\n\n## Vraag\n\n## vraag-2"
        let html = renderer.render(markdown)
        let ids = HTMLScan.ids(in: html)
        #expect(ids.count == 5)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        #expect(ids.first == "vraag")
        #expect(renderer.render(markdown) == html, "the same text gives the same ids")
    }

    /// A page keeps its first ids in a short list and the rest in a set: ids stay unique across
    /// that change, and a heading of one text gets the id that its text as a whole gives.
    @Test func manyHeadingsOfOneTextGetUniqueIdsInOrder() {
        let html = renderer.render((1...40).map { _ in "## Vraag\n\nTekst." }.joined(separator: "\n\n") + "\n\n## Vraag 2\n\n## Vraag *2*")
        let ids = HTMLScan.ids(in: html)
        #expect(ids == ["vraag"] + (2...40).map { "vraag-\($0)" } + ["vraag-2-2", "vraag-2-3"])
    }

    /// Headings stand in quotes and list items too, at any depth, between paragraphs and tables
    /// whose inline content the search for headings skips: every one is found, in document order.
    @Test func headingsInQuotesAndListsAreFittedAndGetIdsInOrder() {
        let markdown = """
        Een alinea met *nadruk* en een [link](https://example.org/).

        > ## In een citaat
        >
        > > #### Dieper in het citaat

        - Een punt
        - ## In een lijst
          1. ### In een lijst in de lijst

        | Kolom |
        |---|
        | ## geen kop in een cel |

        ## Na de tabel

        > - > ## Citaat in een lijst in een citaat
        """
        let html = renderer.render(markdown)
        #expect(HTMLScan.ids(in: html) == ["in-een-citaat", "dieper-in-het-citaat", "in-een-lijst", "in-een-lijst-in-de-lijst",
                                           "na-de-tabel", "citaat-in-een-lijst-in-een-citaat"], "\(html)")
        #expect(HTMLScan.headingLevels(in: html) == [2, 3, 2, 3, 2, 2], "\(html)")
        #expect(html.contains("<td>## geen kop in een cel</td>"), "\(html)")
    }

    @Test func aHeadingInAQuoteNestedAThousandTimesIsFound() {
        let html = renderer.render(String(repeating: "> ", count: 1000) + "## Diep")
        #expect(HTMLScan.ids(in: html) == ["diep"])
    }

    @Test func aHeadingWithoutLettersStillGetsAnId() {
        let ids = HTMLScan.ids(in: renderer.render("## ???\n\n## !!!"))
        #expect(ids.count == 2 && Set(ids).count == 2 && ids.allSatisfy { !$0.isEmpty && Slug.isValid($0) }, "\(ids)")
    }

    @Test func headingIdsAvoidTheIdsOfThePageAround() {
        var inPage = renderer
        inPage.reservedIDs = ["inhoud", "wijzigingen", "wijzigingen-2"]
        let ids = HTMLScan.ids(in: inPage.render("## Inhoud\n\n## Wijzigingen\n\n## Doel"))
        #expect(ids == ["inhoud-2", "wijzigingen-3", "doel"])
    }

    @Test func theDefaultThemeReservesItsFixedIds() throws {
        let ids = try TemplateSet(override: nil).fixedIDs
        for id in ["inhoud", "voet-fg", "wijzigingen", "klacht", "inhoudsopgave", "a", "h", "uitleg"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(!ids.contains { $0.contains("{") })
    }

    @Test func headingIdsCanBeChosenPerPage() {
        var custom = renderer
        custom.headingID = { "kop-" + Slug.suggest(from: $0) }
        #expect(custom.render("## Doel").contains("<h2 id=\"kop-doel\">Doel</h2>"))
    }

    // MARK: Tables

    @Test func tablesGetColumnHeadersAndAFocusableRegion() {
        let html = renderer.render("""
            | Gegevens | Termijn |
            |----------|---------|
            | Dossier  | 2 jaar  |
            """)
        #expect(html.hasPrefix("<div class=\"tabel\" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\"><table>"))
        #expect(html.contains("<th scope=\"col\">Gegevens</th>"))
        #expect(html.contains("<th scope=\"col\">Termijn</th>"))
        #expect(html.contains("<td>Dossier</td>"))
        #expect(html.hasSuffix("</table></div>\n"))
        #expect(occurrences(of: "<th>", in: html) + occurrences(of: "<th ", in: html) == occurrences(of: "<th scope=\"col\"", in: html))
    }

    @Test func alignedColumnsUseNoObsoleteAttribute() {
        // `align` on th/td is obsolete in HTML5 and an error for the Nu HTML Checker.
        let html = renderer.render("""
            | Links | Midden | Rechts |
            |:------|:------:|-------:|
            | a     | b      | c      |
            """)
        #expect(!html.contains("align="), "\(html)")
        #expect(html.contains("<th scope=\"col\" style=\"text-align: left\">Links</th>"), "\(html)")
        #expect(html.contains("<td style=\"text-align: right\">c</td>"), "\(html)")
    }

    @Test func twoTablesEachGetTheirOwnRegion() {
        let table = "| a |\n|---|\n| 1 |\n"
        let html = renderer.render(table + "\nTekst\n\n" + table)
        #expect(occurrences(of: "<div class=\"tabel\" role=\"region\"", in: html) == 2)
        #expect(occurrences(of: "</table></div>", in: html) == 2)
    }

    // MARK: Links

    @Test func externalLinksAreMarkedForEveryone() {
        let html = renderer.render("Lees de [regels van de AP](https://autoriteitpersoonsgegevens.nl/onderwijs \"AP\").")
        #expect(html.contains("<a href=\"https://autoriteitpersoonsgegevens.nl/onderwijs\" class=\"extern\" title=\"AP\">regels van de AP<span class=\"visueel-verborgen\"> (externe website)</span></a>"), "\(html)")
    }

    @Test(arguments: [
        "[privacyverklaring](/privacyverklaring/)",
        "[privacyverklaring](../privacyverklaring/)",
        "[hier](#artikel-4)",
        "[mail](mailto:fg@delinde.nl)",
        "[bel](tel:0307654321)",
        "[zelfde site](https://privacy.delinde.nl/reglement/)",
        "[zelfde site](https://PRIVACY.delinde.nl/reglement/)",
        "[zelfde site](http://privacy.delinde.nl)",
    ])
    func linksThatStayOnTheSiteAreNotMarked(markdown: String) {
        let html = renderer.render(markdown)
        #expect(html.contains("<a href="), "\(html)")
        #expect(!html.contains("extern"), "\(html)")
    }

    @Test func onlyTheExternalOfSeveralLinksIsMarked() {
        let html = renderer.render("[intern](/contact/), [extern](https://www.kennisnet.nl/) en [ook intern](https://privacy.delinde.nl/).")
        #expect(html == "<p><a href=\"/contact/\">intern</a>, <a href=\"https://www.kennisnet.nl/\" class=\"extern\">extern<span class=\"visueel-verborgen\"> (externe website)</span></a> en <a href=\"https://privacy.delinde.nl/\">ook intern</a>.</p>\n")
    }

    @Test func aSubdomainOfTheSiteIsAnotherSite() {
        #expect(ExternalLink.isExternal("https://www.delinde.nl/", siteHost: "privacy.delinde.nl"))
        #expect(ExternalLink.isExternal("https://privacy.delinde.nl.evil.example/", siteHost: "privacy.delinde.nl"))
        #expect(!ExternalLink.isExternal("https://privacy.delinde.nl:443/x", siteHost: "privacy.delinde.nl"))
        #expect(ExternalLink.isExternal("https://example.org/", siteHost: nil))
    }

    // MARK: GFM extensions

    @Test func bareWebAddressesAndEmailAddressesBecomeLinks() {
        let html = renderer.render("Zie www.kennisnet.nl of https://www.privacyconvenant.nl/model en mail fg@delinde.nl.")
        #expect(html.contains("<a href=\"http://www.kennisnet.nl\" class=\"extern\">www.kennisnet.nl<span class=\"visueel-verborgen\"> (externe website)</span></a>"), "\(html)")
        #expect(html.contains("<a href=\"https://www.privacyconvenant.nl/model\" class=\"extern\">https://www.privacyconvenant.nl/model<span class=\"visueel-verborgen\"> (externe website)</span></a>"), "\(html)")
        #expect(html.contains("<a href=\"mailto:fg@delinde.nl\">fg@delinde.nl</a>"), "\(html)")
    }

    @Test func strikethroughBecomesDel() {
        #expect(renderer.render("De termijn is ~~vijf~~ twee jaar.") == "<p>De termijn is <del>vijf</del> twee jaar.</p>\n")
    }

    // MARK: Safe mode

    @Test func rawHTMLIsDropped() {
        let html = renderer.render("<script>alert(1)</script>\n\nTekst met <b onclick=\"x()\">vet</b>.")
        #expect(!html.contains("<script") && !html.contains("<b") && !html.contains("onclick"), "\(html)")
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("vet"))
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "&#106;avascript:alert(1)", "vbscript:msgbox(1)",
                      "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd"])
    func dangerousSchemesAreEmptied(url: String) {
        let html = renderer.render("[link](\(url)) ![beeld](\(url))")
        #expect(html == "<p><a href=\"\">link</a> <img src=\"\" alt=\"beeld\" /></p>\n", "\(html)")
    }

    // MARK: Text links

    @Test func theLinkerLinksTextButNotInsideHeadingsOrLinks() {
        var linking = renderer
        linking.linker = { text in text.ranges(of: "artikel 4").map { ($0, "#artikel-4") } }
        let html = linking.render("## Over artikel 4\n\nZie artikel 4 en [artikel 4 hier](/x/).")
        #expect(html.contains("<h2 id=\"over-artikel-4\">Over artikel 4</h2>"))
        #expect(html.contains("<p>Zie <a href=\"#artikel-4\">artikel 4</a> en <a href=\"/x/\">artikel 4 hier</a>.</p>"), "\(html)")
    }

    @Test func theLinkerKeepsTheTextAroundEachLink() {
        var linking = renderer
        linking.linker = { text in text.ranges(of: "X").map { ($0, "#x") } }
        #expect(linking.render("aXbXc") == "<p>a<a href=\"#x\">X</a>b<a href=\"#x\">X</a>c</p>\n")
    }

    // MARK: Threads

    /// libcmark-gfm keeps the inline special characters of extensions (`~` for strikethrough,
    /// `:` and `w` for autolinks) in one process-wide table that every parser adds to and removes
    /// from; parsers on other threads then missed strikethroughs and links now and then. Inzage
    /// puts them in the table for good (`CCmarkInlineCharacters`), so parsers run side by side.
    @Test func inlineParsingRunsOnAllThreads() {
        // On Linux the library's calls reach Inzage's definition; if they did not, inline parsing
        // would be serialised: still correct (the tests below), but a sixth of a large build on one core.
        #expect(MarkdownRenderer.inlineParsingIsShared)
    }

    @Test func renderingOnManyThreadsGivesTheSameHTMLAsRenderingAlone() throws {
        let markdown = (1...40).map { "Regel \($0): ~~oud~~ nieuw, zie www.example.nl of https://example.org/\($0)." }
            .joined(separator: "\n\n")
        let expected = renderer.render(markdown)
        #expect(expected.contains("<del>oud</del>"))
        #expect(expected.contains("<a href=\"http://www.example.nl\""))
        let results = try Parallel.map(Array(0..<1000), minimumBatch: 1) { _ in renderer.render(markdown) }
        #expect(results.filter { $0 != expected }.count == 0)
    }

    /// Table cells too: they go through the same inline parser (newer libcmark-gfm versions parse
    /// them while the table is read, before `cmark_parser_finish`).
    @Test func tableCellsOnManyThreadsKeepTheirStrikethroughsAndLinks() throws {
        let row = "| ~~oud~~ | www.example.nl | https://example.org/a |"
        let table = (["| Was | Waar | Bron |", "|---|---|---|"] + Array(repeating: row, count: 40)).joined(separator: "\n")
        let paragraphs = (1...40).map { "Regel \($0): ~~oud~~ nieuw." }.joined(separator: "\n\n")
        let documents = [table, paragraphs]
        let expected = documents.map { renderer.render($0) }
        #expect(expected[0].components(separatedBy: "<del>oud</del>").count == 41)
        #expect(expected[0].components(separatedBy: "<a href=\"http://www.example.nl\"").count == 41)
        let results = try Parallel.map(Array(0..<2000), minimumBatch: 1) { index in renderer.render(documents[index % 2]) }
        #expect(results.enumerated().filter { $0.element != expected[$0.offset % 2] }.count == 0)
    }
}
