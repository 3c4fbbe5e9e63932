/// ORG-SITE: the site has an absolute https address and a title, and a logo has a text alternative.
/// Source: sitemaps and feeds need absolute URLs; WCAG 2.2, 1.1.1 (non-text content).
struct OrgSite: DocumentRule {
    let code = "ORG-SITE"
    let severity = Severity.error
    let source = "WCAG 2.2, 1.1.1; sitemaps.org"

    func check(_ content: Content) -> [Diagnostic] {
        guard let org = content.organisatie else { return [] }
        guard let site = org.site else {
            return [finding(at: org.endLocation, "de site-instellingen (site) ontbreken", hint: "voeg 'site:' toe met url, titel en aanspreekvorm")]
        }
        var result: [Diagnostic] = []
        if let url = site.url, !url.isBlank {
            if !(url.value.hasPrefix("https://") || url.value.hasPrefix("http://")) || url.value.contains(where: { $0.isWhitespace || "\"'<>`".contains($0) }) {
                result.append(finding(at: url.location, "site.url moet een volledig webadres zijn", hint: "bijvoorbeeld https://privacy.uwbestuur.nl/"))
            }
        } else {
            result.append(finding(at: site.url?.location ?? site.endLocation, "het webadres van de site (url) ontbreekt",
                                  hint: "de sitemap, de feed en de brieven hebben het volledige adres nodig"))
        }
        if site.titel.nonBlank == nil {
            result.append(finding(at: site.titel?.location ?? site.endLocation, "de titel van de site ontbreekt", hint: "bijvoorbeeld 'titel: Privacy bij ...'"))
        }
        if site.logo.nonBlank != nil, site.logoAlt.nonBlank == nil {
            result.append(finding(at: site.logo?.location ?? site.endLocation, "het logo heeft geen tekstalternatief (logo_alt)",
                                  hint: "voeg 'logo_alt: Logo van ...' toe voor mensen die een schermlezer gebruiken"))
        }
        if let logo = site.logo, !logo.isBlank, !content.bestanden.contains(where: { "bestanden/\($0)" == logo.value }) {
            result.append(finding(at: logo.location, "het logo '\(logo.value)' staat niet in de map bestanden/",
                                  hint: "zet het bestand in bestanden/ en schrijf bijvoorbeeld 'logo: bestanden/logo.svg'"))
        }
        return result
    }
}
