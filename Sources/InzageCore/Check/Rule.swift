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
    public static func check(_ content: Content, rules: [any Rule] = RuleRegistry.all, session: BuildSession? = nil) -> [Diagnostic] {
        if let session { return incremental(content, rules: rules, session: session) }
        if ProcessInfo.processInfo.environment["INZAGE_TIMING"] == "1" { return timed(content, rules: rules) }
        // Rules are independent pure functions over the same content: run them on all cores.
        let results = try? Parallel.map(rules, minimumBatch: 4) { $0.check(content) }
        return (results ?? rules.map { $0.check(content) }).flatMap { $0 }.withoutMissingFindings(for: content.invalidValues)
    }

    /// The same findings as a full check, but the per-file rules (`BijsluiterRule`, `FileRule`)
    /// are run only for bijsluiters and pages whose file changed since the last check in this
    /// session. What those rules may read is fixed by their types: the file itself and
    /// `ItemContext`, which is part of the cache key. Top-level files and every other rule are
    /// checked in full each time.
    private static func incremental(_ content: Content, rules: [any Rule], session: BuildSession) -> [Diagnostic] {
        let bijsluiterRules = rules.compactMap { $0 as? any BijsluiterRule }
        let fileRules = rules.compactMap { $0 as? any FileRule }
        let wholeRules = rules.filter { !($0 is any BijsluiterRule) && !($0 is any FileRule) }
        let context = ItemContext(content)
        session.beginCheck(globalKey: rules.map(\.code).joined(separator: ",") + "\u{1}" + context.key)

        struct Unit { var file: TextValues.File?; var bijsluiter: Bijsluiter?; var key: String? }
        var bijsluiterByFile = Dictionary(content.bijsluiters.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let itemFiles = Set(content.bijsluiters.map(\.file) + content.paginas.map(\.file))
        func key(_ path: String) -> String? {
            guard itemFiles.contains(path) else { return nil }
            return session.parseKey(for: path) ?? path + "\u{0}" + (content.sources[path] ?? "")
        }
        var units: [Unit] = TextValues.files(in: content).map { file in
            Unit(file: file, bijsluiter: bijsluiterByFile.removeValue(forKey: file.path), key: key(file.path))
        }
        units += bijsluiterByFile.values.map { Unit(file: nil, bijsluiter: $0, key: key($0.file)) }
        func check(_ file: TextValues.File?, _ bijsluiter: Bijsluiter?) -> [Diagnostic] {
            (file.map { file in fileRules.flatMap { $0.check(file) } } ?? [])
                + (bijsluiter.map { b in bijsluiterRules.flatMap { $0.check(b, in: context) } } ?? [])
        }
        let wholeRuleCount = wholeRules.count
        let sharedUnits = units
        // One piece of work per whole-content rule and per file, on all cores.
        let results = (try? Parallel.map(Array(0..<(wholeRuleCount + units.count))) { index -> [Diagnostic] in
            if index < wholeRuleCount { return wholeRules[index].check(content) }
            let unit = sharedUnits[index - wholeRuleCount]
            guard let key = unit.key else { return check(unit.file, unit.bijsluiter) }
            return session.findings(for: key) { check(unit.file, unit.bijsluiter) }
        }) ?? []
        session.keepOnlyFindings(Set(units.compactMap(\.key)))
        return results.flatMap { $0 }.withoutMissingFindings(for: content.invalidValues)
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
