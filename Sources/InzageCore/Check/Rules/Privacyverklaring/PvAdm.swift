/// PV-ADM: the privacyverklaring says whether there is automated decision-making and whether
/// providing data is a legal or contractual requirement.
/// Source: AVG art. 13(2)(e)(f).
struct PvAdm: DocumentRule {
    let code = "PV-ADM"
    let severity = Severity.warning
    let source = "AVG art. 13 lid 2 sub e en f"

    func check(_ content: Content) -> [Diagnostic] {
        guard let pv = content.privacyverklaring else { return [] }
        var result: [Diagnostic] = []
        if pv.geautomatiseerdeBesluitvorming.nonBlank == nil {
            result.append(finding(at: pv.geautomatiseerdeBesluitvorming?.location ?? pv.endLocation, "er staat niet of er geautomatiseerde besluitvorming is",
                                  hint: "voeg 'geautomatiseerde_besluitvorming: nee' toe, of leg uit hoe het werkt en wat de gevolgen zijn"))
        }
        if pv.verplichteVerstrekking.nonBlank == nil {
            result.append(finding(at: pv.verplichteVerstrekking?.location ?? pv.endLocation, "er staat niet of ouders verplicht zijn gegevens te geven",
                                  hint: "voeg 'verplichte_verstrekking:' toe: welke gegevens wettelijk nodig zijn en wat er gebeurt als ze ontbreken"))
        }
        return result
    }
}
