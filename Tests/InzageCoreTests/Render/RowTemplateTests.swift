import Foundation
@testable import InzageCore
import Mustache
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

    @Test func theHomePageLinksAndTheSitemapURLsAreRowsToo() throws {
        // Every section and extra page is a link on the home page and a url in the sitemap: with
        // 10 000 pages these are long lists, rendered a row at a time with `home-link` and
        // `sitemap-url`.
        let (folder, output) = try build(overriding: [
            "home-link.mustache": "<li class=\"eigen\"><a href=\"{{href}}\">{{text}}</a></li>\n",
            "sitemap-url.mustache": "<url><loc>{{loc}}</loc>{{#lastmod}}<lastmod>{{.}}</lastmod>{{/lastmod}}<!-- eigen --></url>\n",
        ])
        defer { folder.remove() }
        let home = try text(output, "index.html")
        #expect(home.contains("<li class=\"eigen\"><a href=\"./bijsluiters/\">Digitale producten en privacybijsluiters</a></li>\n"), "\(home)")
        #expect(home.contains("<li class=\"eigen\"><a href=\"./contact/\">"))
        let sitemap = try text(output, "sitemap.xml")
        let urls = sitemap.components(separatedBy: "<url>").count - 1
        #expect(urls > 10 && urls == sitemap.components(separatedBy: "<!-- eigen --></url>").count - 1, "every url through the row template")
        #expect(sitemap.contains("<url><loc>https://privacy.delinde.nl/bijsluiters/rekentuin/</loc>"), "\(sitemap)")
        #expect(!sitemap.contains("\n\n"))
    }

    @Test func aHomeOrSitemapTemplateThatGoesThroughTheRowsStillWorks() throws {
        // Themes made before these lists had row templates read each row's fields themselves.
        let (folder, output) = try build(overriding: [
            "home.mustache": "{{#page}}<ul>{{#links}}<li><a href=\"{{href}}\">{{text}}</a>{{#last()}} (laatste){{/last()}}</li>{{/links}}</ul>{{/page}}\n",
            "sitemap.xml.mustache": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{{#urls}}\n<url><loc>{{loc}}</loc></url>\n{{/urls}}\n</urlset>\n",
        ])
        defer { folder.remove() }
        let home = try text(output, "index.html")
        #expect(home.contains("<li><a href=\"./privacyverklaring/\">Privacyverklaring</a></li>"), "\(home)")
        #expect(home.contains("(laatste)</li></ul>"))
        let sitemap = try text(output, "sitemap.xml")
        #expect(sitemap.contains("\n<url><loc>https://privacy.delinde.nl/</loc></url>\n<url><loc>https://privacy.delinde.nl/privacyverklaring/</loc></url>\n"), "\(sitemap)")
    }

    @Test func aRowTemplateSeesOnlyItsRowsFields() throws {
        // Rendered on its own: a name from the page around it (here the page's `leeg`) is not found.
        let (folder, output) = try build(overriding: [
            "bijsluiters-rij.mustache": "<tr><th scope=\"row\">{{product}}{{#leeg}} LEEG{{/leeg}}{{^leeg}} gevuld{{/leeg}}</th></tr>\n",
        ])
        defer { folder.remove() }
        #expect(try text(output, "bijsluiters/index.html").contains("<tr><th scope=\"row\">Rekentuin gevuld</th></tr>"))
    }

    @Test func aListTemplateMayGoThroughTheRowsOrPlaceThemAtOnce() throws {
        // `{{{rows.html}}}` (the default theme) prints what `{{#rows}}` with `{{{html}}}` on a line
        // of its own prints; the list transforms, the row-by-row form and its `first()` keep working.
        let (folder, output) = try build(overriding: [
            "bijsluiters.mustache": """
            {{#page}}
            <p>{{count(rows)}} rijen</p>
            <table><tbody>
            {{#rows}}
            {{{html}}}
            {{/rows}}
            </tbody></table>
            <table><tbody>
            {{{rows.html}}}
            </tbody></table>
            <ul>{{#rows}}<li>{{#first()}}eerste: {{/first()}}{{product}}</li>{{/rows}}</ul>
            {{/page}}

            """,
        ])
        defer { folder.remove() }
        let list = try text(output, "bijsluiters/index.html")
        #expect(list.contains("<p>2 rijen</p>"), "\(list)")
        let tables = list.components(separatedBy: "<table><tbody>\n").dropFirst().map { $0.components(separatedBy: "</tbody></table>")[0] }
        #expect(tables.count == 2 && tables[0] == tables[1] && tables[0].components(separatedBy: "<tr>").count - 1 == 2, "\(tables)")
        #expect(list.contains("<ul><li>eerste: Rekentuin</li><li>Schoolapp Ouderportaal</li></ul>"), "\(list)")
    }

    @Test func anEmptyListPlacesNothingAndCountsAsEmpty() throws {
        struct Rows { let rows: [ViewFragment<LinkView>] }
        let list = try MustacheTemplate(string: "[{{{rows.html}}}]{{^rows}}leeg {{count(rows)}}{{/rows}}{{#rows}}vol{{/rows}}")
        #expect(list.render(MustacheValue.convert(Rows(rows: []))) == "[]leeg 0")
        let templates = try TemplateSet(override: nil)
        let row = ViewFragment(LinkView(href: "a/", text: "A & B", external: false, current: false), kept: false, template: RowTemplate(templates: templates, name: "ontvanger"))
        #expect(list.render(MustacheValue.convert(Rows(rows: [row, row]))) == "[\(row.html)\n\(row.html)]volvol")
    }

    @Test func theMenusAreRowsEveryPageMarksItsOwnEntry() throws {
        // `menu-link` renders each link of both menus; a layout made before it existed goes
        // through the links itself and still sees `href`, `text` and `current`.
        let (folder, output) = try build(overriding: [
            "menu-link.mustache": "<li class=\"eigen\"><a href=\"{{href}}\"{{#current}} aria-current=\"page\"{{/current}}>{{text}}</a></li>\n",
        ])
        defer { folder.remove() }
        let contact = try text(output, "contact/index.html")
        #expect(contact.contains("<li class=\"eigen\"><a href=\"../contact/\" aria-current=\"page\">Contact</a></li>"), "\(contact)")
        #expect(contact.contains("<li class=\"eigen\"><a href=\"../\">Home</a></li>"))
        let product = try text(output, "bijsluiters/rekentuin/index.html")
        #expect(product.contains("<li class=\"eigen\"><a href=\"../../contact/\">Contact</a></li>") && !product.contains("aria-current"), "\(product)")
        #expect(try text(output, "404.html").contains("<li class=\"eigen\"><a href=\"/contact/\">Contact</a></li>"))

        let layout = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("layout.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "{{{nav.html}}}", with: "{{#nav}}<li>{{text}}={{href}}{{#current}}*{{/current}}</li>{{/nav}}")
        let (legacy, legacyOutput) = try build(overriding: ["layout.mustache": layout])
        defer { legacy.remove() }
        let legacyContact = try text(legacyOutput, "contact/index.html")
        #expect(legacyContact.contains("<ul>\n<li>Home=../</li><li>Privacyverklaring=../privacyverklaring/</li>") && legacyContact.contains("<li>Contact=../contact/*</li>"), "\(legacyContact)")
    }

    @Test func theCategoryRowsOfABijsluiterHaveARowTemplate() throws {
        // `bijsluiter-categorie` renders each of the 14 rows; a bijsluiter template made before it
        // existed goes through the rows itself and still sees their fields.
        let (folder, output) = try build(overriding: [
            "bijsluiter-categorie.mustache": "<tr class=\"eigen\"><td>{{nummer}}</td><td>{{label}}</td><td>{{status}}</td></tr>\n",
        ])
        defer { folder.remove() }
        let product = try text(output, "bijsluiters/rekentuin/index.html")
        #expect(product.components(separatedBy: "<tr class=\"eigen\">").count - 1 == 14, "\(product)")
        #expect(product.contains("<tr class=\"eigen\"><td>1</td><td>Contactgegevens</td><td>Ja</td></tr>\n<tr class=\"eigen\"><td>2</td>"), "\(product)")

        let bijsluiter = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("bijsluiter.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "{{{categorieen.html}}}", with: "{{#categorieen}}<li>{{nummer}} {{label}}: {{status}}</li>{{/categorieen}}")
        let (legacy, legacyOutput) = try build(overriding: ["bijsluiter.mustache": bijsluiter])
        defer { legacy.remove() }
        let legacyProduct = try text(legacyOutput, "bijsluiters/rekentuin/index.html")
        #expect(legacyProduct.contains("<li>1 Contactgegevens: Ja</li><li>2 "), "\(legacyProduct)")
    }

    @Test func thePurposesPlacesAndSubprocessorsOfABijsluiterHaveRowTemplates() throws {
        // `bijsluiter-doel`, `bijsluiter-opslag` and `bijsluiter-subverwerker` render each purpose,
        // place and subprocessor; a bijsluiter template made before they existed goes through
        // them itself and still sees their fields.
        let (folder, output) = try build(overriding: [
            "bijsluiter-doel.mustache": "<li class=\"doel\">{{label}}{{#punten}}|{{.}}{{/punten}}</li>\n",
            "bijsluiter-opslag.mustache": "<li class=\"opslag\">{{plaats}} ({{land}}){{#buitenEER}}!{{/buitenEER}}</li>\n",
            "bijsluiter-subverwerker.mustache": "<tr class=\"sub\"><td>{{naam}}</td><td>{{taak}}</td></tr>\n",
        ])
        defer { folder.remove() }
        let products = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("bijsluiters").path).filter { !$0.hasSuffix(".html") }
        var seen = (doel: 0, opslag: 0, sub: 0)
        // Every purpose, place and subprocessor of every product, through its row template.
        for product in products {
            let page = try text(output, "bijsluiters/\(product)/index.html")
            seen.doel += page.components(separatedBy: "<li class=\"doel\">").count - 1
            seen.opslag += page.components(separatedBy: "<li class=\"opslag\">").count - 1
            seen.sub += page.components(separatedBy: "<tr class=\"sub\">").count - 1
        }
        #expect(seen.doel > 0 && seen.opslag > 0 && seen.sub > 0, "\(seen)")

        let bijsluiter = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("bijsluiter.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "{{{doelen.html}}}", with: "{{#doelen}}<li>{{label}}{{#punten}}|{{.}}{{/punten}}</li>{{/doelen}}")
            .replacingOccurrences(of: "{{{opslag.html}}}", with: "{{#opslag}}<li>{{plaats}}, {{land}}</li>{{/opslag}}")
            .replacingOccurrences(of: "{{{subverwerkers.html}}}", with: "{{#subverwerkers}}<tr><td>{{naam}}</td></tr>{{/subverwerkers}}")
        let (legacy, legacyOutput) = try build(overriding: ["bijsluiter.mustache": bijsluiter])
        defer { legacy.remove() }
        /// The text between `start` and `end` at the first `start` in `page`.
        func first(_ start: String, _ end: String, in page: String) -> String? {
            page.range(of: start).flatMap { found in page[found.upperBound...].range(of: end).map { String(page[found.upperBound..<$0.lowerBound]) } }
        }
        var checked = (doel: false, opslag: false, sub: false)
        for product in products {
            let fresh = try text(output, "bijsluiters/\(product)/index.html")
            let page = try text(legacyOutput, "bijsluiters/\(product)/index.html")
            if let doel = first("<li class=\"doel\">", "</li>", in: fresh) {
                #expect(page.contains("<li>\(doel)</li>"), "\(product): \(doel)")
                checked.doel = true
            }
            if let place = first("<li class=\"opslag\">", " (", in: fresh), let land = first("<li class=\"opslag\">\(place) (", ")", in: fresh) {
                #expect(page.contains("<li>\(place), \(land)</li>"), "\(product): \(place)")
                checked.opslag = true
            }
            if let naam = first("<tr class=\"sub\"><td>", "</td>", in: fresh) {
                #expect(page.contains("<tr><td>\(naam)</td></tr>"), "\(product): \(naam)")
                checked.sub = true
            }
        }
        #expect(checked.doel && checked.opslag && checked.sub, "\(checked)")
    }

    @Test func theSchoolsListsAndChangesOfABijsluiterAreRows() throws {
        // `bijsluiter-school`, `bijsluiter-punt` (a text of a list), `bijsluiter-entree` and
        // `wijziging` render the rows; a bijsluiter template made before goes through the lists
        // itself and sees each school's fields, each text as a text, and each change's fields.
        let (folder, output) = try build(overriding: [
            "bijsluiter-punt.mustache": "<li class=\"punt\">{{.}}</li>\n",
            "bijsluiter-school.mustache": "<b>{{text}}</b>\n",
        ])
        defer { folder.remove() }
        let bijsluiter = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("bijsluiter.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "{{{verwerkingen.html}}}", with: "{{#verwerkingen}}<li>[{{.}}]</li>{{/verwerkingen}}{{^verwerkingen}}geen{{/verwerkingen}}")
            .replacingOccurrences(of: "{{{scholen.html}}}", with: "{{#scholen}}<i>{{text}}={{href}}</i>{{/scholen}}")
            .replacingOccurrences(of: "{{{wijzigingen.html}}}", with: "{{#wijzigingen}}<li>{{samenvatting}}{{#versie}} ({{.}}){{/versie}}</li>{{/wijzigingen}}")
        let (legacy, legacyOutput) = try build(overriding: ["bijsluiter.mustache": bijsluiter])
        defer { legacy.remove() }
        /// The texts between each `start` and the next `end` in `page`.
        func items(_ start: String, _ end: String, in page: String) -> [String] {
            page.components(separatedBy: start).dropFirst().map { $0.components(separatedBy: end)[0] }
        }
        let products = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("bijsluiters").path).filter { !$0.hasSuffix(".html") }
        var schools = 0
        for product in products {
            let fresh = try text(output, "bijsluiters/\(product)/index.html")
            let page = try text(legacyOutput, "bijsluiters/\(product)/index.html")
            // Each text of the list, printed as a text: one of the rows the row template made.
            let texts = items("<li>[", "]</li>", in: page)
            #expect(!texts.isEmpty && texts.allSatisfy(items("<li class=\"punt\">", "</li>", in: fresh).contains), "\(product): \(texts)")
            // Each school with its fields, as the row template shows it.
            let names = items("<b>", "</b>", in: fresh)
            #expect(items("<i>", "=", in: page) == names, "\(product)")
            schools += names.count
            // The changes, with their fields.
            #expect(page.contains("<ul class=\"wijzigingen\">\n<li>") && !page.contains("InzageCore"), "\(product)")
        }
        #expect(schools > 0)
    }

    @Test func theMatrixCellsHaveARowTemplate() throws {
        // `bijsluiters-matrixcel` renders each cell of the matrix; a matrix row template made before
        // it existed goes through the cells itself and still sees their fields.
        let (folder, output) = try build(overriding: [
            "bijsluiters-matrixcel.mustache": "<td class=\"eigen\">{{#verwerkt}}+{{/verwerkt}}{{^verwerkt}}-{{/verwerkt}}{{tekst}}</td>\n",
        ])
        defer { folder.remove() }
        let list = try text(output, "bijsluiters/index.html")
        #expect(list.components(separatedBy: "<td class=\"eigen\">").count - 1 == 14 * 2, "\(list)")
        #expect(list.contains("Rekentuin</a></th><td class=\"eigen\">+ja</td>\n<td class=\"eigen\">-nee</td>\n"), "\(list)")

        let (legacy, legacyOutput) = try build(overriding: [
            "bijsluiters-matrixrij.mustache": "<tr><th>{{product}}</th>{{#cellen}}<td>{{#verwerkt}}J{{/verwerkt}}{{^verwerkt}}N{{/verwerkt}}{{tekst}}</td>{{/cellen}}</tr>\n",
        ])
        defer { legacy.remove() }
        let legacyList = try text(legacyOutput, "bijsluiters/index.html")
        #expect(legacyList.contains("<tr><th>Rekentuin</th><td>Jja</td><td>Nnee</td>"), "\(legacyList)")
    }

    @Test func aMenuIsMadeOncePerPlaceAndList() throws {
        let run = try TestContent.valid.check()
        let site = SiteContext(content: run.content, organisatie: try #require(run.content.organisatie), templates: try TemplateSet(override: nil))
        let nav = [(path: "bijsluiters/", title: "Bijsluiters"), (path: "contact/", title: "Contact")]
        let footer = [(path: "contact/", title: "Contact"), (path: "toegankelijkheid/", title: "Toegankelijkheid")]
        func html(_ rows: MenuRows) -> String { (rows.mustacheValue as? FragmentRows)?.html ?? "" }
        let first = site.menu(nav, root: "../", current: "bijsluiters/x/")
        // The same list at the same place, even as texts made anew, is the same menu.
        #expect(site.menu(nav.map { (String($0.path.utf8), String($0.title.utf8)) }, root: "../", current: "paginas/y/") === first)
        // Another list, another depth or another current entry is another menu.
        let other = site.menu(footer, root: "../", current: "bijsluiters/x/")
        #expect(other !== first && html(other).contains("Toegankelijkheid") && !html(first).contains("Toegankelijkheid"))
        #expect(site.menu(nav, root: "../../", current: nil) !== first)
        let atContact = site.menu(nav, root: "../", current: "contact/")
        #expect(atContact !== first && html(atContact).contains("aria-current") && !html(first).contains("aria-current"), "\(html(atContact))")
        // A list that differs in one title only is another menu too.
        #expect(site.menu([(path: "bijsluiters/", title: "Producten"), (path: "contact/", title: "Contact")], root: "../", current: nil) !== first)
    }

    @Test func rowsShownAlikeAreMadeOncePerBuild() throws {
        let run = try TestContent.valid.check()
        let site = SiteContext(content: run.content, organisatie: try #require(run.content.organisatie), templates: try TemplateSet(override: nil))
        func row(_ status: String) -> BijsluiterView.CategoryRow {
            .init(nummer: 5, label: "Medische gegevens", bijzonder: true, status: status, verwerkt: status != "Nee", toelichting: nil,
                  uitleg: "Uitleg", uitlegPunten: [], heeftPunten: false)
        }
        func shared(_ view: BijsluiterView.CategoryRow, template: String = "bijsluiter-categorie") -> ViewFragment<BijsluiterView.CategoryRow> {
            site.sharedFragment(view, parts: view.parts, template: template)
        }
        let first = shared(row("Nee"))
        #expect(shared(row("Nee")) === first)
        #expect(shared(row("Ja")) !== first)
        #expect(shared(row("Nee"), template: "menu-link") !== first, "another row template makes another fragment")
        // `parts` is the whole view: a field added to the row must be added there too.
        #expect(Mirror(reflecting: row("Nee")).children.map { $0.label ?? "" } == ["nummer", "label", "bijzonder", "status", "verwerkt", "toelichting", "uitleg", "uitlegPunten", "heeftPunten"],
                "a category row's fields changed: make `CategoryRow.parts` name every one")
        // Parts are told apart by their lengths: moving text from one field to the next is another view.
        #expect(SharedFragmentKey(template: "t", parts: ["ab", "c"]) != SharedFragmentKey(template: "t", parts: ["a", "bc"]))
        // Only a part's first bytes are hashed; parts that differ after them are still other views.
        let long = String(repeating: "Uitleg uit het model. ", count: 10)
        #expect(SharedFragmentKey(template: "t", parts: [long + "a"]) != SharedFragmentKey(template: "t", parts: [long + "b"]))
        #expect(Set([SharedFragmentKey(template: "t", parts: [long + "a"]), SharedFragmentKey(template: "t", parts: [long + "b"]),
                     SharedFragmentKey(template: "t", parts: [String(long + "a")])]).count == 2)
        let withToelichting = BijsluiterView.CategoryRow(nummer: 5, label: "Medische gegevens", bijzonder: true, status: "Ja", verwerkt: true,
                                                         toelichting: long + "1", uitleg: long, uitlegPunten: [], heeftPunten: false)
        let otherToelichting = BijsluiterView.CategoryRow(nummer: 5, label: "Medische gegevens", bijzonder: true, status: "Ja", verwerkt: true,
                                                          toelichting: long + "2", uitleg: long, uitlegPunten: [], heeftPunten: false)
        #expect(shared(withToelichting) !== shared(otherToelichting))
        #expect(shared(withToelichting) === shared(withToelichting))
        #expect(first.html.hasPrefix("<tr class=\"\"><td>5</td><th scope=\"row\">Medische gegevens <strong class=\"label\">bijzonder</strong>"), "\(first.html)")
    }
}
