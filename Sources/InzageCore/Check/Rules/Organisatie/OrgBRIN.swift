/// ORG-BRIN: every school has a BRIN code of 2 digits and 2 letters or digits, each unique.
/// A letter O where a digit belongs ("O4AB") gets the zero suggested; a zero where the letter O
/// fits ("120Y") is a valid code and left to ORG-BRIN-O.
/// Source: DUO BRIN format; seed 004 writes "120Y" where the BRIN is "12OY".
struct OrgBRIN: DocumentRule {
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

    /// The DUO format: 2 digits, then 2 capital letters or digits.
    static func isValid(_ brin: String) -> Bool {
        let chars = Array(brin)
        return chars.count == 4 && chars[0].isASCIIDigit && chars[1].isASCIIDigit
            && chars[2...].allSatisfy { $0.isASCIIDigit || ($0.isASCII && $0.isUppercase) }
    }

    static func hint(for brin: String) -> String {
        let chars = Array(brin.uppercased())
        if chars.count == 4, chars[..<2].contains("O") {
            // The letter O typed where DUO has a digit: the zero is meant.
            var fixed = chars
            for i in 0..<2 where fixed[i] == "O" { fixed[i] = "0" }
            let candidate = String(fixed)
            if isValid(candidate) {
                return "een BRIN-code begint met 2 cijfers: een 0 (nul), geen letter O; bedoelde u '\(candidate)'?"
            }
        }
        if chars.count == 4, isValid(brin.uppercased()) {
            return "schrijf de letters als hoofdletters: '\(brin.uppercased())'"
        }
        return "een BRIN-code is 2 cijfers gevolgd door 2 letters of cijfers, bijvoorbeeld 12OY"
    }
}
