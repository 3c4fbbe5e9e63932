/// BS-RETENTION: the bijsluiter states how long data is kept, and never "onbepaald".
/// Source: Model VWO 3.0 art. 12 (deletion at the end of the agreement); AVG art. 5(1)(e).
struct BsRetention: BijsluiterRule {
    let code = "BS-RETENTION"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, art. 12; AVG art. 5 lid 1 sub e"

    static let indefinite = ["onbepaald", "onbeperkt", "voor altijd", "permanent", "oneindig", "geen termijn", "niet verwijderd"]

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        return problem(with: b, in: context).map { [$0] } ?? []
    }

    private func problem(with b: Bijsluiter, in context: ItemContext) -> Diagnostic? {
        guard let termijn = b.bewaartermijn, !termijn.isBlank else {
            return finding(at: b.bewaartermijn?.location ?? b.endLocation, "de bewaartermijn ontbreekt",
                           hint: "schrijf hoe lang de gegevens worden bewaard, bijvoorbeeld: tot één jaar na de laatste activiteit")
        }
        // The words are ASCII: a byte scan that ignores ASCII case finds what `lowercased()` would.
        guard ASCIIScan.containsAny(termijn.value, Self.indefinite),
              let word = Self.indefinite.first(where: { ASCIIScan.containsAny(termijn.value, [$0]) }) else { return nil }
        return finding(at: termijn.location, "een bewaartermijn mag niet '\(word)' zijn",
                       hint: "de verwerker moet gegevens verwijderen als ze niet meer nodig zijn; noem een termijn of een moment")
    }
}
