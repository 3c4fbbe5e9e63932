/// What the reglement's parser and its page look for in a line: article and paragraph headings,
/// numbered paragraph lines and references to articles. The regexes of `ReglementParser` define
/// them; a line is read byte by byte instead, which finds exactly what the regex finds
/// (`ReglementLineTests` compares the two), as long as every byte the reading looks at is ASCII:
/// the part a pattern decides on ("## Artikel 4 "), not the title after it, which may be any
/// text without a line break. When the reading meets another byte where it decides (a letter
/// with a combining accent, a non-breaking space), the regex reads the line. References are read
/// byte by byte only in lines of ASCII. A Swift regex costs about as much to compile as the rest
/// of a small reglement takes to read, and far more per line than these scans.
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
        read(text) { line in
            guard line.skip("##"), line.skipSpaces(), line.skipArtikel(), line.skipSpaces(), let number = line.digits() else { return nil }
            return line.headingEnd().map { Heading(number: number, title: $0) }
        } regex: {
            text.wholeMatch(of: ReglementParser.articleHeading).map { Heading(number: $0.1, title: $0.2) }
        }
    }

    /// `### 4.3 Titel`.
    static func paragraphHeading(_ text: String) -> Heading? {
        read(text) { line in
            guard line.skip("###"), line.skipSpaces(), let number = line.number(groups: 1) else { return nil }
            return line.headingEnd().map { Heading(number: number, title: $0) }
        } regex: {
            text.wholeMatch(of: ReglementParser.paragraphHeading).map { Heading(number: $0.1, title: $0.2) }
        }
    }

    /// `4.3.1. Tekst`: the number.
    static func paragraphLine(_ text: String) -> Substring? {
        read(text) { line in
            guard let number = line.number(groups: 1), line.skip("."), line.skipSpaces() else { return nil }
            return number
        } regex: {
            text.wholeMatch(of: ReglementParser.paragraphLine)?.1
        }
    }

    /// Every reference in the line, left to right.
    static func references(in text: String) -> [Reference] {
        guard isASCII(text) else {
            return text.matches(of: ReglementParser.reference).map { Reference(range: $0.range, number: $0.1, lid: $0.2) }
        }
        var found: [Reference] = []
        var start = text.startIndex
        while start < text.endIndex {
            var line = Cursor(text, at: start, knownWithoutLineBreak: true)
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
        read(text) { line in
            // `digits` looks at the character after the number too: a mark there would join its last digit.
            guard line.skipArtikel(), line.skipSpaces(), let number = line.digits() else { return nil }
            return number
        } regex: {
            text.wholeMatch(of: ReglementParser.articleTitle)?.1
        }
    }

    /// A heading's text "4.3 …": the number.
    static func paragraphTitle(_ text: String) -> Substring? {
        read(text) { line in
            guard let number = line.number(groups: 1) else { return nil }
            _ = line.skip(".")
            if line.atEnd { return number }
            guard line.skipSpace() else { return nil }
            line.noteCharacter()
            return number
        } regex: {
            text.wholeMatch(of: ReglementParser.paragraphTitle)?.1
        }
    }

    /// The byte-by-byte reading of `text`, or the regex's when that reading had to decide on a
    /// character other than ASCII.
    private static func read<Found>(_ text: String, _ fast: (inout Cursor) -> Found?, regex: () -> Found?) -> Found? {
        var line = Cursor(text)
        let found = fast(&line)
        return line.decidedOnASCII ? found : regex()
    }

    /// ASCII without line-break controls (LF, VT, FF, CR), which the regexes' `.` does not match:
    /// there `\s` is a space or a tab, `\d` a digit 0–9 and `.` any byte.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && ($0 < 0x0A || $0 > 0x0D) }
    }

    /// Whether the text holds a line break of any kind (LF, VT, FF, CR, NEL, LS, PS): the
    /// regexes' `.` matches none of them, so such a line is always left to the regex.
    static func hasLineBreak(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x0A && byte <= 0x0D { return true }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 { return true }
            if previous == 0xC2, byte == 0x85 { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A position in a plain line, moved forward by what it reads.
    private struct Cursor {
        let text: String
        var index: String.Index
        /// Whether every byte a decision was made on was ASCII (and the text has no line break):
        /// only then does the reading mean what the regex means.
        private(set) var decidedOnASCII: Bool

        /// - Parameter knownWithoutLineBreak: the caller checked the text for line breaks already.
        init(_ text: String, at index: String.Index? = nil, knownWithoutLineBreak: Bool = false) {
            self.text = text
            self.index = index ?? text.startIndex
            decidedOnASCII = knownWithoutLineBreak || !ReglementLine.hasLineBreak(text)
        }

        var atEnd: Bool { index == text.endIndex }

        /// The byte at the cursor, for a decision. Another character than ASCII reads as `other`
        /// when the regex would decide the same on it as on a letter: no white space, no digit, and
        /// no mark that joins the character before it. Any other decision is left to the regex.
        private var byte: UInt8? {
            mutating get {
                guard !atEnd else { return nil }
                let byte = text.utf8[index]
                guard byte >= 0x80 else { return byte }
                if !Self.isPlainOther(text, at: index) { decidedOnASCII = false }
                return Self.other
            }
        }

        /// Stands for a character that is no white space, digit or joining mark.
        static let other: UInt8 = 0xFF

        private static func isPlainOther(_ text: String, at index: String.Index) -> Bool {
            guard let first = text.unicodeScalars[index...].first, let character = text[index...].first else { return false }
            let joins = first.properties.isGraphemeExtend || first.properties.generalCategory == .spacingMark || first == "\u{200D}"
            return !joins && character.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0.properties.numericType == nil }
        }

        /// Notes the character at the cursor as decided on, without reading it: a mark there
        /// would join the character before it.
        mutating func noteCharacter() {
            _ = byte
        }

        private static func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        private static func isSpace(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }

        private mutating func advance() { index = text.utf8.index(after: index) }

        /// Reads `literal` exactly (ASCII: no other character is the same as one of its letters).
        mutating func skip(_ literal: StaticString) -> Bool {
            var probe = self
            for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
                guard probe.byte == expected else {
                    decidedOnASCII = decidedOnASCII && probe.decidedOnASCII
                    return false
                }
                probe.advance()
            }
            self = probe
            return true
        }

        /// "Artikel" or "artikel".
        mutating func skipArtikel() -> Bool {
            let first = byte
            guard first == UInt8(ascii: "A") || first == UInt8(ascii: "a") else { return false }
            var probe = self
            probe.advance()
            guard probe.skip("rtikel") else {
                decidedOnASCII = decidedOnASCII && probe.decidedOnASCII
                return false
            }
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
            mutating get {
                guard !atEnd else { return nil }
                var after = self
                after.advance()
                let byte = after.byte
                decidedOnASCII = decidedOnASCII && after.decidedOnASCII
                return byte
            }
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
