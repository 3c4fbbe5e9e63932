/// TXT-OUTDATED: old law and authority names and the pre-AVG breach deadline: Wbp, CBP, College
/// bescherming persoonsgegevens, Meldplicht "twee werkdagen".
/// Source: the AVG replaced the Wbp on 25 May 2018; the AP replaced the CBP in 2016; AVG art. 33 (72 hours).
struct TxtOutdated: FileRule {
    let code = "TXT-OUTDATED"
    let severity = Severity.warning
    let source = "AVG (sinds 25 mei 2018), art. 33"

    nonisolated(unsafe) static let terms: [(Regex<AnyRegexOutput>, String, String)] = [
        (Regex(#/\bWbp\b/#), "de Wbp geldt niet meer sinds 25 mei 2018", "schrijf 'de AVG' (Algemene verordening gegevensbescherming)"),
        (Regex(#/(?i)wet bescherming persoonsgegevens/#), "de Wet bescherming persoonsgegevens geldt niet meer sinds 25 mei 2018", "schrijf 'de AVG'"),
        (Regex(#/\bCBP\b/#), "het CBP heet sinds 2016 Autoriteit Persoonsgegevens", "schrijf 'de Autoriteit Persoonsgegevens (AP)'"),
        (Regex(#/(?i)college bescherming persoonsgegevens/#), "het College bescherming persoonsgegevens heet sinds 2016 Autoriteit Persoonsgegevens", "schrijf 'de Autoriteit Persoonsgegevens (AP)'"),
        (Regex(#/(?i)(twee|2) werkdagen/#), "'twee werkdagen' is de oude termijn; een datalek meldt u binnen 72 uur", "schrijf 'binnen 72 uur' (artikel 33 AVG)"),
    ]

    /// A cheap scan before the regexes: every match contains one of these words.
    static func mightMatch<Text: StringProtocol>(_ text: Text) -> Bool {
        ASCIIScan.containsAny(text, needles)
    }

    private static let needles = ASCIIScan.Needles(["wbp", "cbp", "bescherming persoonsgegevens", "werkdagen"])

    func check(_ file: TextValues.File) -> [Diagnostic] {
        // Only the few texts that might match are listed; body lines (slices of their files) are
        // copied only then.
        var texts: [Located<String>] = file.values.indices.compactMap { index in
            Self.mightMatch(file.values[index].scalar.text) ? Located(file.values[index].scalar.text, at: file.values[index].scalar.textStart) : nil
        }
        texts += (Self.mightMatch(file.bodyText) ? file.lines : []).compactMap { line in
            Self.mightMatch(line.value) ? Located(String(line.value), at: line.location) : nil
        }
        var result: [Diagnostic] = []
        for text in texts {
            for (pattern, message, hint) in Self.terms {
                if let match = text.value.firstMatch(of: pattern) {
                    result.append(finding(at: TextValues.location(of: match.range, in: text.value, at: text.location), message, hint: hint))
                }
            }
        }
        return result
    }
}
