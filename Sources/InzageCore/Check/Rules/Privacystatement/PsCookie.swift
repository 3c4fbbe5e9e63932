/// PS-COOKIE: tracking and social-media cookies need consent first, and every cookie says how long it lives.
/// Source: Telecommunicatiewet art. 11.7a; AVG art. 13(2)(a).
struct PsCookie: DocumentRule {
    let code = "PS-COOKIE"
    let severity = Severity.error
    let source = "Telecommunicatiewet art. 11.7a"

    func check(_ content: Content) -> [Diagnostic] {
        guard let ps = content.privacystatement else { return [] }
        var result: [Diagnostic] = []
        for cookie in ps.cookies {
            let name = cookie.naam.nonBlank ?? "deze cookie"
            guard let soort = cookie.soort else {
                result.append(finding(at: cookie.location, "bij cookie '\(name)' ontbreekt de soort", hint: "kies: functioneel, analytisch, tracking of sociale-media"))
                continue
            }
            if soort.value == .tracking || soort.value == .socialeMedia, cookie.toestemming?.value != true {
                result.append(finding(at: cookie.toestemming?.location ?? soort.location,
                                      "cookie '\(name)' is een \(soort.value.rawValue)-cookie en mag alleen met toestemming worden geplaatst",
                                      hint: "zet 'toestemming: true' en vraag toestemming vóór het plaatsen, of verwijder de cookie"))
            }
            if cookie.bewaartermijn.nonBlank == nil {
                result.append(finding(at: cookie.bewaartermijn?.location ?? cookie.endLocation, "bij cookie '\(name)' ontbreekt de bewaartermijn",
                                      hint: "schrijf hoe lang de cookie blijft bestaan, bijvoorbeeld '13 maanden' of 'tot u de browser sluit'"))
            }
        }
        return result
    }
}
