/// ORG-BRIN: every school has a BRIN code of 2 digits and 2 letters or digits, each unique.
/// A zero beside a letter ("120Y") is refused with the letter O suggested.
/// Source: DUO BRIN format; seed 004 writes "120Y" where the BRIN is "12OY".
struct OrgBRIN: Rule {
    let code = "ORG-BRIN"
    let severity = Severity.error
    let source = "DUO, BRIN-nummer; seed 004"

    func check(_ content: Content) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for school in content.scholen {
            guard let brin = school.brin, !brin.isBlank else {
                result.append(finding(at: school.brin?.location ?? school.endLocation, "de BRIN-code van \(school.naam.nonBlank ?? "deze school") ontbreekt",
                                      hint: "voeg 'brin:' toe, bijvoorbeeld 'brin: 12OY' (te vinden op duo.nl)"))
                continue
            }
            if !Self.isValid(brin.value) {
                result.append(finding(at: brin.location, "'\(brin.value)' is geen geldige BRIN-code", hint: Self.hint(for: brin.value)))
            }
            if let first = seen[brin.value.uppercased()] {
                result.append(finding(at: brin.location, "BRIN-code '\(brin.value)' staat ook al op regel \(first.line)",
                                      hint: "elke school heeft een eigen BRIN-code"))
            } else {
                seen[brin.value.uppercased()] = brin.location
            }
        }
        return result
    }

    static func isValid(_ brin: String) -> Bool {
        let chars = Array(brin)
        guard chars.count == 4 else { return false }
        guard chars[0].isASCIIDigit && chars[1].isASCIIDigit
            && chars[2...].allSatisfy({ $0.isASCIIDigit || ($0.isASCII && $0.isUppercase) }) else { return false }
        // A zero beside a letter ("120Y", "12Y0") is the letter O mistyped (seed 004): DUO codes end
        // in two letters or two digits.
        return !((chars[2] == "0" && chars[3].isLetter) || (chars[3] == "0" && chars[2].isLetter))
    }

    static func hint(for brin: String) -> String {
        let chars = Array(brin)
        if chars.count == 4, chars[2...].contains("0") {
            var fixed = chars
            for i in 2..<4 where fixed[i] == "0" { fixed[i] = "O" }
            let candidate = String(fixed)
            if isValid(candidate) {
                return "een BRIN-code is 2 cijfers en 2 letters of cijfers; bedoelde u de letter O: '\(candidate)'?"
            }
        }
        if chars.count == 4, isValid(brin.uppercased()) {
            return "schrijf de letters als hoofdletters: '\(brin.uppercased())'"
        }
        return "een BRIN-code is 2 cijfers gevolgd door 2 letters of cijfers, bijvoorbeeld 12OY"
    }
}
