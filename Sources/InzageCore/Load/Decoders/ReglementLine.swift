/// What the reglement's parser and its page look for in a line: article and paragraph headings,
/// numbered paragraph lines and references to articles. The regexes of `ReglementParser` define
/// them; a line of plain ASCII text (no line-break controls) is read byte by byte instead, which
/// finds exactly what the regex finds (`ReglementLineTests` compares the two). A Swift regex
/// costs about as much to compile as the rest of a small reglement takes to read, and far more
/// per line than these scans.
enum ReglementLine {
    /// A heading's number ("4", "4.3") and the text after it (nil when nothing follows).
    struct Heading: Equatable {
        let number: Substring
        let title: Substring?
    }

    /// A reference ("artikel 6.3.1", "artikelen 4", "artikel 5 lid 2"): where it stands, the
    /// number it names and its lid.
    struct Reference: Equatable {
        let range: Range<String.Index>
        let number: Substring
        let lid: Substring?
    }

    /// `## Artikel 4 Titel`.
    static func articleHeading(_ text: String) -> Heading? {
        guard isPlain(text) else {
            return text.wholeMatch(of: ReglementParser.articleHeading).map { Heading(number: $0.1, title: $0.2) }
        }
        var line = Cursor(text)
        guard line.skip("##"), line.skipSpaces(), line.skipArtikel(), line.skipSpaces(), let number = line.digits() else { return nil }
        return line.headingEnd().map { Heading(number: number, title: $0) }
    }

    /// `### 4.3 Titel`.
    static func paragraphHeading(_ text: String) -> Heading? {
        guard isPlain(text) else {
            return text.wholeMatch(of: ReglementParser.paragraphHeading).map { Heading(number: $0.1, title: $0.2) }
        }
        var line = Cursor(text)
        guard line.skip("###"), line.skipSpaces(), let number = line.number(groups: 1) else { return nil }
        return line.headingEnd().map { Heading(number: number, title: $0) }
    }

    /// `4.3.1. Tekst`: the number.
    static func paragraphLine(_ text: String) -> Substring? {
        guard isPlain(text) else { return text.wholeMatch(of: ReglementParser.paragraphLine)?.1 }
        var line = Cursor(text)
        guard let number = line.number(groups: 1), line.skip("."), line.skipSpaces() else { return nil }
        return number
    }

    /// Every reference in the line, left to right.
    static func references(in text: String) -> [Reference] {
        guard isPlain(text) else {
            return text.matches(of: ReglementParser.reference).map { Reference(range: $0.range, number: $0.1, lid: $0.2) }
        }
        var found: [Reference] = []
        var start = text.startIndex
        while start < text.endIndex {
            var line = Cursor(text, at: start)
            if line.skipArtikel() {
                var plural = line
                if plural.skip("en"), plural.skipSpaces() {
                    line = plural
                } else if !line.skipSpaces() {
                    start = text.utf8.index(after: start)
                    continue
                }
                if let number = line.number(groups: 0) {
                    var lid: Substring?
                    var withLid = line
                    if withLid.skipSpaces(), withLid.skip("lid"), withLid.skipSpaces(), let digits = withLid.digits() {
                        lid = digits
                        line = withLid
                    }
                    found.append(Reference(range: start..<line.index, number: number, lid: lid))
                    start = line.index
                    continue
                }
            }
            start = text.utf8.index(after: start)
        }
        return found
    }

    /// A heading's text "Artikel 4 …": the number.
    static func articleTitle(_ text: String) -> Substring? {
        guard isPlain(text) else { return text.wholeMatch(of: ReglementParser.articleTitle)?.1 }
        var line = Cursor(text)
        guard line.skipArtikel(), line.skipSpaces() else { return nil }
        return line.digits()
    }

    /// A heading's text "4.3 …": the number.
    static func paragraphTitle(_ text: String) -> Substring? {
        guard isPlain(text) else { return text.wholeMatch(of: ReglementParser.paragraphTitle)?.1 }
        var line = Cursor(text)
        guard let number = line.number(groups: 1) else { return nil }
        _ = line.skip(".")
        return line.atEnd || line.skipSpace() ? number : nil
    }

    /// ASCII without line-break controls (LF, VT, FF, CR), which the regexes' `.` does not match:
    /// there `\s` is a space or a tab, `\d` a digit 0–9 and `.` any byte.
    static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && ($0 < 0x0A || $0 > 0x0D) }
    }

    /// A position in a plain line, moved forward by what it reads.
    private struct Cursor {
        let text: String
        var index: String.Index

        init(_ text: String, at index: String.Index? = nil) {
            self.text = text
            self.index = index ?? text.startIndex
        }

        var atEnd: Bool { index == text.endIndex }
        private var byte: UInt8? { atEnd ? nil : text.utf8[index] }

        private static func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        private static func isSpace(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }

        private mutating func advance() { index = text.utf8.index(after: index) }

        /// Reads `literal` exactly.
        mutating func skip(_ literal: StaticString) -> Bool {
            var probe = index
            for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
                guard probe < text.endIndex, text.utf8[probe] == expected else { return false }
                probe = text.utf8.index(after: probe)
            }
            index = probe
            return true
        }

        /// "Artikel" or "artikel".
        mutating func skipArtikel() -> Bool {
            guard byte == UInt8(ascii: "A") || byte == UInt8(ascii: "a") else { return false }
            var probe = self
            probe.advance()
            guard probe.skip("rtikel") else { return false }
            self = probe
            return true
        }

        /// One white-space character.
        mutating func skipSpace() -> Bool {
            guard Self.isSpace(byte) else { return false }
            advance()
            return true
        }

        /// One or more white-space characters (`\s+`).
        mutating func skipSpaces() -> Bool {
            guard skipSpace() else { return false }
            while skipSpace() {}
            return true
        }

        /// One or more digits (`\d+`).
        mutating func digits() -> Substring? {
            let start = index
            while Self.isDigit(byte) { advance() }
            return start == index ? nil : text[start..<index]
        }

        /// `\d+(?:\.\d+)*` with at least `groups` dotted groups, read as far as it goes (any shorter
        /// reading leaves a dot and a digit, which none of the patterns accepts next).
        mutating func number(groups minimum: Int) -> Substring? {
            let start = index
            guard digits() != nil else { return nil }
            var groups = 0
            while byte == UInt8(ascii: "."), Self.isDigit(next) {
                advance()
                _ = digits()
                groups += 1
            }
            guard groups >= minimum else {
                index = start
                return nil
            }
            return text[start..<index]
        }

        private var next: UInt8? {
            guard !atEnd else { return nil }
            let after = text.utf8.index(after: index)
            return after == text.endIndex ? nil : text.utf8[after]
        }

        /// After a heading's number: `\.?(?:\s+(.*))?$`. The title (empty when only white space
        /// follows), nil when nothing follows; nil overall (no heading) when something else follows.
        mutating func headingEnd() -> Substring?? {
            _ = skip(".")
            if atEnd { return .some(nil) }
            guard skipSpaces() else { return nil }
            return .some(text[index...])
        }
    }
}
