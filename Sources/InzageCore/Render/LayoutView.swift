/// The view every page is wrapped in by `layout.mustache`.
struct LayoutView: Equatable {
    let title: String
    let headTitle: String
    let description: String
    let siteTitle: String
    let organisatie: String
    let root: String
    let homeHref: String
    let stylesheet: String
    let kleur: String
    let canonical: String
    let feedHref: String
    let nav: MenuRows
    let footerLinks: MenuRows
    let fg: SharedView<ContactView>?
    let contactHref: String
    let logo: String?
    let logoAlt: String?
    let body: String
    let gewijzigd: DateView?
    let t: SharedView<SiteTexts>
}

extension LayoutView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> {
        ["title": title, "headTitle": headTitle, "description": description, "siteTitle": siteTitle, "organisatie": organisatie,
         "root": root, "homeHref": homeHref, "stylesheet": stylesheet, "kleur": kleur, "canonical": canonical, "feedHref": feedHref,
         "nav": nav, "footerLinks": footerLinks, "fg": fg, "contactHref": contactHref, "logo": logo, "logoAlt": logoAlt,
         "body": body, "gewijzigd": gewijzigd, "t": t]
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
    /// This view with each of its page texts (`LayoutText`) replaced by `text`. Made field by
    /// field on purpose: a field added to `LayoutView` must be placed here, and every field that
    /// is not a page text is part of the stencil's key (`LayoutStencils`).
    func replacing(_ text: (LayoutText) -> String) -> LayoutView {
        LayoutView(title: text(.title), headTitle: text(.headTitle), description: text(.description), siteTitle: siteTitle,
                   organisatie: organisatie, root: root, homeHref: homeHref, stylesheet: stylesheet, kleur: kleur,
                   canonical: text(.canonical), feedHref: feedHref, nav: nav, footerLinks: footerLinks, fg: fg, contactHref: contactHref,
                   logo: logo, logoAlt: logoAlt, body: text(.body),
                   gewijzigd: gewijzigd.map { _ in DateView(iso: text(.changedISO), dutch: text(.changedDutch)) }, t: t)
    }
}
