/// BS-BSN: a leermiddel never processes the BSN/PGN; only what the law requires may.
/// Source: AVG art. 87, UAVG art. 46 (BSN only where a law prescribes it).
struct BsBSN: BijsluiterRule {
    let code = "BS-BSN"
    let severity = Severity.error
    let source = "AVG art. 87, UAVG art. 46"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        return problem(with: b, in: context).map { [$0] } ?? []
    }

    private func problem(with b: Bijsluiter, in context: ItemContext) -> Diagnostic? {
        guard b.soort?.value == .leermiddel, let entry = b.category("bsn"), entry.answer.isProcessed else { return nil }
        return finding(at: entry.key.location, "een leermiddel mag het BSN/PGN niet verwerken",
                       hint: "het BSN mag alleen worden gebruikt als een wet dat voorschrijft; gebruik het ECK-ID of een eigen nummer")
    }
}
