/// ORG-FG: the board names its functionaris gegevensbescherming with name and e-mail.
/// Source: AVG art. 37(7) (publish the FG's contact details) and 13(1)(b).
struct OrgFG: DocumentRule {
    let code = "ORG-FG"
    let severity = Severity.error
    let source = "AVG art. 37 lid 7, art. 13 lid 1 sub b"

    func check(_ content: Content) -> [Diagnostic] {
        guard let org = content.organisatie else { return [] }
        guard let fg = org.fg else {
            return [finding(at: org.fgKey ?? org.endLocation, "de functionaris gegevensbescherming (fg) ontbreekt",
                            hint: "voeg toe: 'fg:' met daaronder 'naam:' en 'email:'; ouders moeten de FG kunnen bereiken")]
        }
        var result: [Diagnostic] = []
        if fg.naam.nonBlank == nil {
            result.append(finding(at: fg.naam?.location ?? fg.endLocation, "de naam van de FG ontbreekt", hint: "voeg 'naam:' toe onder 'fg:'"))
        }
        if fg.email.nonBlank == nil {
            result.append(finding(at: fg.email?.location ?? fg.endLocation, "het e-mailadres van de FG ontbreekt",
                                  hint: "voeg 'email:' toe onder 'fg:'; de AVG eist dat de FG bereikbaar is"))
        }
        return result
    }
}
