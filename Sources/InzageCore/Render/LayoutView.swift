/// The view every page is wrapped in by `layout.mustache`: what many pages show alike (its
/// frame) and the page's own texts.
struct LayoutView: Equatable {
    /// The same for every page at one place in the site (its root path and menus): a site makes
    /// one for each such place (`SiteContext.layoutFrame`), so a page's view holds one reference
    /// for these fields, and the layout's stencil for it is found by that reference.
    let frame: LayoutFrame
    let title: String
    let headTitle: String
    let description: String
    let canonical: String
    let body: String
    let gewijzigd: DateView?

    init(frame: LayoutFrame, title: String, headTitle: String, description: String, canonical: String, body: String, gewijzigd: DateView?) {
        self.frame = frame
        self.title = title
        self.headTitle = headTitle
        self.description = description
        self.canonical = canonical
        self.body = body
        self.gewijzigd = gewijzigd
    }

    /// A view with a frame of its own.
    init(title: String, headTitle: String, description: String, siteTitle: String, organisatie: String, root: String, homeHref: String,
         stylesheet: String, kleur: String, canonical: String, feedHref: String, nav: MenuRows, footerLinks: MenuRows,
         fg: SharedView<ContactView>?, contactHref: String, logo: String?, logoAlt: String?, body: String, gewijzigd: DateView?,
         t: SharedView<SiteTexts>) {
        self.init(frame: LayoutFrame(siteTitle: siteTitle, organisatie: organisatie, root: root, homeHref: homeHref, stylesheet: stylesheet,
                                     kleur: kleur, feedHref: feedHref, nav: nav, footerLinks: footerLinks, fg: fg, contactHref: contactHref,
                                     logo: logo, logoAlt: logoAlt, t: t),
                  title: title, headTitle: headTitle, description: description, canonical: canonical, body: body, gewijzigd: gewijzigd)
    }

    var root: String { frame.root }
}

/// The fields of `LayoutView` that are not a page's own texts (`LayoutText`).
final class LayoutFrame: Equatable, @unchecked Sendable {
    let siteTitle: String
    let organisatie: String
    let root: String
    let homeHref: String
    let stylesheet: String
    let kleur: String
    let feedHref: String
    let nav: MenuRows
    let footerLinks: MenuRows
    let fg: SharedView<ContactView>?
    let contactHref: String
    let logo: String?
    let logoAlt: String?
    let t: SharedView<SiteTexts>

    init(siteTitle: String, organisatie: String, root: String, homeHref: String, stylesheet: String, kleur: String, feedHref: String,
         nav: MenuRows, footerLinks: MenuRows, fg: SharedView<ContactView>?, contactHref: String, logo: String?, logoAlt: String?,
         t: SharedView<SiteTexts>) {
        self.siteTitle = siteTitle
        self.organisatie = organisatie
        self.root = root
        self.homeHref = homeHref
        self.stylesheet = stylesheet
        self.kleur = kleur
        self.feedHref = feedHref
        self.nav = nav
        self.footerLinks = footerLinks
        self.fg = fg
        self.contactHref = contactHref
        self.logo = logo
        self.logoAlt = logoAlt
        self.t = t
    }

    /// The same frame, or one with the same fields.
    static func == (lhs: LayoutFrame, rhs: LayoutFrame) -> Bool {
        lhs === rhs || (lhs.siteTitle == rhs.siteTitle && lhs.organisatie == rhs.organisatie && lhs.root == rhs.root
            && lhs.homeHref == rhs.homeHref && lhs.stylesheet == rhs.stylesheet && lhs.kleur == rhs.kleur && lhs.feedHref == rhs.feedHref
            && lhs.nav == rhs.nav && lhs.footerLinks == rhs.footerLinks && lhs.fg == rhs.fg && lhs.contactHref == rhs.contactHref
            && lhs.logo == rhs.logo && lhs.logoAlt == rhs.logoAlt && lhs.t == rhs.t)
    }
}

extension LayoutView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> {
        ["title": title, "headTitle": headTitle, "description": description, "siteTitle": frame.siteTitle, "organisatie": frame.organisatie,
         "root": frame.root, "homeHref": frame.homeHref, "stylesheet": frame.stylesheet, "kleur": frame.kleur, "canonical": canonical,
         "feedHref": frame.feedHref, "nav": frame.nav, "footerLinks": frame.footerLinks, "fg": frame.fg, "contactHref": frame.contactHref,
         "logo": frame.logo, "logoAlt": frame.logoAlt, "body": body, "gewijzigd": gewijzigd, "t": frame.t]
    }
}

/// The texts of the layout's view that differ from page to page. Every other field of
/// `LayoutView` is the same for many pages (the site's names, the menus of a folder depth, …).
enum LayoutText: Int, CaseIterable, Sendable {
    case title, headTitle, description, canonical, body, changedISO, changedDutch

    /// Where the text stands in the view as converted for Mustache (`LayoutView.mustacheFields`).
    var path: [String] {
        switch self {
        case .title: ["title"]
        case .headTitle: ["headTitle"]
        case .description: ["description"]
        case .canonical: ["canonical"]
        case .body: ["body"]
        case .changedISO: ["gewijzigd", "iso"]
        case .changedDutch: ["gewijzigd", "dutch"]
        }
    }

    /// The text in `view`; nil for the date's texts of a page without a date.
    func value(in view: LayoutView) -> String? {
        switch self {
        case .title: view.title
        case .headTitle: view.headTitle
        case .description: view.description
        case .canonical: view.canonical
        case .body: view.body
        case .changedISO: view.gewijzigd?.iso
        case .changedDutch: view.gewijzigd?.dutch
        }
    }
}

extension LayoutView {
    /// This view with each of its page texts (`LayoutText`) replaced by `text`, in the same
    /// frame. Made field by field on purpose: a field added to `LayoutView` must be placed here,
    /// and every field that is not a page text belongs in the frame, which is the stencil's key
    /// (`LayoutStencils`) with whether the page has a date.
    func replacing(_ text: (LayoutText) -> String) -> LayoutView {
        LayoutView(frame: frame, title: text(.title), headTitle: text(.headTitle), description: text(.description),
                   canonical: text(.canonical), body: text(.body),
                   gewijzigd: gewijzigd.map { _ in DateView(iso: text(.changedISO), dutch: text(.changedDutch)) })
    }
}
