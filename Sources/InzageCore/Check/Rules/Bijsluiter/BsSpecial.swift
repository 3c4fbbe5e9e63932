/// BS-SPECIAL: a product that processes medical or religious data handles bijzondere
/// persoonsgegevens; the school should say so plainly and do a DPIA.
/// Source: AVG art. 9 (special categories) and art. 35 (DPIA).
struct BsSpecial: BijsluiterRule {
    let code = "BS-SPECIAL"
    let severity = Severity.warning
    let source = "AVG art. 9 en art. 35"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        b.categorieen.compactMap { entry -> Diagnostic? in
            guard entry.answer.isProcessed, let info = Categories.info(for: entry.key.value), info.isSpecial else { return nil }
            return finding(at: entry.key.location, "\(b.title) verwerkt bijzondere persoonsgegevens (\(info.label.lowercased()))",
                           hint: "dit mag alleen met een uitzondering uit artikel 9 AVG; laat een DPIA doen en leg uit waarom het nodig is")
        }
    }
}
