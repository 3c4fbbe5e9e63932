/// TG-STATUS: the accessibility statement is consistent with its status: A and B need a research
/// report, A allows no open problems, C needs research planned within six months.
/// Source: Dutch model toegankelijkheidsverklaring (digitoegankelijk.nl), Besluit digitale toegankelijkheid overheid.
struct TgStatus: DocumentRule {
    let code = "TG-STATUS"
    let severity = Severity.error
    let source = "model toegankelijkheidsverklaring (digitoegankelijk.nl)"

    func check(_ content: Content) -> [Diagnostic] {
        guard let t = content.toegankelijkheid else { return [] }
        guard let status = t.status else {
            return [finding(at: t.location, "de status (A t/m E) ontbreekt", hint: "voeg 'status:' toe; zie digitoegankelijk.nl")]
        }
        var result: [Diagnostic] = []
        switch status.value {
        case .A, .B:
            if t.rapport.nonBlank == nil {
                result.append(finding(at: status.location, "status \(status.value.rawValue) vraagt een onderzoeksrapport (rapport)",
                                      hint: "voeg 'rapport:' toe met de link naar het WCAG-EM-rapport van hooguit drie jaar oud"))
            }
            if status.value == .A, let open = t.beperkingen.first {
                result.append(finding(at: open.location, "status A (voldoet volledig) kan niet zolang er beperkingen openstaan",
                                      hint: "kies status B, of los de beperkingen op en haal ze uit de lijst"))
            }
        case .C:
            guard let gepland = t.onderzoekGepland else {
                result.append(finding(at: status.location, "status C vraagt een datum voor het onderzoek (onderzoek_gepland)",
                                      hint: "plan het onderzoek binnen zes maanden en voeg 'onderzoek_gepland:' toe"))
                break
            }
            if gepland.value > content.today.adding(months: 6) {
                result.append(finding(at: gepland.location, "het onderzoek is pas gepland op \(gepland.value.dutch), meer dan zes maanden vanaf nu",
                                      hint: "bij status C moet het onderzoek binnen zes maanden plaatsvinden"))
            }
        case .D, .E:
            break
        }
        if t.contactEmail.nonBlank == nil {
            result.append(finding(at: t.endLocation, "er staat niet waar bezoekers een toegankelijkheidsprobleem kunnen melden",
                                  hint: "voeg 'contact: { email: ... }' toe"))
        }
        return result
    }
}
