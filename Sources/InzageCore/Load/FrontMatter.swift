/// A Markdown file split into its YAML front matter and its body, with line numbers kept.
struct FrontMatter {
    var yaml: String
    /// Lines before the YAML starts (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    var bodyFirstLine: Int

    /// Splits `text`; reports a missing opening or closing `---`.
    static func split(_ text: String, file: String, sink: DiagnosticSink) -> FrontMatter? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first, opening: true) else {
            sink.error("FM-MISSING", at: .file(file), "het bestand begint niet met front matter ('---')",
                       hint: "zet op de eerste regel '---', daarna de gegevens (zoals 'titel: ...') en sluit af met '---'")
            return nil
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            sink.error("FM-UNCLOSED", at: .file(file), "de front matter wordt niet afgesloten met '---'",
                       hint: "zet een regel met alleen '---' tussen de gegevens en de tekst")
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: closing + 2)
    }

    /// `---` (or `...` to close), with trailing spaces allowed; a byte check, as this runs per line.
    private static func isFence(_ line: Substring, opening: Bool = false) -> Bool {
        let bytes = line.utf8.reversed().drop(while: { $0 == 32 || $0 == 9 })
        guard bytes.count == 3, let first = bytes.first, bytes.allSatisfy({ $0 == first }) else { return false }
        return first == UInt8(ascii: "-") || (!opening && first == UInt8(ascii: "."))
    }
}
