import Foundation
@testable import InzageCore
import Testing

/// The facts on the generated pages, and the promises every page keeps (one h1, `lang="nl"`, a
/// skip link, `<main>`, the FG in the footer), checked on the whole site built from the fixture.
@Suite("Site: pages and their facts")
struct SitePagesTests {
    // MARK: Privacyverklaring: the sections AVG art. 13/14 requires, generated from the content

    @Test func privacyverklaringNamesTheFG() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let html = site.text("privacyverklaring/index.html")
        let fg = try #require(section("fg", of: html))
        #expect(fg.contains("Onze functionaris gegevensbescherming (FG) is mr. P. Bakker."))
        #expect(fg.contains("<a href=\"mailto:fg@delinde.nl\">fg@delinde.nl</a>"))
        #expect(fg.contains("<a href=\"tel:0307654321\">030-7654321</a>"))
    }

    @Test func everyVerwerkerOfEveryBijsluiterIsARecipientWithALinkToItsBijsluiter() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let ontvangers = try #require(section("ontvangers", of: site.text("privacyverklaring/index.html")))
        // The recipients the board listed itself …
        #expect(ontvangers.contains("<th scope=\"row\">DUO (Dienst Uitvoering Onderwijs)</th>"))
        #expect(ontvangers.contains("<th scope=\"row\">Inspectie van het Onderwijs</th>"))
        // … and every verwerker, linked to the bijsluiter of its product.
        #expect(ontvangers.contains("<th scope=\"row\"><a href=\"../bijsluiters/rekentuin/\">Oefenweb B.V.</a></th><td>Verwerker: levert Rekentuin (leermiddel)"))
        #expect(ontvangers.contains("<th scope=\"row\"><a href=\"../bijsluiters/schoolapp/\">Schoolapp Nederland B.V.</a></th><td>Verwerker: levert Schoolapp Ouderportaal (informatiemiddel)"))
    }

    @Test func aThirdBijsluiterAddsItsVerwerkerToTheRecipients() throws {
        let extra = Fixture.rekentuin
            .replacingOccurrences(of: "product: Rekentuin", with: "product: Taalzee")
            .replacingOccurrences(of: "naam: Oefenweb B.V.", with: "naam: Taalzee Uitgevers B.V.")
        let site = try BuiltSite(TestContent.valid.replacingFile("bijsluiters/taalzee.md", with: extra))
        defer { site.remove() }
        let ontvangers = try #require(section("ontvangers", of: site.text("privacyverklaring/index.html")))
        #expect(ontvangers.contains("<a href=\"../bijsluiters/taalzee/\">Taalzee Uitgevers B.V.</a>"))
        #expect(occurrences(of: "<tr><th scope=\"row\">", in: ontvangers) == 5)
    }

    /// Names sort as people expect, not by code point: "Édukos" among the E's, "itslearning" among the I's.
    @Test func namesOfVerwerkersAndProductsSortIgnoringCaseAndDiacritics() throws {
        let edukos = Fixture.rekentuin
            .replacingOccurrences(of: "product: Rekentuin", with: "product: Édukos Lezen")
            .replacingOccurrences(of: "naam: Oefenweb B.V.", with: "naam: Édukos Software B.V.")
        let toetsoase = Fixture.rekentuin
            .replacingOccurrences(of: "product: Rekentuin", with: "product: toetsoase")
            .replacingOccurrences(of: "naam: Oefenweb B.V.", with: "naam: itslearning AS")
        // File names (slugs) in another order than the names, so only sorting by name passes.
        let site = try BuiltSite(TestContent.valid
            .replacingFile("bijsluiters/zz-edukos.md", with: edukos)
            .replacingFile("bijsluiters/aa-toetsoase.md", with: toetsoase))
        defer { site.remove() }
        let ontvangers = try #require(section("ontvangers", of: site.text("privacyverklaring/index.html")))
        let verwerkers = ontvangers.matches(of: #/<th scope="row"><a href="[^"]*">(.*?)</a></th>/#).map { String($0.1) }
        #expect(verwerkers == ["Édukos Software B.V.", "itslearning AS", "Oefenweb B.V.", "Schoolapp Nederland B.V."])
        let overview = site.text("bijsluiters/index.html")
        let products = overview.matches(of: #/<tr><th scope="row"><a href="\.\./bijsluiters/[a-z0-9-]+/">(.*?)</a></th>/#).map { String($0.1) }
        // The products table and the category matrix, both in the same order.
        #expect(products == ["Édukos Lezen", "Rekentuin", "Schoolapp Ouderportaal", "toetsoase",
                             "Édukos Lezen", "Rekentuin", "Schoolapp Ouderportaal", "toetsoase"], "\(products)")
        #expect(productLinks(site.text("scholen/15ak/index.html")) == ["Édukos Lezen", "Rekentuin", "toetsoase"])
    }

    @Test func theTransferToTheUnitedStatesIsDisclosedWithItsWaarborg() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let transfer = try #require(section("buiten-eer", of: site.text("privacyverklaring/index.html")))
        #expect(transfer.contains("<li><a href=\"../bijsluiters/schoolapp/\">Schoolapp Ouderportaal</a> (Schoolapp Nederland B.V.): naar de Verenigde Staten, met als waarborg het EU-US Data Privacy Framework"))
        #expect(transfer.contains("Twilio is gecertificeerd onder het EU-US Data Privacy Framework."))
        #expect(!transfer.contains("Rekentuin"), "Rekentuin stays inside the EER")
        #expect(!transfer.contains("geen persoonsgegevens door naar landen buiten"))
    }

    @Test func withoutATransferThePrivacyverklaringSaysSo() throws {
        let content = TestContent.valid
            .replacing("  - { naam: Twilio Inc., plaats: San Francisco, land: US, taak: Versturen van sms-berichten met inlogcodes }\n", with: "", in: "bijsluiters/schoolapp.md")
            .replacing("""
                doorgifte:
                  landen: [US]
                  waarborg: dpf
                  toelichting: Twilio is gecertificeerd onder het EU-US Data Privacy Framework.
                """, with: "doorgifte: nee", in: "bijsluiters/schoolapp.md")
        let site = try BuiltSite(content)
        defer { site.remove() }
        let transfer = try #require(section("buiten-eer", of: site.text("privacyverklaring/index.html")))
        #expect(transfer.contains("Wij en onze verwerkers geven geen persoonsgegevens door naar landen buiten de Europese Economische Ruimte (EER)."))
        #expect(!transfer.contains("Verenigde Staten"))
    }

    @Test func theRightsStateTheDeadlinesOfArticle12() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        for path in ["privacyverklaring/index.html", "contact/index.html"] {
            let html = site.text(path)
            for right in ["Recht op inzage.", "Recht op rectificatie.", "Recht op wissing.", "Recht op beperking.",
                          "Recht op overdraagbaarheid.", "Recht van bezwaar."] {
                #expect(html.contains("<strong>\(right)</strong>"), "\(path): \(right)")
            }
            #expect(html.contains("Wij antwoorden binnen één maand."), "\(path)")
            #expect(html.contains("dan kan dat twee maanden langer duren"), "\(path)")
        }
    }

    @Test func theComplaintRouteLinksToTheAutoriteitPersoonsgegevens() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        for path in ["privacyverklaring/index.html", "contact/index.html"] {
            #expect(site.text(path).contains("<a href=\"https://autoriteitpersoonsgegevens.nl/\" class=\"extern\">Autoriteit Persoonsgegevens<span class=\"visueel-verborgen\"> (externe website)</span></a>"), "\(path)")
        }
    }

    @Test func everyVerwerkingHasItsGrondslagInWordsAndItsBewaartermijn() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let table = try #require(section("verwerkingen", of: site.text("privacyverklaring/index.html")))
        let rows = table.matches(of: #/<tr><th scope="row">(.*?)</th><td><strong>(.*?)\.</strong> (.*?)</td><td>.*?</td><td>(.*?)</td></tr>/#)
            .map { (String($0.1), String($0.2), String($0.3), String($0.4)) }
        #expect(rows.count == 4)
        let expected: [(String, String, String, String)] = [
            ("Onderwijs geven en leerlingen begeleiden", "Publieke taak", "Dit is nodig voor een taak van algemeen belang",
             "<a href=\"../bewaartermijnen/#leerlingdossier\">Maximaal 2 jaar na uitschrijving</a>"),
            ("Leerlingen inschrijven en gegevens doorgeven aan DUO", "Wettelijke verplichting", "De wet verplicht ons",
             "<a href=\"../bewaartermijnen/#leerlingadministratie\">Minimaal 5 jaar na uitschrijving (wettelijke termijn)</a>"),
            ("Foto&#39;s en video&#39;s van activiteiten delen", "Toestemming", "U hebt toestemming gegeven",
             "<a href=\"../bewaartermijnen/#beeldmateriaal\">Zolang de toestemming geldt</a>"),
            ("Camerabewaking van het schoolplein", "Gerechtvaardigd belang", "Ons belang: De veiligheid van leerlingen", "4 weken"),
        ]
        for (row, want) in zip(rows, expected) {
            #expect(row.0 == want.0)
            #expect(row.1 == want.1, "grondslag of '\(want.0)'")
            #expect(row.2.contains(want.2), "grondslag in words of '\(want.0)': \(row.2)")
            #expect(row.3 == want.3, "bewaartermijn of '\(want.0)'")
        }
        // The links point at rows that exist on the bewaartermijnen page.
        let bewaartermijnen = site.text("bewaartermijnen/index.html")
        for id in ["leerlingdossier", "leerlingadministratie", "beeldmateriaal"] {
            #expect(bewaartermijnen.contains("<tr id=\"\(id)\">"))
        }
    }

    @Test func thePrivacyverklaringShowsItsChangeHistory() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let history = try #require(section("wijzigingen", of: site.text("privacyverklaring/index.html")))
        #expect(history.contains("<li><time datetime=\"2026-09-15\">15 september 2026</time> (versie 2.0): Camerabewaking toegevoegd.</li>\n<li><time datetime=\"2025-08-01\">1 augustus 2025</time> (versie 1.0): Eerste versie.</li>"))
        // The site-wide history has every document's changes, newest first.
        let all = site.text("wijzigingen/index.html")
        let dates = all.matches(of: #/<li><time datetime="([0-9-]+)">/#).map { String($0.1) }
        #expect(dates == ["2026-09-15", "2026-09-01", "2025-08-15", "2025-08-01", "2025-06-01"])
    }

    /// A change without a version shows none, on the product's page and in the site-wide list:
    /// the page's own version (the bijsluiter's `versie`, an outer section of the change list)
    /// is not a change's version. Likewise a theme's row that names a field its view leaves empty.
    @Test func aChangeWithoutAVersionShowsNone() throws {
        let content = TestContent.valid.replacing("- { versie: \"2.0\", datum: 2025-08-15, samenvatting: Nieuwe verwerkersovereenkomst volgens model 4.0. }",
                                                  with: "- { datum: 2025-08-15, samenvatting: Nieuwe verwerkersovereenkomst volgens model 4.0. }",
                                                  in: "bijsluiters/rekentuin.md")
        let site = try BuiltSite(content)
        defer { site.remove() }
        let page = site.text("bijsluiters/rekentuin/index.html")
        #expect(page.contains("<li><time datetime=\"2025-08-15\">15 augustus 2025</time>: Nieuwe verwerkersovereenkomst volgens model 4.0.</li>"))
        #expect(page.contains("<li><time datetime=\"2026-09-01\">1 september 2026</time> (versie 2.1): Bijgewerkt voor het nieuwe schooljaar.</li>"))
        let all = site.text("wijzigingen/index.html")
        #expect(all.contains("Privacybijsluiter Rekentuin</a>: Nieuwe verwerkersovereenkomst volgens model 4.0.</li>"))
    }

    // MARK: Every page

    @Test func theFGContactIsInTheFooterOfEveryPage() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        #expect(site.htmlPaths.count == 16)
        for path in site.htmlPaths {
            let html = site.text(path)
            guard let footer = html.range(of: "<footer class=\"voet\">").map({ String(html[$0.lowerBound...]) }) else {
                Issue.record("\(path) has no footer")
                continue
            }
            #expect(footer.contains("Neem contact op met onze functionaris gegevensbescherming, mr. P. Bakker: <a href=\"mailto:fg@delinde.nl\">fg@delinde.nl</a>"), "\(path)")
            #expect(footer.contains("contact/\">Contact en uw rechten</a>"), "\(path)")
        }
    }

    @Test func everyPageHasOneH1LangASkipLinkAndMain() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        for path in site.htmlPaths {
            let html = site.text(path)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"), "\(path)")
            #expect(occurrences(of: "<h1", in: html) == 1, "\(path) needs exactly one h1")
            #expect(html.contains("<a class=\"skiplink\" href=\"#inhoud\">Naar de inhoud</a>"), "\(path)")
            #expect(occurrences(of: "<main", in: html) == 1 && html.contains("<main id=\"inhoud\""), "\(path)")
            #expect(html.contains("<meta charset=\"utf-8\">"), "\(path)")
        }
    }

    @Test func noPageSkipsAHeadingLevel() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        for path in site.htmlPaths {
            let levels = HTMLScan.headingLevels(in: site.text(path))
            #expect(levels.first == 1, "\(path): \(levels)")
            for (previous, level) in zip(levels, levels.dropFirst()) where level > previous + 1 {
                Issue.record("\(path): h\(previous) is followed by h\(level) (\(levels))")
            }
        }
    }

    @Test func idsAreUniqueOnEveryPage() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        for path in site.htmlPaths {
            let ids = HTMLScan.ids(in: site.text(path))
            let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(duplicates.isEmpty, "\(path): duplicate ids \(duplicates)")
        }
    }

    @Test func headingsInContentNeverTakeAnIdOfTheTheme() throws {
        // "## Wijzigingen" in the privacyverklaring would be a second id="wijzigingen" (the generated
        // section), "## A" in a bijsluiter a second id="a" (section A): invalid HTML, and links to
        // those sections would land on the wrong heading.
        let content = TestContent.valid
            .replacing("## Digitale leermiddelen", with: "## Wijzigingen\n\nTekst.\n\n## Klacht\n\nTekst.\n\n## Inhoud\n\n## Digitale leermiddelen", in: "privacyverklaring.md")
            .replacing("Leerlingen oefenen rekenen op hun eigen niveau.", with: "## A\n\nTekst.\n\n## Uitleg\n\nLeerlingen oefenen rekenen.", in: "bijsluiters/rekentuin.md")
            .replacing("Hebt u een vraag?", with: "## Voet FG\n\nHebt u een vraag?", in: "paginas/camerabewaking.md")
        let site = try BuiltSite(content)
        defer { site.remove() }
        for path in ["privacyverklaring/index.html", "bijsluiters/rekentuin/index.html", "camerabewaking/index.html"] {
            let ids = HTMLScan.ids(in: site.text(path))
            let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(duplicates.isEmpty, "\(path): duplicate ids \(duplicates)")
        }
        let pv = site.text("privacyverklaring/index.html")
        #expect(pv.contains("<h2 id=\"wijzigingen-2\">Wijzigingen</h2>"))
        #expect(pv.contains("<h2 id=\"wijzigingen\">Wijzigingen</h2>\n<ul class=\"wijzigingen\">"), "the generated section keeps its id")
        #expect(site.text("bijsluiters/rekentuin/index.html").contains("<h2 id=\"a-2\">A</h2>"))
    }

    @Test func everyInternalLinkAndAnchorResolves() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        var idsByFile: [String: Set<String>] = [:]
        for path in site.htmlPaths { idsByFile[path] = Set(HTMLScan.ids(in: site.text(path))) }
        for path in site.htmlPaths {
            let folder = URL(fileURLWithPath: "/" + path).deletingLastPathComponent()
            for href in HTMLScan.hrefs(in: site.text(path)) {
                if href.hasPrefix("https://") || href.hasPrefix("http://") || href.hasPrefix("mailto:") || href.hasPrefix("tel:") { continue }
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target: String
                if parts[0].isEmpty {
                    target = path
                } else {
                    // The site's URL has the path "/", so root-relative links resolve in the output folder.
                    let url = parts[0].hasPrefix("/") ? URL(fileURLWithPath: String(parts[0])) : URL(fileURLWithPath: String(parts[0]), relativeTo: folder)
                    var resolved = url.standardizedFileURL.path
                    if parts[0].hasSuffix("/") { resolved += "/index.html" }
                    target = String(resolved.drop { $0 == "/" }).replacingOccurrences(of: "//", with: "/")
                }
                guard FileManager.default.fileExists(atPath: site.output.appendingPathComponent(target).path) else {
                    Issue.record("\(path): link '\(href)' points at '\(target)', which the site does not have")
                    continue
                }
                if parts.count == 2, target.hasSuffix(".html") {
                    #expect(idsByFile[target]?.contains(String(parts[1])) == true, "\(path): anchor '\(href)' has no target in \(target)")
                }
            }
        }
    }

    // MARK: Schools

    @Test func aSchoolPageListsExactlyTheProductsThatSchoolUses() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        // Rekentuin is for "alle" schools, the schoolapp only for 07RB.
        #expect(productLinks(site.text("scholen/07rb/index.html")) == ["Rekentuin", "Schoolapp Ouderportaal"])
        #expect(productLinks(site.text("scholen/15ak/index.html")) == ["Rekentuin"])
        let anker = site.text("scholen/15ak/index.html")
        #expect(anker.contains("<h1>SBO Het Anker</h1>"))
        #expect(anker.contains("<dt>BRIN-code</dt><dd>15AK</dd>"))
        #expect(!anker.contains("Schoolapp"))
        // The bijsluiter links back to the school that uses it.
        #expect(site.text("bijsluiters/schoolapp/index.html").contains("<dt>Scholen</dt><dd><a href=\"../../scholen/07rb/\">OBS De Regenboog</a> </dd>"))
        #expect(site.text("bijsluiters/rekentuin/index.html").contains("<dt>Scholen</dt><dd>Alle scholen van het bestuur</dd>"))
    }

    @Test func aSchoolWithoutProductsSaysSo() throws {
        let content = TestContent.valid.replacing("scholen: alle", with: "scholen: [07RB]", in: "bijsluiters/rekentuin.md")
        let site = try BuiltSite(content)
        defer { site.remove() }
        let anker = site.text("scholen/15ak/index.html")
        #expect(productLinks(anker).isEmpty)
        #expect(anker.contains("Deze school gebruikt geen producten met een privacybijsluiter."))
        #expect(productLinks(site.text("scholen/07rb/index.html")) == ["Rekentuin", "Schoolapp Ouderportaal"])
    }

    @Test func aBoardWithOneSchoolHasNoSchoolPages() throws {
        let content = TestContent.valid
            .replacing("""
                  - naam: SBO Het Anker
                    brin: 15AK
                    soort: sbo
                    adres: { straat: Ankerweg 9, postcode: 3513 EF, plaats: Utrecht }
                    website: https://www.sbohetanker.nl

                """, with: "", in: "organisatie.yaml")
            .replacing("doelgroep: [po, sbo]", with: "doelgroep: [po]", in: "bijsluiters/rekentuin.md")
        let site = try BuiltSite(content)
        defer { site.remove() }
        #expect(!site.paths.contains { $0.hasPrefix("scholen/") }, "\(site.paths)")
        #expect(!site.text("index.html").contains("Onze scholen"))
    }

    // MARK: The files around the pages

    @Test func theSitemapHasAnAbsoluteURLForEveryPage() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let xml = try #require(XMLCheck.parse(Data(site.text("sitemap.xml").utf8)), "sitemap.xml is not well-formed")
        let locs = xml.texts["loc"] ?? []
        let pages = site.htmlPaths.filter { $0 != "404.html" }.map { "https://privacy.delinde.nl/" + $0.dropLast("index.html".count) }
        #expect(Set(locs) == Set(pages))
        #expect(locs.count == pages.count)
        #expect(locs.allSatisfy { $0.hasPrefix("https://privacy.delinde.nl/") })
        #expect(locs.first == "https://privacy.delinde.nl/")
        #expect(xml.texts["lastmod"]?.contains("2026-09-15") == true)
    }

    @Test func theSitemapFollowsSiteURLUnderASubfolder() throws {
        let content = TestContent.valid.replacing("url: https://privacy.delinde.nl/", with: "url: https://www.delinde.nl/privacy", in: "organisatie.yaml")
        let site = try BuiltSite(content)
        defer { site.remove() }
        let locs = XMLCheck.parse(Data(site.text("sitemap.xml").utf8))?.texts["loc"] ?? []
        #expect(locs.contains("https://www.delinde.nl/privacy/bijsluiters/schoolapp/"))
        #expect(locs.allSatisfy { $0.hasPrefix("https://www.delinde.nl/privacy/") })
        #expect(site.text("robots.txt").contains("Sitemap: https://www.delinde.nl/privacy/sitemap.xml\n"))
        // 404.html is served at any depth: its links start from the site's path.
        #expect(site.text("404.html").contains("<link rel=\"stylesheet\" href=\"/privacy/assets/stijl.css\">"))
    }

    @Test func robotsTxtPointsAtTheSitemap() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        #expect(site.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://privacy.delinde.nl/sitemap.xml\n")
    }

    @Test func the404PageWorksAtAnyDepth() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let html = site.text("404.html")
        #expect(html.contains("<h1>Pagina niet gevonden</h1>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/assets/stijl.css\">"))
        #expect(html.contains("<li><a href=\"/privacyverklaring/\">Privacyverklaring</a></li>"))
        #expect(!html.contains("href=\"../") && !html.contains("href=\"./"), "relative links break at another depth")
        #expect(!html.contains("aria-current"), "the 404 page is none of the menu's pages")
    }

    @Test func theFeedIsAtomWithAnEntryPerChange() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let data = Data(site.text("feed.xml").utf8)
        let xml = try #require(XMLCheck.parse(data), "feed.xml is not well-formed")
        // Feed title plus one per entry.
        let titles = xml.texts["title"] ?? []
        #expect(titles.first == "Wijzigingen - Privacy bij De Linde")
        #expect(Array(titles.dropFirst()) == [
            "Privacyverklaring, versie 2.0",
            "Privacybijsluiter Rekentuin, versie 2.1",
            "Privacybijsluiter Rekentuin, versie 2.0",
            "Privacyverklaring, versie 1.0",
            "Privacybijsluiter Schoolapp Ouderportaal, versie 1.0",
        ])
        #expect(xml.texts["summary"]?.first == "Camerabewaking toegevoegd.")
        let ids = xml.texts["id"] ?? []
        #expect(Set(ids).count == ids.count, "Atom ids must be unique: \(ids)")
        #expect(xml.texts["updated"]?.first == "2026-09-15T00:00:00Z")
        #expect(site.text("feed.xml").contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">"))
    }

    @Test func aFeedEntryWithoutAVersionKeepsItsIdWhenOtherChangesArrive() throws {
        // Atom ids are permanent: one without a version is numbered within its own document.
        let versionless = TestContent.valid.replacing("- { versie: \"1.0\", datum: 2025-06-01, samenvatting: Eerste versie. }",
                                                      with: "- { datum: 2025-06-01, samenvatting: Eerste versie. }", in: "bijsluiters/schoolapp.md")
        let site = try BuiltSite(versionless)
        defer { site.remove() }
        let id = "https://privacy.delinde.nl/bijsluiters/schoolapp/#wijziging-1-2025-06-01"
        #expect(site.text("feed.xml").contains("<id>\(id)</id>"), "\(site.text("feed.xml"))")
        try site.rewrite(versionless.replacing("- { versie: \"2.1\", datum: 2026-09-01,", with: "- { versie: \"2.2\", datum: 2026-10-01, samenvatting: Nieuw. }\n  - { versie: \"2.1\", datum: 2026-09-01,",
                                               in: "bijsluiters/rekentuin.md").replacing("versie: \"2.1\"\ndatum: 2026-09-01", with: "versie: \"2.2\"\ndatum: 2026-10-01", in: "bijsluiters/rekentuin.md"))
        _ = try site.rebuild()
        #expect(site.text("feed.xml").contains("Rekentuin, versie 2.2"))
        #expect(site.text("feed.xml").contains("<id>\(id)</id>"))
    }

    @Test func theSiteHasEveryPageOfTheTable() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        #expect(site.paths == [
            ".inzage-cache", ".inzage-site", "404.html", "assets/stijl.css", "bestanden/logo.svg", "bewaartermijnen/index.html",
            "bijsluiters/index.html", "bijsluiters/rekentuin/index.html", "bijsluiters/schoolapp/index.html",
            "camerabewaking/index.html", "contact/index.html", "feed.xml", "fotos-en-video/index.html", "index.html",
            "privacystatement/index.html", "privacyverklaring/index.html", "reglement/index.html", "robots.txt",
            "scholen/07rb/index.html", "scholen/15ak/index.html", "sitemap.xml", "toegankelijkheid/index.html",
            "wijzigingen/index.html",
        ])
        #expect(site.result.pageCount == 16)
    }

    @Test func theSiteTextsAddressReadersAsTheBoardChose() throws {
        let site = try BuiltSite(TestContent.valid.replacing("aanspreekvorm: u", with: "aanspreekvorm: je", in: "organisatie.yaml"))
        defer { site.remove() }
        let html = site.text("privacyverklaring/index.html")
        #expect(html.contains("Kloppen de gegevens niet? Dan kun je vragen ze te verbeteren of aan te vullen."))
        #expect(html.contains("dan kun je een klacht indienen bij de"))
        #expect(html.contains("Als wij gegevens gebruiken omdat je toestemming hebt gegeven, kun je die toestemming altijd weer intrekken"))
        for path in site.htmlPaths {
            let text = site.text(path)
            #expect(text.contains("contact/\">Contact en je rechten</a>") && !text.contains("Contact en uw rechten"), "\(path)")
        }
    }

    @Test func invertedSentencesUseTheRightWordOrder() throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let html = site.text("privacyverklaring/index.html")
        #expect(html.contains("Kloppen de gegevens niet? Dan kunt u vragen ze te verbeteren of aan te vullen."))
        #expect(html.contains("Komen wij er samen niet uit, dan kunt u een klacht indienen bij de"))
        #expect(html.contains("Als wij gegevens gebruiken omdat u toestemming hebt gegeven, kunt u die toestemming altijd weer intrekken"))
        for path in site.htmlPaths {
            #expect(!site.text(path).contains("an u kunt") && !site.text(path).contains(", u kunt"), "\(path)")
        }
    }

    // MARK: Helpers

    /// The HTML from `<h2 id="id">` up to the next `<h2`.
    private func section(_ id: String, of html: String) -> String? {
        guard let start = html.range(of: "<h2 id=\"\(id)\">") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<h2")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The product names in the products table of a school page.
    private func productLinks(_ html: String) -> [String] {
        html.matches(of: #/<tr><th scope="row"><a href="\.\./\.\./bijsluiters/[a-z0-9-]+/">(.*?)</a></th>/#).map { String($0.1) }
    }
}
