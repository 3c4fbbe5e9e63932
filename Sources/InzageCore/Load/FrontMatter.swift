#if canImport(Glibc)
import Glibc
#endif

/// A Markdown file split into its YAML front matter and its body, with line numbers kept.
struct FrontMatter {
    var yaml: String
    /// Lines before the YAML starts (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    var bodyFirstLine: Int

    /// Splits `text`; reports a missing opening or closing `---`. Looks for line ends in the UTF-8
    /// bytes with `memchr` and stops at the closing fence, so a long body is never split into
    /// lines here (a bijsluiter's front matter has a hundred lines: found one byte at a time
    /// through the generic view of the text, they were about 1 % of a build).
    static func split(_ text: String, file: String, sink: DiagnosticSink) -> FrontMatter? {
        var text = text
        let found = text.withUTF8 { Fences(in: $0) }
        switch found {
        case .noOpening:
            sink.error("FM-MISSING", at: .file(file), "het bestand begint niet met front matter ('---')",
                       hint: "zet op de eerste regel '---', daarna de gegevens (zoals 'titel: ...') en sluit af met '---'")
            return nil
        case .unclosed:
            sink.error("FM-UNCLOSED", at: .file(file), "de front matter wordt niet afgesloten met '---'",
                       hint: "zet een regel met alleen '---' tussen de gegevens en de tekst")
            return nil
        case .closed(let firstEnd, let start, let end, let lineIndex):
            let utf8 = text.utf8
            // Offsets of newlines and of the bytes after them: every one a place between scalars.
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            // The YAML without the newline before the closing fence.
            let yaml = start > firstEnd + 1 ? String(text[index(firstEnd + 1)..<index(start - 1)]) : ""
            let body = end < utf8.count ? String(text[index(end + 1)...]) : ""
            return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: lineIndex + 2)
        }
    }

    /// Where the fences of a file's front matter stand, as byte offsets.
    private enum Fences {
        case noOpening, unclosed
        /// The opening line's end, the closing fence's line (`start..<end`), and how many lines
        /// come before that line.
        case closed(firstEnd: Int, start: Int, end: Int, lineIndex: Int)

        init(in bytes: UnsafeBufferPointer<UInt8>) {
            /// The end of the line starting at `start` (its newline, or the end of the text).
            func lineEnd(_ start: Int) -> Int {
                guard start < bytes.count, let base = bytes.baseAddress,
                      let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return bytes.count }
                return base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            }
            let firstEnd = lineEnd(0)
            guard FrontMatter.isFence(UnsafeBufferPointer(rebasing: bytes[0..<firstEnd]), opening: true) else {
                self = .noOpening
                return
            }
            var lineIndex = 1
            var start = firstEnd
            while start < bytes.count {
                start += 1
                let end = lineEnd(start)
                if FrontMatter.isFence(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                    self = .closed(firstEnd: firstEnd, start: start, end: end, lineIndex: lineIndex)
                    return
                }
                lineIndex += 1
                start = end
            }
            self = .unclosed
        }
    }

    /// `---` (or `...` to close), with trailing spaces and tabs allowed.
    private static func isFence(_ line: UnsafeBufferPointer<UInt8>, opening: Bool = false) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == 32 || line[end - 1] == 9 { end -= 1 }
        guard end == 3, line[0] == line[1], line[1] == line[2] else { return false }
        return line[0] == UInt8(ascii: "-") || (!opening && line[0] == UInt8(ascii: "."))
    }
}
