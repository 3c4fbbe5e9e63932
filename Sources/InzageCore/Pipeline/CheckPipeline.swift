/// Load and check: the first half of every command.
public enum CheckPipeline {
    /// Loads the content folder and runs every rule; diagnostics come back sorted for reporting.
    public static func run(contentRoot: String, today: SchoolDate = Today.date(), session: BuildSession? = nil) throws -> (Content, [Diagnostic]) {
        let (content, loadDiagnostics) = try ContentLoader(root: contentRoot, today: today, session: session).load()
        return (content, check(content, loaded: loadDiagnostics, session: session))
    }

    /// Runs every rule on loaded content: the loader's diagnostics and the rules' together,
    /// sorted for reporting.
    static func check(_ content: Content, loaded loadDiagnostics: [Diagnostic], session: BuildSession?) -> [Diagnostic] {
        var timer = PhaseTimer()
        let ruleDiagnostics = Checker.check(content, session: session)
        timer.lap("rules")
        return (loadDiagnostics + ruleDiagnostics).sortedForReport()
    }

    /// Every finding of a check, and the rules' findings apart by scope (`Checker.findingsByScope`),
    /// for the findings record of a one-off build.
    struct Findings {
        /// Every finding, sorted for reporting.
        var all: [Diagnostic]
        var perFile: [Diagnostic]
        var whole: [Diagnostic]
    }

    static func checkByScope(_ content: Content, loaded loadDiagnostics: [Diagnostic]) -> Findings {
        var timer = PhaseTimer()
        let (perFile, whole) = Checker.findingsByScope(content)
        timer.lap("rules")
        return Findings(all: (loadDiagnostics + perFile + whole).sortedForReport(), perFile: perFile, whole: whole)
    }
}
