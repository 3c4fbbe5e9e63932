import Foundation
import InzageCore

/// What `serve` prints about warnings and notes after a build: every one the first time; after
/// that only the new ones and a count, so the effect of an edit is not lost in a long list that
/// stays the same. (`inzage check` shows the whole list at any time.)
final class RebuildWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var shown: Set<Diagnostic>?

    /// The text to print for this build's diagnostics, and remembers them as shown. Errors are
    /// not counted here: a build with errors prints its whole list (`remember` then).
    func text(for diagnostics: [Diagnostic], printer: DiagnosticPrinter) -> String {
        let findings = diagnostics.filter { $0.severity != .error }
        let previous = remember(diagnostics)
        guard let previous else { return findings.isEmpty ? "" : printer.render(findings) }
        let new = findings.filter { !previous.contains($0) }
        let solved = previous.subtracting(findings).count
        let total = Self.counted(findings)
        if new.isEmpty && solved == 0 {
            return findings.isEmpty ? "" : "Nog \(total), dezelfde als hiervoor ('inzage check' toont ze allemaal).\n"
        }
        if findings.isEmpty { return "Alle waarschuwingen en opmerkingen zijn opgelost.\n" }
        return printer.render(new, summary: false) + "Nu \(total): \(new.count) nieuw, \(solved) opgelost.\n"
    }

    /// "3 waarschuwingen", "1 waarschuwing en 2 opmerkingen".
    static func counted(_ findings: [Diagnostic]) -> String {
        let warnings = findings.warningCount, notes = findings.count - warnings
        let text = Output.count(warnings, "waarschuwing", "waarschuwingen")
        return notes == 0 ? text : text + " en " + Output.count(notes, "opmerking", "opmerkingen")
    }

    /// Notes which warnings and notes were shown; returns the ones shown before (nil: none yet).
    @discardableResult
    func remember(_ diagnostics: [Diagnostic]) -> Set<Diagnostic>? {
        let current = Set(diagnostics.filter { $0.severity != .error })
        return lock.withLock {
            defer { shown = current }
            return shown
        }
    }
}
