/// A postal address as written in content.
public struct Adres: Sendable {
    public var straat: Located<String>?
    public var postcode: Located<String>?
    public var plaats: Located<String>?
    public var land: Located<String>?
    public var location: SourceLocation

    /// One line for display, e.g. "Lijsterbesstraat 12, 6602 GM Wijchen".
    public var oneLine: String {
        let street = straat?.value ?? ""
        let city = [postcode?.value, plaats?.value].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return [street, city].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

/// One entry of a change history, newest first in the file.
public struct Wijziging: Sendable {
    public var versie: Located<String>?
    public var datum: Located<SchoolDate>?
    public var samenvatting: Located<String>?
    public var location: SourceLocation
}

/// A name with an e-mail address and optional telephone number.
public struct Contactpersoon: Sendable {
    public var naam: Located<String>?
    public var email: Located<String>?
    public var telefoon: Located<String>?
    public var functie: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

extension Optional where Wrapped == Located<String> {
    /// The text when it is present and not blank.
    public var nonBlank: String? {
        guard let value = self?.value.trimmedWhitespace, !value.isEmpty else { return nil }
        return value
    }
}

extension Located where Value == String {
    public var isBlank: Bool { value.trimmedWhitespace.isEmpty }
}

/// The Markdown body of a document and the line it starts on in its file.
public struct MarkdownBody: Sendable {
    public var text: String
    public var firstLine: Int
    public var file: String

    public init(text: String, firstLine: Int, file: String) {
        self.text = text
        self.firstLine = firstLine
        self.file = file
    }

    /// Each line with its location in the file (split at newline bytes, as line numbers count them).
    public var lines: [Located<String>] {
        lineSlices.map { Located(String($0.value), at: $0.location) }
    }

    /// Each line as a slice of `text` (no copy of its characters), with its location in the file.
    public var lineSlices: [Located<Substring>] {
        var result: [Located<Substring>] = []
        var number = firstLine
        let utf8 = text.utf8
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            result.append(Located(text[start..<end], at: SourceLocation(file: file, line: number, column: 1)))
            number += 1
            guard end < utf8.endIndex else { break }
            start = utf8.index(after: end)
        }
        return result
    }
}

extension MarkdownBody {
    /// Whether a line opens or closes a fenced code block: "```" or "~~~" after any indentation.
    static func isFence<Line: StringProtocol>(_ line: Line) -> Bool {
        let start = line.drop(while: \.isWhitespace)
        return start.hasPrefix("```") || start.hasPrefix("~~~")
    }
}
