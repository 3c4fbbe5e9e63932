/// Load and check: the first half of every command.
public enum CheckPipeline {
    /// Loads the content folder and runs every rule; diagnostics come back sorted for reporting.
    public static func run(contentRoot: String, today: SchoolDate = Today.date(), session: BuildSession? = nil) throws -> (Content, [Diagnostic]) {
        let (content, loadDiagnostics) = try ContentLoader(root: contentRoot, today: today, session: session).load()
        var timer = PhaseTimer()
        let ruleDiagnostics = Checker.check(content, session: session)
        timer.lap("rules")
        return (content, (loadDiagnostics + ruleDiagnostics).sortedForReport())
    }
}
