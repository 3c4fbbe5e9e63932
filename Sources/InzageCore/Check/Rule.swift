import Foundation

/// A validation rule: a stable code, a severity, the source it rests on, and one check.
/// One rule per file under `Rules/<document kind>/`; register it in `RuleRegistry`.
public protocol Rule: Sendable {
    /// Stable code shown in brackets, e.g. `BS-CAT`.
    var code: String { get }
    var severity: Severity { get }
    /// The law, model text or seed this rule comes from.
    var source: String { get }
    func check(_ content: Content) -> [Diagnostic]
}

extension Rule {
    /// A finding of this rule.
    public func finding(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity, code, at: location, message, hint: hint)
    }
}

/// Runs every registered rule over loaded content.
public enum Checker {
    public static func check(_ content: Content, rules: [any Rule] = RuleRegistry.all) -> [Diagnostic] {
        if ProcessInfo.processInfo.environment["INZAGE_TIMING"] == "1" { return timed(content, rules: rules) }
        // Rules are independent pure functions over the same content: run them on all cores.
        let results = try? Parallel.map(rules, minimumBatch: 4) { $0.check(content) }
        return (results ?? rules.map { $0.check(content) }).flatMap { $0 }.withoutMissingFindings(for: content.invalidValues)
    }

    /// One rule after the other, printing the slowest ones: for profiling only.
    private static func timed(_ content: Content, rules: [any Rule]) -> [Diagnostic] {
        var times: [(String, Double)] = []
        var result: [Diagnostic] = []
        for rule in rules {
            let start = Date()
            result += rule.check(content)
            times.append((rule.code, Date().timeIntervalSince(start)))
        }
        result = result.withoutMissingFindings(for: content.invalidValues)
        for (code, time) in times.sorted(by: { $0.1 > $1.1 }).prefix(5) {
            FileHandle.standardError.write(Data("inzage-timing: rule \(code) \(Int(time * 1000)) ms\n".utf8))
        }
        return result
    }
}
