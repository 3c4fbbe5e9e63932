import InzageCore
import Testing

/// Checks `content` and expects a diagnostic with `code` exactly at its marked file, line and
/// column, with the given severity. Returns the diagnostic for further expectations on its text.
@discardableResult
func expectDiagnostic(_ code: String, _ severity: Severity = .error, in content: TestContent, at marker: String = "1️⃣",
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    guard let marks = content.marks, let mark = marks.positions[marker] else {
        Issue.record("the test input needs the marker \(marker) in exactly one file", sourceLocation: sourceLocation)
        return nil
    }
    let file = marks.file
    let run: CheckRun
    do {
        run = try content.check()
    } catch {
        Issue.record("loading failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
    let matches = run.diagnostics(code).filter {
        run.relative($0.location) == file && $0.location.line == mark.line && $0.location.column == mark.column
    }
    guard let found = matches.first else {
        Issue.record("""
            expected \(code) at \(file):\(mark); found:
            \(run.summary)
            """, sourceLocation: sourceLocation)
        return nil
    }
    #expect(found.severity == severity, "\(code) should be a \(severity.dutch)", sourceLocation: sourceLocation)
    #expect(!found.message.isEmpty, sourceLocation: sourceLocation)
    return found
}

/// Checks `content` and expects no diagnostic with `code` anywhere.
func expectNoDiagnostic(_ code: String, in content: TestContent = .valid,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    do {
        let run = try content.check()
        let found = run.diagnostics(code)
        #expect(found.isEmpty, "expected no \(code); found:\n\(run.summary)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("loading failed: \(error)", sourceLocation: sourceLocation)
    }
}

/// Checks `content` and expects it to load without any diagnostic at all.
func expectClean(_ content: TestContent, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    do {
        let run = try content.check()
        #expect(run.diagnostics.isEmpty, "expected no diagnostics; found:\n\(run.summary)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("loading failed: \(error)", sourceLocation: sourceLocation)
    }
}
