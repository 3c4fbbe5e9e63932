import Foundation
import InzageCore

/// Prints diagnostics the way compilers do: position, severity, message and code, the source line
/// with a caret under the column, and the hint.
struct DiagnosticPrinter {
    var sources: [String: String]
    var useColour: Bool

    /// - Parameter summary: whether to end with the count of errors and warnings.
    func render(_ diagnostics: [Diagnostic], summary withSummary: Bool = true) -> String {
        var out = ""
        var lineCache: [String: [Substring]] = [:]
        for d in diagnostics {
            let severity = paint(d.severity.dutch, colour: d.severity == .error ? "31" : d.severity == .warning ? "33" : "36")
            out += paint("\(d.location):", colour: "1") + " \(severity): \(d.message) [\(d.code)]\n"
            if lineCache[d.location.file] == nil, let text = sources[d.location.file] {
                lineCache[d.location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            if let lines = lineCache[d.location.file], d.location.line >= 1, d.location.line <= lines.count {
                let number = String(d.location.line)
                let width = max(5, number.count + 3)
                let source = lines[d.location.line - 1].replacingOccurrences(of: "\t", with: " ")
                let shown = source.count > 160 ? String(source.prefix(160)) + "…" : source
                out += String(repeating: " ", count: width - number.count) + number + " | " + shown + "\n"
                let caretColumn = min(max(d.location.column, 1), shown.count + 1)
                out += String(repeating: " ", count: width) + " | " + String(repeating: " ", count: caretColumn - 1) + paint("^", colour: "32") + "\n"
            }
            if let hint = d.hint {
                out += "   = " + paint("hulp", colour: "1") + ": \(hint)\n"
            }
        }
        if withSummary { out += summary(diagnostics) + "\n" }
        return out
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
