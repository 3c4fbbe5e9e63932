import Foundation
@testable import InzageCore
import Testing

/// `/reglement/`: a table of contents, an anchor for every article and paragraph, and every
/// reference to an article of this reglement made a link — but not references to other laws.
@Suite("Site: the reglement page")
struct ReglementPageTests {
    /// Four articles: headed paragraphs (`### 4.3`), numbered lines (`4.3.1.`) one after another
    /// in one Markdown paragraph, references inside the reglement and to the AVG, UAVG and WPO.
    static let reglement = """
        ---
        titel: Privacyreglement
        versie: "1.0"
        vastgesteld: 2026-06-01
        instemming: { orgaan: GMR, datum: 2026-05-20 }
        ingangsdatum: 2026-08-01
        evaluatie: 2028-08-01
        ---
        ## Artikel 1 Begripsbepalingen

        1.1. Betrokkene: degene op wie een persoonsgegeven betrekking heeft.
        1.2. Verwerker: degene die persoonsgegevens verwerkt in opdracht van de stichting.

        ## Artikel 2 Reikwijdte

        2.1. Dit reglement geldt voor alle verwerkingen, zie ook artikel 4.3.
        2.2. Het geldt ook voor verwerkers als bedoeld in artikel 1.2 en artikel 9 AVG.

        ## Artikel 3 Doelen

        3.1. Persoonsgegevens worden alleen verwerkt voor de doelen van artikel 6 AVG
        en artikel 3 lid 2.
        3.2. Bijzondere persoonsgegevens: zie artikel 4 AVG en artikel 22 UAVG.

        ## Artikel 4 Rechten van betrokkenen

        ### 4.1 Inzage
        Een betrokkene heeft recht op inzage, zoals artikel 15 AVG bepaalt.

        ### 4.2 Verbetering
        Zie artikel 4.1 en artikel 2 van de Wet op het primair onderwijs.

        ### 4.3 Termijnen
        4.3.1. Een verzoek wordt binnen een maand beantwoord (artikel 12 lid 3 AVG).
        4.3.2. De termijn kan met twee maanden worden verlengd, zie artikel 4.3.1.

        4.3.3. Een verzoek is kosteloos; artikel 4 geldt ook hier.

        """

    static var content: TestContent { TestContent.valid.replacingFile("reglement.md", with: reglement) }

    @Test func theReglementIsValidContent() throws {
        let run = try Self.content.check()
        #expect(run.errors.isEmpty, "\(run.summary)")
        let parsed = try #require(run.content.reglement)
        #expect(parsed.articles.map(\.number.value) == ["1", "2", "3", "4"])
        #expect(parsed.articles[3].paragraphs.map(\.number.value) == ["4.1", "4.2", "4.3", "4.3.1", "4.3.2", "4.3.3"])
    }

    /// The parser and the page try their patterns only on lines that can match (a heading, a line
    /// starting with a digit, a line holding "artikel" in any case); these are the edges of that.
    @Test func lowercaseHeadingsCapitalisedReferencesAndIndentedFences() throws {
        let extra = """

            ## artikel 5 Slot

            5.1. Artikelen 4.2 en 4.3 gelden ook hier.

              ```
              5.2. geen lid, want in een codeblok
              ```
            """
        let content = TestContent.valid.replacingFile("reglement.md", with: Self.reglement + extra)
        let run = try content.check()
        let parsed = try #require(run.content.reglement)
        #expect(parsed.articles.map(\.number.value) == ["1", "2", "3", "4", "5"])
        #expect(parsed.articles[4].paragraphs.map(\.number.value) == ["5.1"])
        #expect(parsed.references.map(\.number.value).suffix(1) == ["4.2"])
        let site = try BuiltSite(content)
        defer { site.remove() }
        let html = site.text("reglement/index.html")
        #expect(html.contains("<h2 id=\"artikel-5\">artikel 5 Slot</h2>"))
        #expect(html.contains("<a href=\"#artikel-4-2\">Artikelen 4.2</a>"))
    }

    @Test func everyArticleAndParagraphHasItsAnchor() throws {
        let site = try BuiltSite(Self.content)
        defer { site.remove() }
        let html = site.text("reglement/index.html")
        let ids = Set(HTMLScan.ids(in: html))
        for anchor in ["artikel-1", "artikel-1-1", "artikel-1-2", "artikel-2", "artikel-2-1", "artikel-2-2", "artikel-3", "artikel-3-1",
                       "artikel-3-2", "artikel-4", "artikel-4-1", "artikel-4-2", "artikel-4-3", "artikel-4-3-1", "artikel-4-3-2", "artikel-4-3-3"] {
            #expect(ids.contains(anchor), "no id=\"\(anchor)\"")
        }
        #expect(html.contains("<h2 id=\"artikel-4\">Artikel 4 Rechten van betrokkenen</h2>"))
        #expect(html.contains("<h3 id=\"artikel-4-3\">4.3 Termijnen</h3>"))
        #expect(html.contains("<p id=\"artikel-4-3-1\">4.3.1. Een verzoek wordt binnen een maand beantwoord"))
        // A numbered line straight after another is a paragraph of its own, with its own anchor.
        #expect(html.contains("<p id=\"artikel-1-2\">1.2. Verwerker:"))
        #expect(html.contains("<p id=\"artikel-4-3-2\">4.3.2. De termijn"))
        // A line that continues a paragraph stays part of it.
        #expect(html.contains("<p id=\"artikel-3-1\">3.1. Persoonsgegevens worden alleen verwerkt voor de doelen van artikel 6 AVG\nen "))
    }

