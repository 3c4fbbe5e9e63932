/// `/`: what the site is, the main links, the schools and the FG.
struct HomeView {
    let intro: String
    let organisatie: String
    let links: [LinkView]
    let scholen: [LinkView]
    let heeftScholen: Bool
    let fg: ContactView?
    let contactHref: String
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
            links: pages.filter { !$0.path.isEmpty }.map { LinkView(href: root + $0.path, text: $0.title) },
            scholen: scholen, heeftScholen: !scholen.isEmpty, fg: site.fg, contactHref: root + "contact/")
        return Page(path: "", title: site.siteTitle, template: "home", view: view,
                    description: "Privacy-informatie van \(naam)", lastModified: nil, sources: [site.organisatie.file])
    }
}
