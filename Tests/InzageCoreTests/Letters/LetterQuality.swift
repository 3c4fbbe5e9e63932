import Foundation
import InzageCore
import Testing

/// The text rules every letter meets (product.md, "The letters"; anchors-domain §4.1).
func expectPlainLetter(_ letter: Letter, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let text = letter.text
    #expect(!text.contains("\r") && !text.contains("\t"), "\(letter.path): CR or tab", sourceLocation: sourceLocation)
    #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), "\(letter.path): must end with exactly one LF", sourceLocation: sourceLocation)
    #expect(!text.contains("\n\n\n"), "\(letter.path): more than one blank line", sourceLocation: sourceLocation)
    for entity in ["&#", "&amp;", "&quot;", "&lt;", "&gt;", "{{", "}}"] {
        #expect(!text.contains(entity), "\(letter.path): template residue '\(entity)'", sourceLocation: sourceLocation)
    }
    #expect(text.firstMatch(of: /[^.]\.\.(?!\.)/) == nil, "\(letter.path): double full stop", sourceLocation: sourceLocation)
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        #expect(!line.hasSuffix(" "), "\(letter.path):\(number + 1): trailing space", sourceLocation: sourceLocation)
        if line.count > 72 {
            let words = line.split(separator: " ")
            #expect(words.count == 1, "\(letter.path):\(number + 1): \(line.count) columns: \(line)", sourceLocation: sourceLocation)
        }
    }
}

/// The words of a letter, lower-cased, for u/je consistency checks.
func words(_ text: String) -> Set<String> {
    Set(text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init))
}

/// A letter in the `u` form never says je/jij/jou/jouw, and one in the `je` form never u/uw.
/// ("je kunt", "je hebt" are right: only the pronouns differ.)
func expectForm(_ letter: Letter, _ form: Aanspreekvorm, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let found = words(letter.text)
    let wrong: Set<String> = form == .u ? ["je", "jij", "jou", "jouw", "jezelf", "jullie"] : ["u", "uw", "uzelf"]
    let clash = found.intersection(wrong)
    #expect(clash.isEmpty, "\(letter.path) is in the \(form.rawValue) form but uses \(clash.sorted())", sourceLocation: sourceLocation)
}

/// The text on one line with single spaces, to find sentences across wrapped lines.
func flattened(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
