import Foundation
@testable import InzageCore
import Mustache
import Testing

/// The layout, and the page template of extra pages, are rendered once per kind of page with
/// markers for the page's own texts, then filled in (`Stencil`): every page must come out exactly
/// as swift-mustache renders it, for any template a user may write, and a template that uses a
/// page text in any other way than printing it gets no stencil.
@Suite("Stencils")
struct StencilTests {
    /// The default theme with `layout` (when given) as the user's layout.mustache, and `others`.
    private func theme(layout: String?, others: [String: String] = [:]) throws -> (templates: TemplateSet, folder: TemporaryFolder) {
        let folder = try TemporaryFolder()
        if let layout { try layout.write(to: folder.url.appendingPathComponent("layout.mustache"), atomically: false, encoding: .utf8) }
        for (name, text) in others { try text.write(to: folder.url.appendingPathComponent(name + ".mustache"), atomically: false, encoding: .utf8) }
        return (try TemplateSet(override: folder.url.path), folder)
    }

    private func site(_ templates: TemplateSet) throws -> SiteContext {
        let content = try TestContent.valid.check().content
        return SiteContext(content: content, organisatie: try #require(content.organisatie), templates: templates)
    }

    /// Texts that escape, that look like the markers, that end a line, that are empty.
    private static let awkward = ["", "Gewone titel", "<b>&amp; \"quote\" 'apostrof'</b>", "&\u{301} met een accent op de ampersand",
                                  "\u{E000}&&\u{301}0\u{E001}", "\u{E000}&amp;&amp;\u{301}4\u{E001} namaak", "regel\n", "\n",
                                  "één 😀 – café", "{{title}}"]

    /// Page views of many kinds: each root, menu entry, with and without a date, each awkward text.
    private func views(_ site: SiteContext, siteTitle: String? = nil) -> [LayoutView] {
        let nav = [(path: "bijsluiters/", title: "Bijsluiters"), (path: "contact/", title: "Contact & <vragen>")]
        let footer = [(path: "contact/", title: "Contact")]
        var views: [LayoutView] = []
        for (index, text) in Self.awkward.enumerated() {
            for root in ["", "../", "../../"] {
                for current in [nil, "bijsluiters/", "contact/"] as [String?] {
                    let other = Self.awkward[(index + 3) % Self.awkward.count]
                    views.append(LayoutView(
                        title: text, headTitle: text + " - " + other, description: other, siteTitle: siteTitle ?? site.siteTitle, organisatie: "Stichting & co",
                        root: root, homeHref: root, stylesheet: root + "assets/stijl.css", kleur: "#1d4f91", canonical: "https://example.org/" + text, feedHref: root + "feed.xml",
                        nav: site.menu(nav, root: root, current: current), footerLinks: site.menu(footer, root: root, current: current),
                        fg: site.footerFG, contactHref: root + "contact/", logo: index % 2 == 0 ? root + "bestanden/logo.png" : nil,
                        logoAlt: "Logo", body: "<p>\(other)</p>\n" + text,
                        gewijzigd: index % 3 == 0 ? nil : DateView(iso: "2026-11-0\(index % 9 + 1)", dutch: text), t: site.texts))
                }
            }
        }
        return views
    }

    /// Every view through the site's stencils is what swift-mustache renders; returns how many
    /// kinds of page there were, and how many of them had a stencil.
    @discardableResult
    private func expectSameAsMustache(layout: String?, siteTitle: String? = nil,
                                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (kinds: Int, stencils: Int) {
        let (templates, folder) = try theme(layout: layout)
        defer { folder.remove() }
        let site = try site(templates)
        var stencils = 0
        var kinds: [LayoutView] = []
        for view in views(site, siteTitle: siteTitle) {
            let expected = try templates.render(view, with: "layout")
            #expect(try site.layoutStencils.render(view, body: .text(view.body), templates: templates) == Data(expected.utf8), "\(view.title)",
                    sourceLocation: sourceLocation)
            // The body as HTML bytes (an extra page's), which the view then leaves empty: the same file.
            let withoutBody = view.replacing { $0 == .body ? "" : $0.value(in: view) ?? "" }
            #expect(try site.layoutStencils.render(withoutBody, body: .html(HTMLText(view.body)), templates: templates) == Data(expected.utf8),
                    "\(view.title)", sourceLocation: sourceLocation)
            let key = view.replacing { _ in "" }
            if !kinds.contains(key) {
                kinds.append(key)
                if LayoutStencils.stencil(for: key, templates: templates) != nil { stencils += 1 }
            }
        }
        return (kinds.count, stencils)
    }

