/// Turns rendered letter text into the plain-text form parents receive: LF line ends, no tabs,
/// no trailing spaces, at most one blank line in a row, and every line hard-wrapped at 72 columns.
///
/// Each input line is one logical line (a paragraph, a list item, an address line); lines are
/// wrapped but never joined, so address blocks and signatures keep their shape. Words are never
/// split: a URL, an e-mail address or any other word longer than the width stands alone on its
/// own line, because a broken link or address stops working when a parent clicks or copies it.
/// List items ("- ", "* ", "1. ") and indented lines continue under their own text.
///
/// A no-break space (U+00A0) joins two words into one for wrapping; in the wrapped text it becomes
/// a normal space, so parents never receive the invisible character.
public enum TextWrapper {
    /// RFC 5322 asks for at most 78; 72 leaves room for quoting in replies (anchors-domain §4.1).
    public static let width = 72

    /// The longest phrase `keepingTogether` joins; longer ones would leave a ragged gap.
    public static let keepTogetherLimit = 30

    static let noBreakSpace: Character = "\u{00A0}"

    /// A short phrase whose words must not be split over two lines, such as a title and a name
    /// ("mw. drs. H. Koçak"): its spaces become no-break spaces. A phrase longer than
    /// `keepTogetherLimit` is returned unchanged and may wrap as usual.
    public static func keepingTogether(_ phrase: String) -> String {
        let words = phrase.split(whereSeparator: { $0 == " " || $0 == noBreakSpace })
        let joined = words.joined(separator: String(noBreakSpace))
        return joined.count <= keepTogetherLimit ? joined : phrase
    }

    /// Normalises a whole rendered letter and wraps it.
    public static func format(_ text: String, width: Int = TextWrapper.width) -> String {
        let unified = text
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\t", with: "    ")
        var out: [String] = []
        for raw in unified.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimmingTrailingSpaces(String(raw))
            if line.isEmpty {
                if let last = out.last, !last.isEmpty { out.append("") }
                continue
            }
            out.append(contentsOf: wrap(line, width: width))
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    /// Wraps one logical line. A line that fits is returned unchanged (apart from trailing spaces).
    public static func wrap(_ line: String, width: Int = TextWrapper.width) -> [String] {
        let line = trimmingTrailingSpaces(line)
        if line.count <= width { return [withNormalSpaces(line)] }
        let indent = String(line.prefix { $0 == " " })
        let rest = line.dropFirst(indent.count)
        let marker = listMarker(in: rest)
        let firstPrefix = indent + marker
        let hanging = indent + String(repeating: " ", count: marker.count)
        let words = rest.dropFirst(marker.count).split(separator: " ", omittingEmptySubsequences: true).map(String.init)

        var lines: [String] = []
        var current = firstPrefix
        var currentHasWord = false
        for word in words {
            let candidateLength = current.count + (currentHasWord ? 1 : 0) + word.count
            if candidateLength <= width {
                current += (currentHasWord ? " " : "") + word
                currentHasWord = true
                continue
            }
            if currentHasWord {
                lines.append(current)
                current = hanging
            }
            // The word alone on a fresh line; if even that is too long it stays whole and overflows.
            current += word
            currentHasWord = true
            if current.count > width {
                lines.append(current)
                current = hanging
                currentHasWord = false
            }
        }
        if currentHasWord { lines.append(current) }
        return lines.map { withNormalSpaces(trimmingTrailingSpaces($0)) }
    }

    /// No-break spaces have done their work once the line is wrapped.
    static func withNormalSpaces(_ line: String) -> String {
        line.contains(noBreakSpace) ? line.replacingOccurrences(of: String(noBreakSpace), with: " ") : line
    }

    /// "- ", "* ", "• ", "1. ", "12) " at the start of a line, or "".
    static func listMarker(in text: Substring) -> String {
        for bullet in ["- ", "* ", "• "] where text.hasPrefix(bullet) { return bullet }
        let digits = text.prefix { $0.isASCIIDigit }
        if !digits.isEmpty, digits.count <= 3 {
            let after = text.dropFirst(digits.count)
            if after.hasPrefix(". ") || after.hasPrefix(") ") { return String(digits) + String(after.prefix(2)) }
        }
        return ""
    }

    static func trimmingTrailingSpaces(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last == " " || last == "\t" || last == "\u{00A0}" { result.removeLast() }
        return String(result)
    }
}