    @Test func articlesAreSiblingsUnderTheH1() throws {
        let site = try BuiltSite(Self.content)
        defer { site.remove() }
        let html = site.text("reglement/index.html")
        for number in 1...4 {
            #expect(html.contains("<h2 id=\"artikel-\(number)\">Artikel \(number) "), "article \(number) should be an h2")
        }
        for paragraph in ["4-1", "4-2", "4-3"] {
            #expect(html.contains("<h3 id=\"artikel-\(paragraph)\">"), "paragraph \(paragraph) should be an h3")
        }
    }

    @Test func referencesToThisReglementBecomeLinks() throws {
        let site = try BuiltSite(Self.content)
        defer { site.remove() }
        let html = site.text("reglement/index.html")
        for (text, anchor) in [("artikel 4.3", "artikel-4-3"), ("artikel 1.2", "artikel-1-2"), ("artikel 3 lid 2", "artikel-3-2"),
                               ("artikel 4.1", "artikel-4-1"), ("artikel 4.3.1", "artikel-4-3-1"), ("artikel 4", "artikel-4")] {
            #expect(html.contains("<a href=\"#\(anchor)\">\(text)</a>"), "'\(text)' should link to #\(anchor)")
        }
        // Every link in the text has a target on the page.
        let ids = Set(HTMLScan.ids(in: html))
        for href in HTMLScan.hrefs(in: html) where href.hasPrefix("#") {
            #expect(ids.contains(String(href.dropFirst())), "\(href) has no target")
        }
    }

    @Test func referencesToOtherLawsAreNotLinked() throws {
        let site = try BuiltSite(Self.content)
        defer { site.remove() }
        let html = site.text("reglement/index.html")
        // Articles 9, 6, 4, 15 and 12 of the AVG, 22 of the UAVG, 2 of the WPO: the numbers 4, 6 … exist in
        // this reglement too (article 4, paragraphs 2.2, 3.2 …), so only the law's name tells them apart.
        for text in ["artikel 9 AVG", "artikel 6 AVG", "artikel 4 AVG", "artikel 22 UAVG", "artikel 15 AVG", "artikel 12 lid 3 AVG",
                     "artikel 2 van de Wet op het primair onderwijs"] {
            #expect(html.contains(text), "'\(text)' should stay in the text")
        }
        #expect(!html.contains(">artikel 4</a> AVG"))
        #expect(!html.contains(">artikel 2</a> van de Wet"))
        #expect(!html.contains(">artikel 12 lid 3</a>"))
        // The links in the text, after the table of contents.
        let body = html[(html.range(of: "</nav>\n<h2 id=\"artikel-1\">")?.upperBound ?? html.startIndex)...]
        let links = body.matches(of: #/<a href="#artikel-[0-9-]+">([^<]*)</a>/#).map { String($0.1) }
        #expect(links.sorted() == ["artikel 1.2", "artikel 3 lid 2", "artikel 4", "artikel 4.1", "artikel 4.3", "artikel 4.3.1"].sorted(),
                "\(links)")
    }

    @Test func theTableOfContentsListsEveryArticle() throws {
        let site = try BuiltSite(Self.content)
        defer { site.remove() }
        let html = site.text("reglement/index.html")
        #expect(html.contains("<nav aria-labelledby=\"inhoudsopgave\" class=\"inhoudsopgave\">\n<h2 id=\"inhoudsopgave\">Inhoud</h2>"))
        let toc = html.matches(of: #/<li><a href="(#artikel-[0-9]+)">([^<]*)</a></li>/#).map { "\($0.1) \($0.2)" }
        #expect(toc == ["#artikel-1 Artikel 1 Begripsbepalingen", "#artikel-2 Artikel 2 Reikwijdte", "#artikel-3 Artikel 3 Doelen",
                        "#artikel-4 Artikel 4 Rechten van betrokkenen"])
        #expect(html.contains("na instemming van de GMR op <time datetime=\"2026-05-20\">20 mei 2026</time>"))
    }

    @Test func theFixtureReglementLinksItsReferenceToAParagraphThatHasAnAnchor() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let html = site.text("reglement/index.html")
        #expect(html.contains("<a href=\"#artikel-1-2\">artikel 1.2</a>"))
        #expect(html.contains("<p id=\"artikel-1-2\">1.2. Verwerker:"))
        #expect(!html.contains("artikel 12</a>"))
    }

    @Test func numberedParagraphsGetTheirAnchorOnceInOnePass() {
        let html = "<p>4.3.1. Eerste</p>\n<p>4.3.1. Nog eens</p>\n<p>12 leerlingen</p>\n<p>4.3. Kop</p>\n<p>9.9. Onbekend</p><p>"
        let result = OtherPages.anchorParagraphs(html, anchors: ["4.3.1": "artikel-4-3-1", "4.3": "artikel-4-3"])
        #expect(result == "<p id=\"artikel-4-3-1\">4.3.1. Eerste</p>\n<p>4.3.1. Nog eens</p>\n<p>12 leerlingen</p>\n<p id=\"artikel-4-3\">4.3. Kop</p>\n<p>9.9. Onbekend</p><p>")
    }
}
