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
            #expect(try site.layoutStencils.render(view, templates: templates) == expected, "\(view.title)", sourceLocation: sourceLocation)
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
            "{{#title}}<h1>{{title}}</h1>{{/title}}{{{body}}}",  // a section over a page text
            "{{^description}}geen beschrijving{{/description}}{{{body}}}",  // an inverted one
            "{{uppercased(title)}} {{{body}}}",  // a transform
            "{{title.count}} {{{body}}}",  // a name below a page text
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
            let view = LayoutView(title: base.title, headTitle: base.headTitle, description: base.description, siteTitle: base.siteTitle,
                                  organisatie: "Stichting \(number)", root: base.root, homeHref: base.homeHref, stylesheet: base.stylesheet,
                                  kleur: base.kleur, canonical: base.canonical, feedHref: base.feedHref, nav: base.nav, footerLinks: base.footerLinks,
                                  fg: base.fg, contactHref: base.contactHref, logo: base.logo, logoAlt: base.logoAlt, body: "<p>\(number)</p>",
                                  gewijzigd: base.gewijzigd, t: base.t)
            #expect(try site.layoutStencils.render(view, templates: templates) == templates.render(view, with: "layout"))
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
            let expected = try templates.render(MustacheValue.convert(PageContext(t: site.texts, page: PaginaView(body: body))), with: "pagina")
            let filled = site.bodyStencils.render(PaginaView(body: body), template: "pagina", texts: site.texts, templates: templates)
            #expect(filled == (hasStencil ? expected : nil), "\(pagina) with \(body)", sourceLocation: sourceLocation)
        }
    }

    @Test func extraPagesTemplatesThatPrintTheBodyHaveStencils() throws {
        let (templates, folder) = try theme(layout: nil)
        defer { folder.remove() }
        let site = try site(templates)
        // The default theme's.
        #expect(BodyStencils.stencil("pagina", texts: site.texts, templates: templates) != nil)
        for pagina in ["{{#page}}\n{{{body}}}\n{{/page}}\n", "<article>{{page.body}}</article><p>{{t.contactEnRechten}}</p>{{{page.body}}}",
                       "{{#page}}{{body}}{{#t}}{{rechten}}{{/t}}{{/page}}{{^page}}nooit{{/page}}", "{{% CONTENT_TYPE: HTML }}\n{{page.body}}"] {
            try expectBodySameAsMustache(pagina, hasStencil: true)
        }
        for pagina in ["{{#page}}{{#body}}<div>{{{body}}}</div>{{/body}}{{/page}}", "{{lowercased(page.body)}}", "{{> menu-link}}{{{page.body}}}"] {
            try expectBodySameAsMustache(pagina, hasStencil: false)
        }
    }
}