    private func hasStencil(_ layout: String) throws -> Bool {
        let (templates, folder) = try theme(layout: layout)
        defer { folder.remove() }
        let site = try site(templates)
        // A page with a date: the layout may use the date's view as well.
        let view = try #require(views(site).first { $0.gewijzigd != nil })
        return LayoutStencils.stencil(for: view.replacing { _ in "" }, templates: templates) != nil
    }

    @Test func theDefaultLayoutHasAStencilForEveryKindOfPageAndRendersAsMustache() throws {
        let made = try expectSameAsMustache(layout: nil)
        // Three roots, three menu entries, with and without a date and a logo.
        #expect(made.kinds == 36)
        #expect(made.stencils == made.kinds)
    }

    @Test func layoutsThatPrintPageTextsHaveStencils() throws {
        let layouts = [
            // A section and an inverted one over a page text (shown for any text, even an empty
            // one), the text inside as `.`, a name looked for below a text.
            "{{#title}}<h1>{{.}} {{siteTitle}}</h1>{{/title}}{{^description}}geen{{/description}}{{title.count}}{{{body}}}",
            // Escaped, not escaped, twice, in sections over site texts, and within the date.
            "<title>{{title}}</title>{{{title}}}{{&headTitle}}\n{{#fg}}{{title}} {{naam}}{{/fg}}{{^logo}}{{description}}{{/logo}}\n{{#gewijzigd}}{{iso}}|{{dutch}}|{{title}}{{/gewijzigd}}{{^gewijzigd}}geen datum{{/gewijzigd}}{{{body}}}",
            // Mustache's own HTML escaping, one character at a time.
            "{{% CONTENT_TYPE: HTML }}\n<h1>{{title}}</h1>{{description}}{{{body}}}{{#gewijzigd}}{{dutch}}{{/gewijzigd}}",
            // No escaping at all.
            "{{% CONTENT_TYPE: TEXT }}\n{{title}}\n{{headTitle}}\n{{{body}}}",
            // Dotted names down into the date; no page text at all.
            "{{gewijzigd.iso}} {{gewijzigd.dutch}}!", "<p>{{siteTitle}}</p>{{{nav.html}}}",
        ]
        for layout in layouts {
            #expect(try hasStencil(layout), "\(layout)")
            try expectSameAsMustache(layout: layout)
        }
    }

    @Test func layoutsThatUseAPageTextOtherwiseHaveNoStencilAndRenderAsBefore() throws {
        let layouts = [
            "{{uppercased(title)}} {{{body}}}",  // a transform
            "{{#lowercased(description)}}{{.}}{{/lowercased(description)}}{{{body}}}",  // a section over a transform
            "{{.}} {{{body}}}",  // the view itself, printed
            "{{count(gewijzigd)}} {{{body}}}",  // a transform of a view that holds page texts
            "{{> menu-link}}\n{{{body}}}",  // a partial (it may be indented)
            "{{>*title}}\n{{{body}}}",  // a partial named by a page text
            "{{=<% %>=}}\n<%title%> <%&body%>",  // other delimiters
        ]
        for layout in layouts {
            #expect(try !hasStencil(layout), "\(layout)")
            try expectSameAsMustache(layout: layout)
        }
    }

    @Test func aSiteTextThatLooksLikeAMarkerChangesNothing() throws {
        try expectSameAsMustache(layout: nil, siteTitle: "\u{E000}&&\u{301}0\u{E001}")
        try expectSameAsMustache(layout: nil, siteTitle: "\u{E000}&amp;&amp;\u{301}2\u{E001}")
        try expectSameAsMustache(layout: nil, siteTitle: "\u{E000}")
    }

