/// `/`: what the site is, the main links, the schools and the FG.
struct HomeView {
    let intro: String
    let organisatie: String
    /// Every section and extra page (10 000 on a large site): rows of `home-link`.
    let links: RowList<LinkView>
    let scholen: [LinkView]
    let heeftScholen: Bool
    let fg: ContactView?
    let contactHref: String
}

// Listed by hand, like the rows: a view read with `Mirror` costs a conformance scan and a
// demangled type per field the first time, which a short build (the demo board) pays for each.
extension HomeView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["intro": intro, "organisatie": organisatie, "links": links, "scholen": scholen, "heeftScholen": heeftScholen, "fg": fg, "contactHref": contactHref] }
}

enum HomePage {
    static func make(_ site: SiteContext, pages: [(path: String, title: String)]) -> Page {
        let root = SiteContext.root(for: "")
        let voice = Voice(vorm: site.aanspreekvorm)
        let naam = site.organisatie.naam.nonBlank ?? "het schoolbestuur"
        let scholen: [LinkView] = site.hasSchoolPages ? site.content.scholen.map {
            LinkView(href: root + SiteContext.schoolPath($0), text: $0.naam.nonBlank ?? ($0.brinCode ?? "school"))
        } : []
        let view = HomeView(
            intro: "Op deze site leest \(voice.u) hoe \(naam) omgaat met de persoonsgegevens van leerlingen, ouders en medewerkers. \(voice.U) vindt hier welke gegevens wij gebruiken en waarom, welke digitale leermiddelen onze scholen gebruiken, en wat \(voice.uw) rechten zijn.",
            organisatie: naam,
            links: site.rows(pages.filter { !$0.path.isEmpty }.map { site.fragment(LinkView(href: root + $0.path, text: $0.title), template: "home-link") },
                             at: "#links"),
            scholen: scholen, heeftScholen: !scholen.isEmpty, fg: site.fg, contactHref: root + "contact/")
        return Page(path: "", title: site.siteTitle, template: "home", view: view,
                    description: "Privacy-informatie van \(naam)", lastModified: nil, sources: [site.organisatie.file])
    }
}
