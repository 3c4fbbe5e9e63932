/// ORG-BRIN-O: a valid BRIN code with the digit 0 beside a letter ("120Y") is often the letter O
/// mistyped; the code may still be right, so this only asks to check it.
/// Source: seed 004 writes "120Y" where the school's BRIN is "12OY".
struct OrgBRINO: DocumentRule {
    let code = "ORG-BRIN-O"
    let severity = Severity.warning
    let source = "DUO, BRIN-nummer; seed 004 (\"120Y\" voor \"12OY\")"

    func check(_ content: Content) -> [Diagnostic] {
        content.scholen.compactMap { school in
            guard let brin = school.brin, OrgBRIN.isValid(brin.value), let candidate = Self.withLetterO(brin.value) else { return nil }
            return finding(at: brin.location, "'\(brin.value)' heeft het cijfer 0 naast een letter; bedoelde u de letter O: '\(candidate)'?",
                           hint: "kijk op duo.nl welke code de school heeft; staat er een O, schrijf dan '\(candidate)'")
        }
    }

    /// The code with a 0 beside a letter in the last two places read as the letter O; nil when there is none.
    static func withLetterO(_ brin: String) -> String? {
        var chars = Array(brin)
        guard chars.count == 4 else { return nil }
        if chars[2] == "0", chars[3].isLetter { chars[2] = "O" } else if chars[3] == "0", chars[2].isLetter { chars[3] = "O" } else { return nil }
        return String(chars)
    }
}
