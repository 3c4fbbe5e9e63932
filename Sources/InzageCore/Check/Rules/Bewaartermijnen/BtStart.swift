/// BT-START: a term of a fixed length says when it starts (`ingang`); every row has an id and a term.
/// Source: seed 002 Bijlage I-B ("5 jaar" — after what?).
struct BtStart: DocumentRule {
    let code = "BT-START"
    let severity = Severity.error
    let source = "privacyreglement Bijlage I-B (seed 002)"

    func check(_ content: Content) -> [Diagnostic] {
        guard let table = content.bewaartermijnen else { return [] }
        var result: [Diagnostic] = []
        var ids: [String: SourceLocation] = [:]
        for t in table.termijnen {
            if let id = t.id.nonBlank {
                if let first = ids[id] {
                    result.append(finding(at: t.id?.location ?? t.location, "id '\(id)' staat ook al op regel \(first.line)", hint: "geef elke bewaartermijn een eigen id"))
                } else {
                    ids[id] = t.id?.location
                }
            } else {
                result.append(finding(at: t.location, "een bewaartermijn zonder id", hint: "voeg 'id:' toe; de privacyverklaring verwijst ernaar"))
            }
            guard let termijn = t.termijn, !termijn.isBlank else {
                result.append(finding(at: t.termijn?.location ?? t.endLocation, "bij '\(t.id.nonBlank ?? "deze regel")' ontbreekt de termijn",
                                      hint: "schrijf de termijn als '5 jaar', '6 maanden' of een tekst"))
                continue
            }
            if t.duur != nil, t.ingang.nonBlank == nil {
                result.append(finding(at: termijn.location, "termijn '\(termijn.value)' zegt niet vanaf wanneer hij loopt",
                                      hint: "voeg 'ingang:' toe, bijvoorbeeld 'na uitschrijving' of 'na het einde van het dienstverband'"))
            }
        }
        return result
    }
}
