/// BS-SOORT: the bijsluiter says whether the product is a leermiddel, informatiemiddel or both.
/// Source: Model VWO 3.0 art. 5.3; Bijlage 1 C.
struct BsSoort: BijsluiterRule {
    let code = "BS-SOORT"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, art. 5.3"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        return problem(with: b, in: context).map { [$0] } ?? []
    }

    private func problem(with b: Bijsluiter, in context: ItemContext) -> Diagnostic? {
        guard b.soort == nil else { return nil }
        return finding(at: b.endLocation, "de soort product (soort) ontbreekt",
                       hint: "voeg toe: 'soort: leermiddel', 'informatiemiddel' of 'beide'; dat bepaalt welke doelen mogen")
    }
}
