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
        /// The same pattern for a text of ASCII alone (`ASCIIPattern`), which a regular expression
        /// took about 20 µs to search: with the term on every page, 10 000 runs.
        let ascii: ASCIIPattern

        init(_ pattern: Regex<AnyRegexOutput>, _ message: String, _ hint: String, words: [String], ascii: ASCIIPattern) {
            self.pattern = pattern
            self.message = message
            self.hint = hint
            wordList = words
            self.words = ASCIIScan.Needles(words)
            self.ascii = ascii
        }

        /// Where the pattern first matches in `text`.
        func firstMatch(in text: String) -> Range<String.Index>? {
            ASCIIScan.isASCII(text) ? ascii.firstMatch(in: text) : text.firstMatch(of: pattern)?.range
        }
    }

    static let terms: [Term] = [
        Term(Regex(#/\bWbp\b/#), "de Wbp geldt niet meer sinds 25 mei 2018", "schrijf 'de AVG' (Algemene verordening gegevensbescherming)",
             words: ["wbp"], ascii: ASCIIPattern(["Wbp"], caseSensitive: true, boundaryBefore: true, boundaryAfter: true)),
        Term(Regex(#/(?i)wet bescherming persoonsgegevens/#), "de Wet bescherming persoonsgegevens geldt niet meer sinds 25 mei 2018",
             "schrijf 'de AVG'", words: ["wet bescherming persoonsgegevens"],
             ascii: ASCIIPattern(["wet bescherming persoonsgegevens"], caseSensitive: false, boundaryBefore: false, boundaryAfter: false)),
        Term(Regex(#/\bCBP\b/#), "het CBP heet sinds 2016 Autoriteit Persoonsgegevens", "schrijf 'de Autoriteit Persoonsgegevens (AP)'",
             words: ["cbp"], ascii: ASCIIPattern(["CBP"], caseSensitive: true, boundaryBefore: true, boundaryAfter: true)),
        Term(Regex(#/(?i)college bescherming persoonsgegevens/#), "het College bescherming persoonsgegevens heet sinds 2016 Autoriteit Persoonsgegevens",
             "schrijf 'de Autoriteit Persoonsgegevens (AP)'", words: ["college bescherming persoonsgegevens"],
             ascii: ASCIIPattern(["college bescherming persoonsgegevens"], caseSensitive: false, boundaryBefore: false, boundaryAfter: false)),
        Term(Regex(#/(?i)\b(twee|2) werkdagen/#), "'twee werkdagen' is de oude termijn; een datalek meldt u binnen 72 uur",
             "schrijf 'binnen 72 uur' (artikel 33 AVG)", words: ["twee werkdagen", "2 werkdagen"],
             ascii: ASCIIPattern(["twee werkdagen", "2 werkdagen"], caseSensitive: false, boundaryBefore: true, boundaryAfter: false)),
    ]

    /// A term's pattern for texts of ASCII alone: one of `alternatives` (ASCII), in any case
    /// unless `caseSensitive`, where a word boundary stands before or after it if asked. Word
    /// boundaries are Unicode's (UAX #29), as a regular expression's `\b` finds them, which for
    /// ASCII come down to: no boundary between letters, digits and `_` (WB5, WB8–10, WB13a–b),
    /// nor around `:`, `.` or `'` between two letters (WB6–7), nor around `,`, `;`, `.` or `'`
    /// between two digits (WB11–12); a boundary everywhere else and at either end.
    struct ASCIIPattern: Sendable {
        let alternatives: [[UInt8]]
        let caseSensitive: Bool
        let boundaryBefore: Bool
        let boundaryAfter: Bool

        init(_ alternatives: [String], caseSensitive: Bool, boundaryBefore: Bool, boundaryAfter: Bool) {
            self.alternatives = alternatives.map { Array(caseSensitive ? $0.utf8 : $0.lowercased().utf8) }
            self.caseSensitive = caseSensitive
            self.boundaryBefore = boundaryBefore
            self.boundaryAfter = boundaryAfter
        }

        /// The leftmost match in `text` (ASCII), as the regular expression finds it.
        func firstMatch(in text: String) -> Range<String.Index>? {
            var text = text
            let found: (start: Int, end: Int)? = text.withUTF8 { bytes in
                for start in bytes.indices {
                    for alternative in alternatives where start + alternative.count <= bytes.count {
                        var matched = true
                        for (offset, byte) in alternative.enumerated() {
                            let actual = bytes[start + offset]
                            if (caseSensitive ? actual : Self.lowered(actual)) != byte { matched = false; break }
                        }
                        let end = start + alternative.count
                        if matched, !boundaryBefore || Self.isBoundary(at: start, in: bytes),
                           !boundaryAfter || Self.isBoundary(at: end, in: bytes) {
                            return (start, end)
                        }
                    }
                }
                return nil
            }
            guard let found else { return nil }
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: found.start)
            return start..<utf8.index(start, offsetBy: found.end - found.start)
        }

        private static func lowered(_ byte: UInt8) -> UInt8 {
            byte >= 65 && byte <= 90 ? byte + 32 : byte
        }

        /// What a byte of ASCII is to the word boundaries of UAX #29.
        enum Kind { case letter, digit, underscore, midLetter, midNumLetQ, midNum, other }

        static func kind(_ byte: UInt8) -> Kind {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): .letter
            case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
            case UInt8(ascii: "_"): .underscore
            case UInt8(ascii: ":"): .midLetter
            case UInt8(ascii: "."), UInt8(ascii: "'"): .midNumLetQ
            case UInt8(ascii: ","), UInt8(ascii: ";"): .midNum
            default: .other
            }
        }

        /// Whether a word boundary stands before `bytes[index]` (at the ends: always).
        static func isBoundary(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard index > 0, index < bytes.count else { return true }
            let before = kind(bytes[index - 1]), after = kind(bytes[index])
            func isWord(_ kind: Kind) -> Bool { kind == .letter || kind == .digit || kind == .underscore }
            if isWord(before) && isWord(after) { return false }
            // WB6–7: a letter, then ":", "." or "'", then a letter.
            if before == .letter, after == .midLetter || after == .midNumLetQ, index + 1 < bytes.count, kind(bytes[index + 1]) == .letter { return false }
            if after == .letter, before == .midLetter || before == .midNumLetQ, index >= 2, kind(bytes[index - 2]) == .letter { return false }
            // WB11–12: a digit, then ",", ";", "." or "'", then a digit.
            if before == .digit, after == .midNum || after == .midNumLetQ, index + 1 < bytes.count, kind(bytes[index + 1]) == .digit { return false }
            if after == .digit, before == .midNum || before == .midNumLetQ, index >= 2, kind(bytes[index - 2]) == .digit { return false }
            return true
        }
    }

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
                if let range = term.firstMatch(in: text.value) {
                    result.append(finding(at: TextValues.location(of: range, in: text.value, at: text.location), term.message, hint: term.hint))
                }
            }
        }
        return result
    }
}
