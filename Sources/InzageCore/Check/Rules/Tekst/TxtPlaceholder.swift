/// TXT-PLACEHOLDER: no template leftovers reach parents: `[naam school]`, `[datum]`, `[N.V.T.]`,
/// `<naam …>`, `…` or `...` as a value, `XXX`, in any case (`[Naam school]`). Bracketed text directly
/// followed by `(` or `[` is a Markdown link ("[mail de school](mailto:…)"), not a blank.
/// Source: seeds 001, 002, 003 (model texts published with their blanks unfilled).
struct TxtPlaceholder: Rule {
    let code = "TXT-PLACEHOLDER"
    let severity = Severity.error
    let source = "seeds 001, 002, 003"

    nonisolated(unsafe) static let pattern = #/(?i:\[(?:[^\]\[()]{0,40}(?:naam|datum|school|invullen|n\.v\.t|nvt|adres|plaats|bestuur|organisatie|product|leverancier|e-?mail|telefoon|x{2,}|\.\.\.|…)[^\]\[()]{0,40})\](?![(\[])|<(?:naam|datum|school|invullen|adres|plaats)[^>]{0,40}>)|\bX{3,}\b|\bTODO\b|\bTBD\b|(?i:\bn\.?t\.?b\.?(?=\s|$|[.,;]))/#

    func check(_ content: Content) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for value in TextValues.all(in: content) {
            let text = value.scalar.text.trimmedWhitespace
            if ["…", "...", "-", "?", "??", "xxx", "nader in te vullen", "in te vullen"].contains(text.lowercased()) {
                result.append(finding(at: value.scalar.location, "'\(text)' is geen waarde maar een opengelaten plek",
                                      hint: "vul de echte gegevens in, of haal de regel weg als hij niet van toepassing is"))
                continue
            }
            if Self.mightMatch(value.scalar.text), let match = value.scalar.text.firstMatch(of: Self.pattern) {
                result.append(report(String(value.scalar.text[match.range]),
                                     at: TextValues.location(of: match.range, in: value.scalar.text, at: value.scalar.textStart)))
            }
        }
        for line in TextValues.bodyLines(in: content) {
            for match in Self.mightMatch(line.value) ? line.value.matches(of: Self.pattern) : [] {
                result.append(report(String(line.value[match.range]), at: TextValues.location(of: match.range, in: line.value, at: line.location)))
            }
        }
        return result
    }

    /// A cheap byte scan before the (slow) regex: every match has one of these.
    static func mightMatch(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "<"): return true
            case UInt8(ascii: "X") where previous == UInt8(ascii: "X"): return true
            case UInt8(ascii: "O") where previous == UInt8(ascii: "D"): return true  // TODO
            case UInt8(ascii: "B") where previous == UInt8(ascii: "T"): return true  // TBD
            case UInt8(ascii: "b"), UInt8(ascii: "B"):
                if previous == UInt8(ascii: "t") || previous == UInt8(ascii: "T") || previous == UInt8(ascii: ".") { return true }  // ntb, n.t.b.
            default: break
            }
            previous = byte
        }
        return false
    }

    private func report(_ text: String, at location: SourceLocation) -> Diagnostic {
        finding(at: location, "een invulplek uit een sjabloon is blijven staan: '\(text)'",
                hint: "vervang '\(text)' door de echte tekst")
    }
}
