/// BS-VWO: the verwerkersovereenkomst the bijsluiter rests on is signed: its `getekend` date is
/// not in the future (an agreement still to be signed cannot cover processing that is published as running).
/// Source: AVG art. 28 lid 3 (processing by a verwerker is governed by a signed agreement); Model VWO Bijlage 1.
struct BsOvereenkomst: BijsluiterRule {
    let code = "BS-VWO"
    let severity = Severity.error
    let source = "AVG art. 28 lid 3; Model Verwerkersovereenkomst, Bijlage 1"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        return problem(with: b, in: context).map { [$0] } ?? []
    }

    private func problem(with b: Bijsluiter, in context: ItemContext) -> Diagnostic? {
        guard let getekend = b.verwerkersovereenkomst?.getekend, getekend.value > context.today else { return nil }
        return finding(at: getekend.location, "de verwerkersovereenkomst is getekend op \(getekend.value.dutch): die datum ligt in de toekomst",
                       hint: "vul de datum in waarop de overeenkomst echt is getekend; publiceer de bijsluiter pas als de overeenkomst getekend is")
    }
}
