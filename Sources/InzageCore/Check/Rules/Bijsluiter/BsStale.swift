/// BS-STALE: a leermiddel's bijsluiter is updated every schooljaar; one dated before 1 August
/// of the current schooljaar is probably outdated.
/// Source: Model VWO 3.0 art. 5.6a (yearly update of the privacybijsluiter).
struct BsStale: Rule {
    let code = "BS-STALE"
    let severity = Severity.warning
    let source = "Model Verwerkersovereenkomst 3.0, art. 5.6a"

    func check(_ content: Content) -> [Diagnostic] {
        let start = content.today.schoolYearStart
        return content.bijsluiters.compactMap { b in
            guard b.soort?.value == .leermiddel || b.soort?.value == .beide, let datum = b.datum, datum.value < start else { return nil }
            return finding(at: datum.location, "deze bijsluiter is van vóór het huidige schooljaar (\(datum.value.dutch))",
                           hint: "vraag de leverancier om de bijsluiter voor schooljaar \(start.year)-\(start.year + 1) en pas versie en datum aan")
        }
    }
}
