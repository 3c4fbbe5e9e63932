/// BS-SUB: each subverwerker has a name, a place and a country; at least one storage location is given.
/// Source: Model VWO 3.0 art. 11.1 and Bijlage 1 E/F.
struct BsSubverwerkers: BijsluiterRule {
    let code = "BS-SUB"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, art. 11.1; Bijlage 1 E en F"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if b.opslag.isEmpty {
            result.append(finding(at: b.opslagKey ?? b.endLocation, "de plaats van opslag en verwerking (opslag) ontbreekt",
                                  hint: "voeg toe: 'opslag: [{ plaats: Amsterdam, land: NL }]'"))
        }
        for place in b.opslag where place.land.nonBlank == nil {
            result.append(finding(at: place.endLocation, "bij een opslagplaats ontbreekt het land", hint: "voeg 'land:' toe, bijvoorbeeld 'land: NL'"))
        }
        for sub in b.subverwerkers {
            let missing = [("naam", sub.naam), ("plaats", sub.plaats), ("land", sub.land)].filter { $0.1.nonBlank == nil }.map(\.0)
            if !missing.isEmpty {
                result.append(finding(at: sub.location, "bij subverwerker \(sub.naam.nonBlank.map { "'\($0)'" } ?? "") ontbreekt: \(missing.joined(separator: ", "))",
                                      hint: "een subverwerker heeft naam, plaats en land nodig"))
            }
            if let land = sub.land, !land.isBlank, sub.landCode == nil || !Countries.isKnown(sub.landCode ?? "") {
                result.append(finding(at: land.location, "'\(land.value)' is geen land dat Inzage kent", hint: "gebruik de landcode van twee letters, bijvoorbeeld NL of US"))
            }
        }
        return result
    }
}