    @Test func pagesOfMoreKindsThanStencilsRenderAsBefore() throws {
        let (templates, folder) = try theme(layout: nil)
        defer { folder.remove() }
        let site = try site(templates)
        let base = try #require(views(site).first)
        // A field that is not a page text differs on every page: a kind of its own each.
        for number in 0..<(LayoutStencils.kindsPerRoot + 8) {
            let view = LayoutView(title: base.title, headTitle: base.headTitle, description: base.description, siteTitle: base.frame.siteTitle,
                                  organisatie: "Stichting \(number)", root: base.frame.root, homeHref: base.frame.homeHref, stylesheet: base.frame.stylesheet,
                                  kleur: base.frame.kleur, canonical: base.canonical, feedHref: base.frame.feedHref, nav: base.frame.nav, footerLinks: base.frame.footerLinks,
                                  fg: base.frame.fg, contactHref: base.frame.contactHref, logo: base.frame.logo, logoAlt: base.frame.logoAlt, body: "<p>\(number)</p>",
                                  gewijzigd: base.gewijzigd, t: base.frame.t)
            let expected = try Data(templates.render(view, with: "layout").utf8)
            #expect(try site.layoutStencils.render(view, body: .text(view.body), templates: templates) == expected)
            let withoutBody = view.replacing { $0 == .body ? "" : $0.value(in: view) ?? "" }
            #expect(try site.layoutStencils.render(withoutBody, body: .html(HTMLText(view.body)), templates: templates) == expected)
        }
    }

