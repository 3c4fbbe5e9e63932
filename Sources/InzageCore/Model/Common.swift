#if canImport(Glibc)
import Glibc
#endif

/// A postal address as written in content.
public struct Adres: Sendable, Equatable {
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
public struct Wijziging: Sendable, Equatable {
    public var versie: Located<String>?
    public var datum: Located<SchoolDate>?
    public var samenvatting: Located<String>?
    public var location: SourceLocation
}

/// A name with an e-mail address and optional telephone number.
public struct Contactpersoon: Sendable, Equatable {
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
public struct MarkdownBody: Sendable, Equatable {
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
        forEachLine { line, _, number in result.append(Located(line, at: SourceLocation(file: file, line: number, column: 1))) }
        return result
    }

    /// Each line as a slice of `text` and as its UTF-8 bytes (valid only during the call), with
    /// its line number in the file, in order. Line ends are found with `memchr`: the text rules
    /// read the lines of every body that holds one of their words, and look at most lines only as
    /// bytes.
    func forEachLine(_ body: (_ line: Substring, _ bytes: UnsafeBufferPointer<UInt8>, _ number: Int) -> Void) {
        // Slices of `text`; the bytes of its contiguous UTF-8 (the same text).
        let text = self.text
        let utf8 = text.utf8
        var whole = text
        whole.withUTF8 { bytes in
            var start = utf8.startIndex
            var offset = 0
            var number = firstLine
            while let base = bytes.baseAddress, offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let endIndex = utf8.index(start, offsetBy: end - offset)
                body(text[start..<endIndex], UnsafeBufferPointer(rebasing: bytes[offset..<end]), number)
                start = utf8.index(after: endIndex)
                offset = end + 1
                number += 1
            }
            body(text[start...], UnsafeBufferPointer(rebasing: bytes[offset...]), number)
        }
    }
}

extension MarkdownBody {
    /// Whether a line opens or closes a fenced code block: "```" or "~~~" after any indentation.
    static func isFence<Line: StringProtocol>(_ line: Line) -> Bool {
        // Most lines start with an ASCII character that is neither white space nor a fence's:
        // decided by that byte, without reading the line as characters.
        if let first = line.utf8.first, first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) {
            return first == UInt8(ascii: "`") || first == UInt8(ascii: "~") ? line.hasPrefix("```") || line.hasPrefix("~~~") : false
        }
        let start = line.drop(while: \.isWhitespace)
        return start.hasPrefix("```") || start.hasPrefix("~~~")
    }
}
