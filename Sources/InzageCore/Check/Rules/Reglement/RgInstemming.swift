/// RG-GMR: the reglement records the (G)MR's instemming, given before it was vastgesteld, and takes
/// effect no earlier than it was vastgesteld.
/// Source: WMS art. 10 sub c (instemmingsrecht on privacy rules); seed 002 slotbepalingen.
struct RgInstemming: DocumentRule {
    let code = "RG-GMR"
    let severity = Severity.error
    let source = "Wet medezeggenschap op scholen, art. 10 sub c"

    func check(_ content: Content) -> [Diagnostic] {
        guard let r = content.reglement else { return [] }
        var result: [Diagnostic] = []
        if r.instemmingOrgaan.nonBlank == nil || r.instemmingDatum == nil {
            result.append(finding(at: r.instemmingKey ?? r.endLocation, "de instemming van de (G)MR ontbreekt",
                                  hint: "voeg toe: 'instemming: { orgaan: GMR, datum: ... }'; zonder instemming geldt het reglement niet"))
        }
        if let instemming = r.instemmingDatum, let vastgesteld = r.vastgesteld, instemming.value > vastgesteld.value {
            result.append(finding(at: instemming.location, "de (G)MR stemde in op \(instemming.value.dutch), ná de vaststelling (\(vastgesteld.value.dutch))",
                                  hint: "het bestuur stelt het reglement vast nadat de (G)MR heeft ingestemd"))
        }
        if r.vastgesteld == nil {
            result.append(finding(at: r.endLocation, "de datum van vaststelling (vastgesteld) ontbreekt", hint: "voeg 'vastgesteld:' toe"))
        }
        if let ingang = r.ingangsdatum, let vastgesteld = r.vastgesteld, ingang.value < vastgesteld.value {
            result.append(finding(at: ingang.location, "de ingangsdatum ligt vóór de vaststelling", hint: "een reglement gaat in op of na de dag van vaststelling"))
        }
        return result
    }
}
