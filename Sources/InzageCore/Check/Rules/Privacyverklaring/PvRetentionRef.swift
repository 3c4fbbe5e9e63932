/// PV-RETENTION: a verwerking states a retention term, and one that names an id points at an
/// existing row of bewaartermijnen.yaml.
/// Source: AVG art. 13(2)(a) (storage period or the criteria for it).
struct PvRetentionRef: DocumentRule {
    let code = "PV-RETENTION"
    let severity = Severity.error
    let source = "AVG art. 13 lid 2 sub a"

    func check(_ content: Content) -> [Diagnostic] {
        guard let pv = content.privacyverklaring else { return [] }
        let ids = Set((content.bewaartermijnen?.termijnen ?? []).compactMap { $0.id.nonBlank })
        var result: [Diagnostic] = []
        for v in pv.verwerkingen {
            guard let termijn = v.bewaartermijn, !termijn.isBlank else {
                result.append(finding(at: v.bewaartermijn?.location ?? v.endLocation, "bij '\(v.doel.nonBlank ?? "deze verwerking")' staat niet hoe lang de gegevens worden bewaard",
                                      hint: "voeg 'bewaartermijn:' toe: een id uit bewaartermijnen.yaml of een korte tekst"))
                continue
            }
            // A single word with a hyphen or without spaces reads as an id.
            let looksLikeId = !termijn.value.contains(" ") && termijn.value.count > 2 && termijn.value == termijn.value.lowercased()
            if looksLikeId, !ids.contains(termijn.value), Duur(parsing: termijn.value) == nil {
                let suggestion = EditDistance.suggestion(for: termijn.value, among: Array(ids)).map { "; bedoelde u '\($0)'?" } ?? ""
                result.append(finding(at: termijn.location, "bewaartermijn '\(termijn.value)' staat niet in bewaartermijnen.yaml\(suggestion)",
                                      hint: ids.isEmpty ? "maak bewaartermijnen.yaml aan, of schrijf de termijn uit" : "bekende termijnen: \(ids.sorted().joined(separator: ", "))"))
            }
        }
        return result
    }
}