    /// A page's frame (`LayoutFrame`) is its stencil's key: two frames are equal only when every
    /// field is, and a page whose frame differs in any one field renders what Mustache renders.
    @Test func framesDifferingInAnyFieldAreKindsOfTheirOwn() throws {
        let (templates, folder) = try theme(layout: nil)
        defer { folder.remove() }
        let site = try site(templates)
        let base = try #require(views(site).first)
        let f = base.frame
        let otherMenu = site.menu([(path: "reglement/", title: "Reglement")], root: f.root, current: nil)
        func frame(siteTitle: String? = nil, organisatie: String? = nil, root: String? = nil, homeHref: String? = nil, stylesheet: String? = nil,
                   kleur: String? = nil, feedHref: String? = nil, nav: MenuRows? = nil, footerLinks: MenuRows? = nil,
                   fg: SharedView<ContactView>?? = nil, contactHref: String? = nil, logo: String?? = nil, logoAlt: String?? = nil,
                   t: SharedView<SiteTexts>? = nil) -> LayoutFrame {
            LayoutFrame(siteTitle: siteTitle ?? f.siteTitle, organisatie: organisatie ?? f.organisatie, root: root ?? f.root,
                        homeHref: homeHref ?? f.homeHref, stylesheet: stylesheet ?? f.stylesheet, kleur: kleur ?? f.kleur,
                        feedHref: feedHref ?? f.feedHref, nav: nav ?? f.nav, footerLinks: footerLinks ?? f.footerLinks, fg: fg ?? f.fg,
                        contactHref: contactHref ?? f.contactHref, logo: logo ?? f.logo, logoAlt: logoAlt ?? f.logoAlt, t: t ?? f.t)
        }
        #expect(frame() == f && frame() !== f)
        let variants = [frame(siteTitle: "Ander"), frame(organisatie: "Ander"), frame(root: "../../../"), frame(homeHref: "/"),
                        frame(stylesheet: "x.css"), frame(kleur: "#000000"), frame(feedHref: "f.xml"), frame(nav: otherMenu),
                        frame(footerLinks: otherMenu), frame(fg: .some(nil)), frame(contactHref: "/c/"), frame(logo: .some("l.png")),
                        frame(logoAlt: .some("Ander logo")), frame(t: SharedView(SiteTexts(.je)))]
        for (index, variant) in variants.enumerated() {
            #expect(variant != f, "field \(index)")
            for frame in [f, variant] {
                let view = LayoutView(frame: frame, title: base.title, headTitle: base.headTitle, description: base.description,
                                      canonical: base.canonical, body: base.body, gewijzigd: base.gewijzigd)
                #expect(try site.layoutStencils.render(view, body: .text(view.body), templates: templates)
                        == Data(templates.render(view, with: "layout").utf8), "field \(index)")
            }
        }
    }

    @Test func characterwiseEscapingIsSwiftMustachesOwn() throws {
        let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}{{x}}")
        for text in Self.awkward + ["<\u{338}", "'\u{301}\"", "a&b<c>d\"e'f", "&&&", "\r\n&"] {
            #expect(MustacheEscaping.characterwise(text) == template.render(["x": text]), "\(text)")
        }
    }

    /// Extra pages' template, through the site's stencil when it has one, is what swift-mustache renders.
    private func expectBodySameAsMustache(_ pagina: String, hasStencil: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (templates, folder) = try theme(layout: nil, others: ["pagina": pagina])
        defer { folder.remove() }
        let site = try site(templates)
        #expect((BodyStencils.stencil("pagina", texts: site.texts, templates: templates) != nil) == hasStencil, "\(pagina)",
                sourceLocation: sourceLocation)
        for body in Self.awkward + ["<h2 id=\"kop\">Kop</h2>\n<p>Tekst &amp; meer</p>\n"] {
            let view = PaginaView(body: HTMLText(body))
            let expected = try templates.render(MustacheValue.convert(PageContext(t: site.texts, page: view)), with: "pagina")
            let filled = site.bodyStencils.render(view, template: "pagina", texts: site.texts, templates: templates)
            #expect(filled?.string == (hasStencil ? expected : nil), "\(pagina) with \(body)", sourceLocation: sourceLocation)
            #expect(filled.map { Array($0.string.utf8) == $0.bytes } ?? true, "the bytes are valid UTF-8 as they are", sourceLocation: sourceLocation)
        }
    }

    @Test func extraPagesTemplatesThatPrintTheBodyHaveStencils() throws {
        let (templates, folder) = try theme(layout: nil)
        defer { folder.remove() }
        let site = try site(templates)
        // The default theme's.
        #expect(BodyStencils.stencil("pagina", texts: site.texts, templates: templates) != nil)
        for pagina in ["{{#page}}\n{{{body}}}\n{{/page}}\n", "<article>{{page.body}}</article><p>{{t.contactEnRechten}}</p>{{{page.body}}}",
                       "{{#page}}{{body}}{{#t}}{{rechten}}{{/t}}{{/page}}{{^page}}nooit{{/page}}", "{{% CONTENT_TYPE: HTML }}\n{{page.body}}",
                       "{{#page}}{{#body}}<div>{{{body}}}</div>{{/body}}{{/page}}"] {
            try expectBodySameAsMustache(pagina, hasStencil: true)
        }
        for pagina in ["{{lowercased(page.body)}}", "{{> menu-link}}{{{page.body}}}"] {
            try expectBodySameAsMustache(pagina, hasStencil: false)
        }
    }

    /// The fields of the theme's row views, and one a list: each absent, a text or a flag.
    private static let rowFields = ["href", "product", "verwerker", "soort", "bijzonder", "buitenEER", "versie", "document", "documentHref",
                                    "samenvatting", "title", "id", "link", "updated", "summary", "naam", "reden", "text", "tekst", "nummer",
                                    "label", "status", "toelichting", "uitleg", "landen", "waarborg", "date", "plaats", "land", "taak"]
    private static let rowFlags = ["current", "verwerkt", "heeftPunten", "external"]

    /// A row view of random shape: every text and flag field absent or present, a date or not,
    /// now and then a list (which no stencil stands for).
    private static func randomRow(_ random: inout SeededGenerator) -> ConvertedView {
        var fields: [String: Any] = [:]
        for name in rowFields {
            fields[name] = random.next(below: 4) == 0 ? AbsentValue() : awkward[random.next(below: awkward.count)]
        }
        for name in rowFlags { fields[name] = random.next(below: 2) == 0 }
        if random.next(below: 3) > 0 {
            fields["datum"] = ConvertedView(["iso": awkward[random.next(below: awkward.count)], "dutch": awkward[random.next(below: awkward.count)]])
        } else {
            fields["datum"] = AbsentValue()
        }
        // Lists of texts of a few lengths, now and then a list of views (which no stencil stands for).
        for name in ["punten", "uitlegPunten"] {
            fields[name] = (0..<random.next(below: 4)).map { _ in awkward[random.next(below: awkward.count)] }
        }
        if random.next(below: 8) == 0 { fields["scholen"] = [ConvertedView(["naam": "De Linde"])] }
        fields["nummer"] = random.next(below: 2) == 0 ? random.next(below: 15) as Any : fields["nummer"] as Any
        return ConvertedView(fields)
    }

    /// Every row, through the theme's stencils, is what swift-mustache renders.
    private func expectRowsSameAsMustache(_ templates: TemplateSet, names: [String], seed: UInt64,
                                          sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        var random = SeededGenerator(seed: seed)
        var stenciled = 0
        for _ in 0..<400 {
            let row = Self.randomRow(&random)
            for name in names {
                let expected = templates.library.render(row, withTemplate: name)
                let filled = templates.rowStencils.render(row, template: name, templates: templates)
                if filled != nil { stenciled += 1 }
                #expect((filled ?? expected) == expected, "\(name): \(row.fields)", sourceLocation: sourceLocation)
            }
        }
        return stenciled
    }

    @Test func theThemesRowsRenderFromStencilsAsMustacheRendersThem() throws {
        let (templates, folder) = try theme(layout: nil)
        defer { folder.remove() }
        let names = ["bijsluiters-rij", "bijsluiters-matrixcel", "wijziging", "feed-entry", "school-rij", "ontvanger", "menu-link",
                     "bijsluiter-categorie", "doorgifte", "bijsluiter-doel", "bijsluiter-opslag", "bijsluiter-subverwerker"]
        // Rows of the first 256 shapes of each template have a stencil, but for those with a list
        // of views (random rows have many more shapes than a real list).
        #expect(expectRowsSameAsMustache(templates, names: names, seed: 23) > 200 * names.count)
    }

    /// Rows of many kinds rendered on many threads at once: each kind's stencil is made once, while
    /// rows of other kinds go on, and every row comes out as swift-mustache renders it.
    @Test func rowsOfManyKindsRenderOnManyThreadsAtOnce() throws {
        let (templates, folder) = try theme(layout: nil)
        defer { folder.remove() }
        let names = ["bijsluiters-rij", "wijziging", "feed-entry", "school-rij", "ontvanger", "bijsluiter-categorie"]
        var random = SeededGenerator(seed: 41)
        let rows = (0..<300).map { _ in Self.randomRow(&random) }
        let work = rows.indices.flatMap { row in names.map { (row, $0) } }
        let rendered = try Parallel.map(work, minimumBatch: 1) { row, name in
            templates.rowStencils.render(rows[row], template: name, templates: templates)
        }
        var stenciled = 0
        for ((row, name), filled) in zip(work, rendered) {
            let expected = templates.library.render(rows[row], withTemplate: name)
            if filled != nil { stenciled += 1 }
            #expect((filled ?? expected) == expected, "\(name): \(rows[row].fields)")
        }
        #expect(stenciled > 250 * names.count)
    }

    @Test func rowTemplatesAUserWritesRenderAsMustacheRendersThem() throws {
        let rows = [
            "eigen-rij": "<li>{{#naam}}<b>{{.}}</b>{{/naam}}{{^naam}}naamloos{{/naam}} {{naam.x}} {{{reden}}} {{#datum}}{{dutch}}: {{naam}}{{/datum}}{{#current}}!{{/current}}</li>\n",
            "getransformeerd": "<li>{{uppercased(naam)}} {{count(datum)}}</li>",
            "met-partial": "<li>{{> menu-link}}</li>",
            "tekst": "{{% CONTENT_TYPE: TEXT }}\n{{naam}} {{{reden}}}",
            "mustache-html": "{{% CONTENT_TYPE: HTML }}\n{{naam}} {{&reden}}",
            "lijst": "<ul>{{#punten}}<li>{{#first()}}[eerste] {{/first()}}{{.}}{{#last()}}.{{/last()}} {{naam}}</li>{{/punten}}</ul>{{^punten}}geen{{/punten}}{{punten.x}}",
            "lijst-geteld": "{{count(punten)}} {{#punten}}{{.}}{{/punten}}",
            "lijst-getoond": "{{punten}}",
            "lijst-bewerkt": "{{#reversed(punten)}}{{.}}{{/reversed(punten)}}",
            "lijst-tekst-bewerkt": "{{#punten}}{{uppercased(.)}}{{/punten}}",
        ]
        let (templates, folder) = try theme(layout: nil, others: rows)
        defer { folder.remove() }
        // (Before the random rows, which fill each template's shapes.) A list of texts gone
        // through in a section has a stencil per length; counted, printed or
        // transformed, or a text in it transformed, it has none.
        let listed = ConvertedView(["naam": "Rekentuin", "punten": ["één", "twee & drie"]])
        #expect(templates.rowStencils.render(listed, template: "lijst", templates: templates)
            == "<ul><li>[eerste] één Rekentuin</li><li>twee &amp; drie. Rekentuin</li></ul>")
        for name in ["lijst-geteld", "lijst-getoond", "lijst-bewerkt", "lijst-tekst-bewerkt"] {
            #expect(templates.rowStencils.render(listed, template: name, templates: templates) == nil, "\(name)")
        }
        _ = expectRowsSameAsMustache(templates, names: rows.keys.sorted(), seed: 5)
        let random = { var generator = SeededGenerator(seed: 9); return Self.randomRow(&generator) }()
        #expect(templates.rowStencils.render(random, template: "met-partial", templates: templates) == nil)
    }

    /// The fixture board, built whole with `templates` from stencils and without: every file the same.
    private func expectSiteSameWithoutStencils(_ templates: TemplateSet, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let content = try TestContent.valid.check().content
        let filled = try SiteBuilder(content: content, templates: templates).build()
        var plain = templates
        plain.usesStencils = false
        let rendered = try SiteBuilder(content: content, templates: plain).build()
        #expect(filled.map(\.path) == rendered.map(\.path), sourceLocation: sourceLocation)
        for (one, other) in zip(filled, rendered) where one.data != other.data {
            Issue.record("\(one.path) differs from swift-mustache's", sourceLocation: sourceLocation)
        }
        // Every kind of page: the home page, product pages, lists, the feed.
        #expect(filled.count >= 20 && filled.contains { $0.path == "feed.xml" }
                && filled.contains { $0.path.hasPrefix("bijsluiters/") && $0.path.hasSuffix("/index.html") && $0.path != "bijsluiters/index.html" },
                sourceLocation: sourceLocation)
    }

    @Test func theWholeSiteIsWhatSwiftMustacheRendersWithTheDefaultTheme() throws {
        let (templates, folder) = try theme(layout: nil)
        defer { folder.remove() }
        try expectSiteSameWithoutStencils(templates)
    }

    @Test func theWholeSiteIsWhatSwiftMustacheRendersWithThemesAUserMightWrite() throws {
        let layout = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("layout.mustache"), encoding: .utf8)
        // A bijsluiter template that goes through its lists itself (no stencil for its pages) and
        // one that counts a list.
        let bijsluiter = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("bijsluiter.mustache"), encoding: .utf8)
        let itself = bijsluiter.replacingOccurrences(of: "{{{verwerkingen.html}}}", with: "{{#verwerkingen}}<li>{{.}}</li>{{/verwerkingen}}")
            .replacingOccurrences(of: "{{{scholen.html}}}", with: "{{#scholen}}<a href=\"{{href}}\">{{text}}</a> {{/scholen}}")
        let counted = bijsluiter.replacingOccurrences(of: "{{{doelen.html}}}", with: "{{count(doelen)}} {{{doelen.html}}}")
        let themes: [(layout: String?, others: [String: String])] = [
            (nil, ["bijsluiter": itself]),
            (nil, ["bijsluiter": counted]),
            // Page texts in sections and dotted names; rows printing their lists and texts raw.
            (layout.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "{{#title}}<h1>{{.}}</h1>{{/title}}{{^description}}-{{/description}}"),
             ["bijsluiter-doel": "<li>{{{label}}}{{#punten}}<i>{{.}}</i>{{/punten}}{{^punten}}-{{/punten}}</li>\n",
              "wijziging": "<li>{{#datum}}{{dutch}}{{/datum}} {{samenvatting}} {{{samenvatting}}}</li>\n"]),
            // Transforms: no stencils where they are used.
            (layout.replacingOccurrences(of: "<title>{{headTitle}}</title>", with: "<title>{{uppercased(headTitle)}}</title>"),
             ["bijsluiters-rij": "<tr><td>{{lowercased(product)}}</td><td>{{verwerker}}</td></tr>\n"]),
            // A partial in the layout; swift-mustache's own HTML escaping in a row.
            (layout.replacingOccurrences(of: "{{{body}}}", with: "{{> inhoud}}"),
             ["inhoud": "  {{{body}}}\n  <p>{{title}}</p>\n", "feed-entry": "{{% CONTENT_TYPE: HTML }}\n<entry><title>{{title}}</title></entry>\n"]),
        ]
        for theme in themes {
            let (templates, folder) = try self.theme(layout: theme.layout, others: theme.others)
            defer { folder.remove() }
            try expectSiteSameWithoutStencils(templates)
        }
    }

    @Test func aBijsluiterPageIsFilledFromItsShapesStencil() throws {
        let (templates, folder) = try theme(layout: nil)
        defer { folder.remove() }
        let site = try site(templates)
        let bijsluiters = site.content.bijsluiters
        #expect(!bijsluiters.isEmpty)
        for bijsluiter in bijsluiters {
            let page = BijsluiterPages.detail(site, bijsluiter)
            let context = try #require(MustacheValue.convert(PageContext(t: site.texts, page: page.view)) as? ConvertedView)
            // The default theme's bijsluiter page has a stencil, and it gives what swift-mustache gives.
            let filled = templates.rowStencils.render(context, template: "bijsluiter", templates: templates)
            #expect(filled != nil, "\(bijsluiter.file)")
            #expect(filled == (try templates.render(context, with: "bijsluiter")), "\(bijsluiter.file)")
        }
    }
}
