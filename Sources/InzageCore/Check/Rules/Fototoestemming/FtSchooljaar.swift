/// FT-SCHOOLJAAR: the schooljaar is written as two consecutive years ("2026-2027") and the reminder
/// date falls inside it.
/// Source: seed 001 ch. 7 (a yearly reminder, per schooljaar).
struct FtSchooljaar: DocumentRule {
    let code = "FT-SCHOOLJAAR"
    let severity = Severity.error
    let source = "privacyprotocol hoofdstuk 7 (seed 001)"

    func check(_ content: Content) -> [Diagnostic] {
        guard let ft = content.fototoestemming else { return [] }
        guard let jaar = ft.schooljaar, !jaar.isBlank else {
            return [finding(at: ft.location, "het schooljaar ontbreekt", hint: "voeg toe, bijvoorbeeld 'schooljaar: 2026-2027'")]
        }
        let parts = jaar.value.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[1] == parts[0] + 1, parts[0] > 1999 else {
            return [finding(at: jaar.location, "'\(jaar.value)' is geen schooljaar", hint: "schrijf twee opeenvolgende jaren, bijvoorbeeld 2026-2027")]
        }
        if let datum = ft.herinneringDatum, let start = SchoolDate(year: parts[0], month: 8, day: 1),
           datum.value < start || datum.value >= start.adding(months: 12) {
            return [finding(at: datum.location, "de herinnering (\(datum.value.dutch)) valt niet in schooljaar \(jaar.value)",
                            hint: "kies een datum tussen 1 augustus \(parts[0]) en 31 juli \(parts[1])")]
        }
        return []
    }
}
