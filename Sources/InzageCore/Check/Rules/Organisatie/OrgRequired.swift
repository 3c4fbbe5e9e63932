/// ORG-REQUIRED: the verwerkingsverantwoordelijke is named, has at least one school, and each
/// school has a name and a kind; a KvK number has 8 digits.
/// Source: AVG art. 13(1)(a) (identity and contact details of the controller).
struct OrgRequired: DocumentRule {
    let code = "ORG-REQUIRED"
    let severity = Severity.error
    let source = "AVG art. 13 lid 1 sub a"

    func check(_ content: Content) -> [Diagnostic] {
        guard let org = content.organisatie else { return [] }
        var result: [Diagnostic] = []
        if org.naam.nonBlank == nil {
            result.append(finding(at: org.naam?.location ?? org.location, "de naam van het schoolbestuur (naam) ontbreekt",
                                  hint: "het bestuur (bevoegd gezag) is de verwerkingsverantwoordelijke; vul de statutaire naam in"))
        }
        if org.contact?.email.nonBlank == nil {
            result.append(finding(at: org.contact?.location ?? org.endLocation, "het e-mailadres van het schoolbestuur (contact.email) ontbreekt",
                                  hint: "voeg toe: 'contact: { email: privacy@... }'"))
        }
        if org.scholen.isEmpty {
            result.append(finding(at: org.scholenKey ?? org.endLocation, "er staat geen school in 'scholen'",
                                  hint: "voeg minstens één school toe met naam, brin en soort"))
        }
        for school in org.scholen {
            if school.naam.nonBlank == nil {
                result.append(finding(at: school.naam?.location ?? school.location, "een school zonder naam", hint: "voeg 'naam:' toe"))
            }
            if school.soort == nil {
                result.append(finding(at: school.endLocation, "de soort van \(school.naam.nonBlank ?? "deze school") ontbreekt",
                                      hint: "voeg 'soort:' toe: po, so, sbo, vo of mbo"))
            }
        }
        if let kvk = org.kvk, !kvk.isBlank, !(kvk.value.count == 8 && kvk.value.allSatisfy(\.isASCIIDigit)) {
            result.append(finding(at: kvk.location, "'\(kvk.value)' is geen KvK-nummer van 8 cijfers",
                                  hint: "schrijf het nummer tussen aanhalingstekens, bijvoorbeeld kvk: \"41234567\""))
        }
        return result
    }
}
