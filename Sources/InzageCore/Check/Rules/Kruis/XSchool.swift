/// X-SCHOOL: every BRIN in a bijsluiter's `scholen` is a school of the board.
/// Source: consistency between bijsluiters and organisatie.yaml (per-school product lists).
struct XSchool: BijsluiterReadingRule {
    let code = "X-SCHOOL"
    let severity = Severity.error
    let source = "organisatie.yaml"

    func check(_ content: Content, bijsluiters: [BijsluiterSummary]) -> [Diagnostic] {
        guard content.organisatie != nil else { return [] }
        // While a school's own BRIN is missing or malformed (ORG-BRIN), a bijsluiter's correct code
        // cannot be matched to it: report nothing here rather than steer towards the broken code.
        guard content.scholen.allSatisfy({ $0.brinCode.map(OrgBRIN.isValid) ?? false }) else { return [] }
        var known: [String] = []
        for brin in content.scholen.compactMap(\.brinCode) where !known.contains(brin) { known.append(brin) }
        return bijsluiters.flatMap { b -> [Diagnostic] in
            guard case .brins(let brins) = b.scholen else { return [] }
            var result: [Diagnostic] = []
            if brins.isEmpty {
                result.append(finding(at: b.scholenKey ?? b.location, "'scholen' is leeg: geen enkele school gebruikt \(b.title)",
                                      hint: "schrijf 'scholen: alle' of de BRIN-codes van de scholen die het gebruiken"))
            }
            for brin in brins where !known.contains(brin.value.uppercased()) {
                let suggestion = EditDistance.suggestion(for: brin.value.uppercased(), among: known).map { "; bedoelde u '\($0)'?" } ?? ""
                result.append(finding(at: brin.location, "BRIN-code '\(brin.value)' is geen school uit organisatie.yaml\(suggestion)",
                                      hint: known.isEmpty ? "organisatie.yaml noemt nog geen scholen; zet ze onder 'scholen:'"
                                          : "bekende scholen: \(known.joined(separator: ", "))"))
            }
            return result
        }
    }
}
