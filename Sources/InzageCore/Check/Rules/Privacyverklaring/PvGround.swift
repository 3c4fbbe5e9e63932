/// PV-GROUND: every verwerking has a purpose and a legal basis; a legitimate interest is spelled
/// out, and consent says how it is given and withdrawn.
/// Source: AVG art. 13(1)(c)(d), art. 7(3).
struct PvGround: DocumentRule {
    let code = "PV-GROUND"
    let severity = Severity.error
    let source = "AVG art. 13 lid 1 sub c en d, art. 7 lid 3"

    func check(_ content: Content) -> [Diagnostic] {
        guard let pv = content.privacyverklaring else { return [] }
        var result: [Diagnostic] = []
        if pv.verwerkingen.isEmpty {
            result.append(finding(at: pv.verwerkingenKey ?? pv.endLocation, "de privacyverklaring noemt geen verwerkingen",
                                  hint: "noem per doel de grondslag: 'verwerkingen: [{ doel: ..., grondslag: publieke-taak }]'"))
        }
        for v in pv.verwerkingen {
            if v.doel.nonBlank == nil {
                result.append(finding(at: v.doel?.location ?? v.location, "een verwerking zonder doel", hint: "beschrijf waarvoor de gegevens worden gebruikt"))
            }
            guard let grondslag = v.grondslag else {
                result.append(finding(at: v.endLocation, "bij '\(v.doel.nonBlank ?? "deze verwerking")' ontbreekt de grondslag",
                                      hint: "kies: \(Grondslag.allCases.map(\.rawValue).joined(separator: " | "))"))
                continue
            }
            if grondslag.value == .gerechtvaardigdBelang, v.gerechtvaardigdBelang.nonBlank == nil {
                result.append(finding(at: grondslag.location, "bij gerechtvaardigd belang moet staan wat dat belang is",
                                      hint: "voeg 'gerechtvaardigd_belang:' toe met het belang in één of twee zinnen"))
            }
            if grondslag.value == .toestemming, v.toestemming.nonBlank == nil {
                result.append(finding(at: grondslag.location, "bij toestemming moet staan hoe die wordt gegeven en ingetrokken",
                                      hint: "voeg 'toestemming:' toe, bijvoorbeeld 'toestemming: fototoestemming' of een korte uitleg"))
            }
        }
        return result
    }
}
