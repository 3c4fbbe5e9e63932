/// A Markdown file split into its YAML front matter and its body, with line numbers kept.
struct FrontMatter {
    var yaml: String
    /// Lines before the YAML starts (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    var bodyFirstLine: Int

    /// Splits `text`; reports a missing opening or closing `---`. Walks the UTF-8 bytes line by
    /// line and stops at the closing fence, so a long body is never split into lines here.
    static func split(_ text: String, file: String, sink: DiagnosticSink) -> FrontMatter? {
        let utf8 = text.utf8
        let newline = UInt8(ascii: "\n")
        /// The end of the line starting at `start` (its newline, or the end of the text).
        func lineEnd(_ start: String.Index) -> String.Index { utf8[start...].firstIndex(of: newline) ?? utf8.endIndex }

        let firstEnd = lineEnd(utf8.startIndex)
        guard isFence(text[utf8.startIndex..<firstEnd], opening: true) else {
            sink.error("FM-MISSING", at: .file(file), "het bestand begint niet met front matter ('---')",
                       hint: "zet op de eerste regel '---', daarna de gegevens (zoals 'titel: ...') en sluit af met '---'")
            return nil
        }
        var lineIndex = 1
        var start = firstEnd
        while start < utf8.endIndex {
            start = utf8.index(after: start)
            let end = lineEnd(start)
            if isFence(text[start..<end]) {
                let yamlStart = utf8.index(after: firstEnd)
                // The YAML without the newline before the closing fence.
                let yaml = start > yamlStart ? String(text[yamlStart..<utf8.index(before: start)]) : ""
                let body = end < utf8.endIndex ? String(text[utf8.index(after: end)...]) : ""
                return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: lineIndex + 2)
            }
            lineIndex += 1
            start = end
        }
        sink.error("FM-UNCLOSED", at: .file(file), "de front matter wordt niet afgesloten met '---'",
                   hint: "zet een regel met alleen '---' tussen de gegevens en de tekst")
        return nil
    }

    /// `---` (or `...` to close), with trailing spaces allowed; a byte check, as this runs per line.
    private static func isFence(_ line: Substring, opening: Bool = false) -> Bool {
        let bytes = line.utf8.reversed().drop(while: { $0 == 32 || $0 == 9 })
        guard bytes.count == 3, let first = bytes.first, bytes.allSatisfy({ $0 == first }) else { return false }
        return first == UInt8(ascii: "-") || (!opening && first == UInt8(ascii: "."))
    }
}
