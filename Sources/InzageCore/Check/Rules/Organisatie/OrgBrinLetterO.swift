/// ORG-BRIN-O: a BRIN with the digit 0 where DUO codes usually have the letter O ("120Y" for
/// "12OY") is probably mistyped; the code is valid in form, so this is a warning with the fix.
/// Source: DUO BRIN-nummer (2 digits, 2 letters); seed 004 writes "120Y".
struct OrgBrinLetterO: Rule {
    let code = "ORG-BRIN-O"
    let severity = Severity.warning
    let source = "DUO, BRIN-nummer; seed 004"

    func check(_ content: Content) -> [Diagnostic] {
        content.scholen.compactMap { school in
            guard let brin = school.brin, OrgBRIN.isValid(brin.value) else { return nil }
            let chars = Array(brin.value)
            // "0" next to a letter in the letter part: 12O0 and 120Y read as typos, 1200 does not.
            let suspicious = (chars[2] == "0" && chars[3].isLetter) || (chars[3] == "0" && chars[2].isLetter)
            guard suspicious else { return nil }
            let fixed = String(chars[0...1]) + String(chars[2...3]).replacingOccurrences(of: "0", with: "O")
            return finding(at: brin.location, "BRIN-code '\(brin.value)' bevat een nul waar meestal de letter O staat",
                           hint: "bedoelde u '\(fixed)'? Controleer de code op duo.nl")
        }
    }
}
