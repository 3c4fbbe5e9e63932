/// PG-PAGE: an extra page has a title and does not take the address of a page the site makes itself
/// (it would otherwise silently disappear).
/// Source: content model, paginas/<slug>.md (titel required).
struct PgPage: DocumentRule {
    let code = "PG-PAGE"
    let severity = Severity.error
    let source = "content model: paginas/<slug>.md"

    func check(_ content: Content) -> [Diagnostic] {
        content.paginas.flatMap { page -> [Diagnostic] in
            var result: [Diagnostic] = []
            if page.titel.nonBlank == nil {
                result.append(finding(at: page.titel?.location ?? page.location, "de pagina heeft geen titel", hint: "voeg 'titel:' toe aan de front matter"))
            }
            if SiteBuilder.reservedPaths.contains(page.slug) {
                result.append(finding(at: .file(page.file), "de naam '\(page.slug)' is al in gebruik voor een pagina die Inzage zelf maakt",
                                      hint: "geef het bestand een andere naam, bijvoorbeeld '\(page.slug)-extra.md'"))
            }
            return result
        }
    }
}
