/// PV-DATES: the privacyverklaring has an ingangsdatum and a laatst_gewijzigd date, in that order,
/// neither in the future.
/// Source: reglement Bijlage VIII (seed 002): a dated, versioned privacyverklaring.
struct PvDates: DocumentRule {
    let code = "PV-DATES"
    let severity = Severity.error
    let source = "privacyreglement Bijlage VIII (seed 002)"

    func check(_ content: Content) -> [Diagnostic] {
        guard let pv = content.privacyverklaring else { return [] }
        var result: [Diagnostic] = []
        guard let ingang = pv.ingangsdatum else {
            return [finding(at: pv.endLocation, "de ingangsdatum ontbreekt", hint: "voeg 'ingangsdatum: 2026-08-01' toe")]
        }
        guard let gewijzigd = pv.laatstGewijzigd else {
            return [finding(at: pv.endLocation, "de datum van de laatste wijziging (laatst_gewijzigd) ontbreekt", hint: "voeg 'laatst_gewijzigd:' toe")]
        }
        if gewijzigd.value < ingang.value {
            result.append(finding(at: gewijzigd.location, "laatst_gewijzigd (\(gewijzigd.value.dutch)) ligt vóór de ingangsdatum (\(ingang.value.dutch))",
                                  hint: "een versie kan niet gewijzigd zijn voordat ze ingaat; controleer beide datums"))
        }
        if gewijzigd.value > content.today {
            result.append(finding(at: gewijzigd.location, "laatst_gewijzigd ligt in de toekomst", hint: "gebruik de datum van de laatste echte wijziging"))
        }
        return result
    }
}
