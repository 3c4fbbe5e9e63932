/// TXT-PLACEHOLDER: no template leftovers reach parents: `[naam school]`, `[datum]`, `[N.V.T.]`,
/// `<naam …>`, `…` or `...` as a value, `XXX`, in any case (`[Naam school]`). Bracketed text directly
/// followed by `(` or `[` is a Markdown link ("[mail de school](mailto:…)"), not a blank.
/// Source: seeds 001, 002, 003 (model texts published with their blanks unfilled).
struct TxtPlaceholder: FileRule {
    let code = "TXT-PLACEHOLDER"
    let severity = Severity.error
    let source = "seeds 001, 002, 003"

    nonisolated(unsafe) static let pattern = #/(?i:\[(?:[^\]\[()]{0,40}(?:naam|datum|school|invullen|n\.v\.t|nvt|adres|plaats|bestuur|organisatie|product|leverancier|e-?mail|telefoon|x{2,}|\.\.\.|…)[^\]\[()]{0,40})\](?![(\[])|<(?:naam|datum|school|invullen|adres|plaats)[^>]{0,40}>)|\bX{3,}\b|\bTODO\b|\bTBD\b|(?i:\bn\.?t\.?b\.?(?=\s|$|[.,;]))/#

    func check(_ file: TextValues.File) -> [Diagnostic] {
        var result: [Diagnostic] = []
        // By place: a value taken whole is a copy of its key and scalar (several references).
        for index in file.values.indices {
            let value = file.values[index].scalar.text
            let text = value.trimmedWhitespace
            if Self.isBlankValue(text) {
                result.append(finding(at: file.values[index].scalar.location, "'\(text)' is geen waarde maar een opengelaten plek",
                                      hint: "vul de echte gegevens in, of haal de regel weg als hij niet van toepassing is"))
                continue
            }
            if Self.mightMatch(value), let match = value.firstMatch(of: Self.pattern) {
                result.append(report(String(value[match.range]),
                                     at: TextValues.location(of: match.range, in: value, at: file.values[index].scalar.textStart)))
            }
        }
        // A line becomes a text of its own only when it might hold a blank. A blank's brackets
        // and words are on one line, so a body without any has no line with one.
        for slice in Self.mightMatch(file.bodyText) ? file.lines(where: Self.mightMatch(utf8:)) : [] {
            let line = Located(String(slice.value), at: slice.location)
            for match in line.value.matches(of: Self.pattern) {
                result.append(report(String(line.value[match.range]), at: TextValues.location(of: match.range, in: line.value, at: line.location)))
            }
        }
        return result
    }

    /// Values that are a blank as a whole (compared in lower case).
    static let blankValues: Set<String> = ["…", "...", "-", "?", "??", "xxx", "nader in te vullen", "in te vullen"]
    /// A longer text cannot be one of `blankValues` in lower case (lowercasing shortens a text by
    /// at most two thirds of its bytes), so it is not lowercased: most values are long.
    static let longestBlankValue = 3 * (blankValues.map(\.utf8.count).max() ?? 0)

    /// Whether `text` is one of `blankValues` in any case. An ASCII text is compared byte by
    /// byte, without making its lowercase copy: most values are short and ASCII.
    static func isBlankValue(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count <= longestBlankValue else { return false }
        guard ASCIIScan.isASCII(text) else { return blankValues.contains(text.lowercased()) }
        return blankValueBytes.contains { blank in blank.count == bytes.count && zip(blank, bytes).allSatisfy { $0 == ASCIIScan.lower($1) } }
    }

    private static let blankValueBytes = blankValues.map { Array($0.utf8) }

    /// Every bracketed blank the pattern finds contains one of these (lowercase, ASCII).
    static let blankWords = ["naam", "datum", "school", "invullen", "n.v.t", "nvt", "adres", "plaats", "bestuur", "organisatie",
                             "product", "leverancier", "mail", "telefoon", "xx", "..."]

    private static let markerNeedles = ASCIIScan.Needles(["xxx", "todo", "tbd", "ntb", "n.t.b"])
    private static let blankNeedles = ASCIIScan.Needles(blankWords)
    /// "…" in UTF-8.
    private static let ellipsis = Array("…".utf8)

    /// A cheap byte scan before the (slow) regex: every match needs one of these, and a bracketed
    /// blank needs one of `blankWords` between its brackets and no `(` or `[` right after it, which
    /// rules out the Markdown links most lines with brackets hold.
    static func mightMatch<Text: StringProtocol>(_ text: Text) -> Bool {
        var bytes = Substring(text)
        return bytes.withUTF8 { mightMatch(utf8: $0) }
    }

    /// `mightMatch` of a text's UTF-8 bytes.
    private static func mightMatch(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        holdsBracketedBlank(bytes) || ASCIIScan.containsAny(bytes: bytes, markerNeedles)
    }

    /// Whether a bracketed text that is no link holds one of `blankWords` or "…".
    private static func holdsBracketedBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        // Most text holds no bracket: it is passed over sixteen bytes at a time.
        while let index = ASCIIScan.firstIndex(of: UInt8(ascii: "["), or: UInt8(ascii: "<"), in: bytes, from: from) {
            from = index + 1
            let byte = bytes[index]
            let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ">")
            var end = index + 1
            while end < bytes.count, end - index < 120, bytes[end] != close, bytes[end] != byte { end += 1 }
            if end < bytes.count, bytes[end] == close {
                let followedByLink = close == UInt8(ascii: "]") && end + 1 < bytes.count
                    && (bytes[end + 1] == UInt8(ascii: "(") || bytes[end + 1] == UInt8(ascii: "["))
                // Read as bytes: Foundation's search for "…" in a string cost more than the rest of
                // the rule on pages with many brackets that are no links (footnotes, `<https://…>`).
                let inner = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
                if !followedByLink, ASCIIScan.containsAny(bytes: inner, blankNeedles) || ASCIIScan.contains(bytes: inner, sequence: ellipsis) {
                    return true
                }
            }
        }
        return false
    }

    private func report(_ text: String, at location: SourceLocation) -> Diagnostic {
        finding(at: location, "een invulplek uit een sjabloon is blijven staan: '\(text)'",
                hint: "vervang '\(text)' door de echte tekst")
    }
}
