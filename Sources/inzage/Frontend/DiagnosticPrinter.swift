import Dispatch
import Foundation
import InzageCore
import Synchronization

/// Prints diagnostics the way compilers do: position, severity, message and code, the source line
/// with a caret under the column, and the hint.
struct DiagnosticPrinter {
    var sources: [String: String]
    var useColour: Bool

    /// How many diagnostics one core prints at a time: a site with a warning on each of 10 000
    /// pages printed them all on one core after the build, and the 140 warnings of a board of
    /// 2 000 bijsluiters took a one-file rebuild 3 ms on one core.
    static let piece = 48

    /// - Parameter summary: whether to end with the count of errors and warnings.
    func render(_ diagnostics: [Diagnostic], summary withSummary: Bool = true) -> String {
        let count = (diagnostics.count + Self.piece - 1) / Self.piece
        var out: String
        if count <= 1 {
            out = render(diagnostics[...])
        } else {
            // Pieces in order, each printed on whichever core is free, then joined.
            let pieces = Mutex([String](repeating: "", count: count))
            DispatchQueue.concurrentPerform(iterations: count) { index in
                let start = index * Self.piece
                let text = render(diagnostics[start..<min(start + Self.piece, diagnostics.count)])
                pieces.withLock { $0[index] = text }
            }
            out = pieces.withLock { $0.joined() }
        }
        if withSummary { out += summary(diagnostics) + "\n" }
        return out
    }

    /// `diagnostics` printed one after the other, each source's lines found once.
    private func render(_ diagnostics: ArraySlice<Diagnostic>) -> String {
        var out = ""
        var lineCache: [String: Lines] = [:]
        for d in diagnostics {
            let severity = paint(d.severity.dutch, colour: d.severity == .error ? "31" : d.severity == .warning ? "33" : "36")
            out += paint("\(d.location):", colour: "1") + " \(severity): \(d.message) [\(d.code)]\n"
            if lineCache[d.location.file] == nil, let text = sources[d.location.file] {
                lineCache[d.location.file] = Lines(text)
            }
            if let lines = lineCache[d.location.file], let line = lines[d.location.line] {
                let number = String(d.location.line)
                let width = max(5, number.count + 3)
                let source = String(line.map { $0 == "\t" ? " " : $0 })
                let shown = source.count > 160 ? String(source.prefix(160)) + "…" : source
                out += String(repeating: " ", count: width - number.count) + number + " | " + shown + "\n"
                let caretColumn = min(max(d.location.column, 1), shown.count + 1)
                out += String(repeating: " ", count: width) + " | " + String(repeating: " ", count: caretColumn - 1) + paint("^", colour: "32") + "\n"
            }
            if let hint = d.hint {
                out += "   = " + paint("hulp", colour: "1") + ": \(hint)\n"
            }
        }
        return out
    }

    /// The lines of a source text, found once per file by its line breaks' bytes: the loader has
    /// made every line break a `\n` (a `\n` is always a character of its own), and splitting the
    /// text by characters took longer than the rest of a rebuild's output.
    struct Lines {
        let text: String
        /// Where each line starts.
        private let starts: [String.Index]

        init(_ text: String) {
            var text = text
            // The line breaks' offsets found with `memchr` (a file with a finding is read whole,
            // and a site with a warning on each of 10 000 pages reads them all).
            var offsets: [Int] = []
            text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return }
                var offset = 0
                while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    offsets.append(offset)
                }
            }
            let utf8 = text.utf8
            var starts = [text.startIndex]
            starts.reserveCapacity(offsets.count + 1)
            var previous = 0
            for offset in offsets {
                starts.append(utf8.index(starts[starts.count - 1], offsetBy: offset - previous))
                previous = offset
            }
            self.text = text
            self.starts = starts
        }

        /// Line `number` (from 1) without its line break; nil outside the text.
        subscript(number: Int) -> Substring? {
            guard number >= 1, number <= starts.count else { return nil }
            let end = number < starts.count ? text.utf8.index(before: starts[number]) : text.endIndex
            return text[starts[number - 1]..<end]
        }
    }

    func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        if errors == 0 && warnings == 0 { return "Geen problemen gevonden." }
        return "\(Output.count(errors, "fout", "fouten")) en \(Output.count(warnings, "waarschuwing", "waarschuwingen")) gevonden."
    }

    private func paint(_ text: String, colour: String) -> String {
        useColour ? "\u{1B}[\(colour)m\(text)\u{1B}[0m" : text
    }

    /// Colour only on a terminal, and never with NO_COLOR.
    static func wantsColour(fileDescriptor: Int32) -> Bool {
        if let noColour = ProcessInfo.processInfo.environment["NO_COLOR"], !noColour.isEmpty { return false }
        return isatty(fileDescriptor) == 1
    }
}
