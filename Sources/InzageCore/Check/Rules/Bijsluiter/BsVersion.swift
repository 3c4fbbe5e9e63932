/// BS-VERSION: the bijsluiter has a version and a date, and the date is not in the future.
/// Source: Model VWO 3.0 Bijlage 1 H (versie en datum).
struct BsVersion: BijsluiterRule {
    let code = "BS-VERSION"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, Bijlage 1 H"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if b.versie.nonBlank == nil {
            result.append(finding(at: b.versie?.location ?? b.endLocation, "het versienummer (versie) ontbreekt", hint: "voeg toe, bijvoorbeeld 'versie: \"1.0\"'"))
        }
        guard let datum = b.datum else {
            result.append(finding(at: b.endLocation, "de datum van deze versie (datum) ontbreekt", hint: "voeg toe, bijvoorbeeld 'datum: 2026-08-01'"))
            return result
        }
        if datum.value > context.today {
            result.append(finding(at: datum.location, "de datum \(datum.value.dutch) ligt in de toekomst",
                                  hint: "gebruik de datum waarop deze versie is vastgesteld"))
        }
        return result
    }
}
