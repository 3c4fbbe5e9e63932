/// BS-STALE: a leermiddel's bijsluiter is updated every schooljaar; one dated before 1 August
/// of the current schooljaar is probably outdated.
/// Source: Model VWO 3.0 art. 5.6a (yearly update of the privacybijsluiter).
struct BsStale: BijsluiterRule {
    let code = "BS-STALE"
    let severity = Severity.warning
    let source = "Model Verwerkersovereenkomst 3.0, art. 5.6a"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        problem(with: b, in: context).map { [$0] } ?? []
    }

    private func problem(with b: Bijsluiter, in context: ItemContext) -> Diagnostic? {
        let start = context.today.schoolYearStart
        guard b.soort?.value == .leermiddel || b.soort?.value == .beide, let datum = b.datum, datum.value < start else { return nil }
        return finding(at: datum.location, "deze bijsluiter is van vóór het huidige schooljaar (\(datum.value.dutch))",
                       hint: "vraag de leverancier om de bijsluiter voor schooljaar \(start.year)-\(start.year + 1) en pas versie en datum aan")
    }
}
