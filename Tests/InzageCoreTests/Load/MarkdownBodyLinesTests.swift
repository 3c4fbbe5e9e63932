@testable import InzageCore
import Testing

/// The text rules read a body line by line, with each line's number in its file, and skip what
/// stands in fenced code blocks.
@Suite("Markdown body lines")
struct MarkdownBodyLinesTests {
    private func lines(_ text: String, from first: Int = 5) -> [String] {
        MarkdownBody(text: text, firstLine: first, file: "paginas/a.md").lineSlices.map { "\($0.location.line):\($0.value)" }
    }

    /// Each line's bytes are the bytes of its slice.
    @Test func eachLinesBytesAreItsText() {
        let body = MarkdownBody(text: "Één\n\ntwee ✓\r\nvier", firstLine: 3, file: "f.md")
        var seen: [String] = []
        body.forEachLine { line, bytes, number in
            #expect(Array(bytes) == Array(line.utf8))
            seen.append("\(number):\(line)")
        }
        #expect(seen == ["3:Één", "4:", "5:twee ✓\r", "6:vier"])
    }

    @Test func everyLineWithItsNumberInTheFile() {
        #expect(lines("Één\nTwee ✓\n\nVier") == ["5:Één", "6:Twee ✓", "7:", "8:Vier"])
        // A last line break ends the last line; the empty line after it still counts, as an editor shows it.
        #expect(lines("a\nb\n") == ["5:a", "6:b", "7:"])
        #expect(lines("") == ["5:"])
        #expect(lines("\n\n", from: 1) == ["1:", "2:", "3:"])
        #expect(MarkdownBody(text: "x\ny", firstLine: 2, file: "f.md").lineSlices.allSatisfy { $0.location.file == "f.md" && $0.location.column == 1 })
    }

    @Test(arguments: [
        ("```", true), ("```swift", true), ("~~~", true), ("   ```", true), ("\t~~~ tekst", true), ("\u{00A0}```", true),
        ("`code`", false), ("``", false), ("~~doorgehaald~~", false), ("Tekst ```", false), ("", false), ("   ", false), ("# Kop", false),
        ("é```", false),
    ])
    func fences(line: String, isFence: Bool) {
        #expect(MarkdownBody.isFence(line) == isFence)
        #expect(MarkdownBody.isFence(Substring(line)) == isFence)
    }

    @Test func linesInFencedCodeAreLeftOut() {
        let body = MarkdownBody(text: "voor\n```\ncode XXX\n```\nna", firstLine: 10, file: "paginas/a.md")
        #expect(TextValues.bodyLines(of: body, where: { _ in true }).map { "\($0.location.line):\($0.value)" } == ["10:voor", "14:na"])
        // Only the wanted lines are made, with the numbers they have among all lines.
        #expect(TextValues.bodyLines(of: body, where: { $0.first == UInt8(ascii: "n") }).map { "\($0.location.line):\($0.value)" } == ["14:na"])
        let file = TextValues.File(path: "paginas/a.md", tree: nil, body: body)
        #expect(file.lines(where: { String(decoding: $0, as: UTF8.self).contains("XXX") }).isEmpty, "a line in a code block is never wanted")
        #expect(file.lines.map(\.value) == ["voor", "na"])
    }
}
