/// BS-HISTORY: the change history is newest first and contains the current version, so parents
/// can see what changed (VWO art. 14.3: changes are announced).
/// Source: Model VWO 3.0 art. 14.3 and Bijlage 1 H.
struct BsHistory: BijsluiterRule {
    let code = "BS-HISTORY"
    let severity = Severity.warning
    let source = "Model Verwerkersovereenkomst 3.0, art. 14.3"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        guard let versie = b.versie.nonBlank else { return result }
        if !b.wijzigingen.isEmpty, !b.wijzigingen.contains(where: { $0.versie.nonBlank == versie }) {
            result.append(finding(at: b.versie?.location ?? b.location, "versie \(versie) staat niet in 'wijzigingen'",
                                  hint: "voeg bovenaan 'wijzigingen' toe wat er in versie \(versie) is veranderd"))
        }
        let dated = b.wijzigingen.compactMap(\.datum)
        for (newer, older) in zip(dated, dated.dropFirst()) where newer.value < older.value {
            result.append(finding(at: older.location, "de wijzigingen staan niet op volgorde (nieuwste eerst)",
                                  hint: "zet de nieuwste wijziging bovenaan"))
        }
        return result
    }
}
