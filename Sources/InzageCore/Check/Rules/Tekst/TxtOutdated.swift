/// TXT-OUTDATED: old law and authority names and the pre-AVG breach deadline: Wbp, CBP, College
/// bescherming persoonsgegevens, Meldplicht "twee werkdagen".
/// Source: the AVG replaced the Wbp on 25 May 2018; the AP replaced the CBP in 2016; AVG art. 33 (72 hours).
struct TxtOutdated: FileRule {
    let code = "TXT-OUTDATED"
    let severity = Severity.warning
    let source = "AVG (sinds 25 mei 2018), art. 33"

    /// Each outdated term: its pattern, message and hint, and words that every match of the
    /// pattern contains (lowercase; compared ASCII case-insensitively). A pattern is run only on a
    /// text holding one of its words: Swift's regular expressions cost about 15 µs a line, and a
    /// line such as "binnen tien werkdagen" ran all of them on every page of a large site.
    struct Term: @unchecked Sendable {
        let pattern: Regex<AnyRegexOutput>
        let message: String
        let hint: String
        let wordList: [String]
        let words: ASCIIScan.Needles

        init(_ pattern: Regex<AnyRegexOutput>, _ message: String, _ hint: String, words: [String]) {
            self.pattern = pattern
            self.message = message
            self.hint = hint
            wordList = words
            self.words = ASCIIScan.Needles(words)
        }
    }

    static let terms: [Term] = [
        Term(Regex(#/\bWbp\b/#), "de Wbp geldt niet meer sinds 25 mei 2018", "schrijf 'de AVG' (Algemene verordening gegevensbescherming)",
             words: ["wbp"]),
        Term(Regex(#/(?i)wet bescherming persoonsgegevens/#), "de Wet bescherming persoonsgegevens geldt niet meer sinds 25 mei 2018",
             "schrijf 'de AVG'", words: ["wet bescherming persoonsgegevens"]),
        Term(Regex(#/\bCBP\b/#), "het CBP heet sinds 2016 Autoriteit Persoonsgegevens", "schrijf 'de Autoriteit Persoonsgegevens (AP)'",
             words: ["cbp"]),
        Term(Regex(#/(?i)college bescherming persoonsgegevens/#), "het College bescherming persoonsgegevens heet sinds 2016 Autoriteit Persoonsgegevens",
             "schrijf 'de Autoriteit Persoonsgegevens (AP)'", words: ["college bescherming persoonsgegevens"]),
        Term(Regex(#/(?i)\b(twee|2) werkdagen/#), "'twee werkdagen' is de oude termijn; een datalek meldt u binnen 72 uur",
             "schrijf 'binnen 72 uur' (artikel 33 AVG)", words: ["twee werkdagen", "2 werkdagen"]),
    ]

    /// A cheap scan before the regexes: every match contains one of these words.
    static func mightMatch<Text: StringProtocol>(_ text: Text) -> Bool {
        ASCIIScan.containsAny(text, needles)
    }

    /// Every term's words.
    private static let needles = ASCIIScan.Needles(terms.flatMap(\.wordList))

    func check(_ file: TextValues.File) -> [Diagnostic] {
        // Only the few texts that might match are listed; body lines (slices of their files) are
        // copied only then.
        var texts: [Located<String>] = file.values.indices.compactMap { index in
            Self.mightMatch(file.values[index].scalar.text) ? Located(file.values[index].scalar.text, at: file.values[index].scalar.textStart) : nil
        }
        if Self.mightMatch(file.bodyText) {
            texts += file.lines(where: { ASCIIScan.containsAny(bytes: $0, Self.needles) }).map { Located(String($0.value), at: $0.location) }
        }
        var result: [Diagnostic] = []
        for text in texts {
            for term in Self.terms where ASCIIScan.containsAny(text.value, term.words) {
                if let match = text.value.firstMatch(of: term.pattern) {
                    result.append(finding(at: TextValues.location(of: match.range, in: text.value, at: text.location), term.message, hint: term.hint))
                }
            }
        }
        return result
    }
}
