import Foundation

/// A validation rule: a stable code, a severity, the source it rests on, and one check.
/// One rule per file under `Rules/<document kind>/`; register it in `RuleRegistry`. A rule adopts
/// the protocol that says what it reads (`BijsluiterRule`, `FileRule`, `BijsluiterReadingRule` or
/// `DocumentRule`), which gives it its `scope`.
public protocol Rule: Sendable {
    /// Stable code shown in brackets, e.g. `BS-CAT`.
    var code: String { get }
    var severity: Severity { get }
    /// The law, model text or seed this rule comes from.
    var source: String { get }
    /// What the rule reads, given by the protocol it adopts (each has one default, so no rule can
    /// get the wrong one): `Checker` groups rules by it without asking the runtime about each
    /// rule's type, which costs a scan of every conformance of the program per type and protocol.
    var scope: RuleScope { get }
    func check(_ content: Content) -> [Diagnostic]
}

/// What a rule reads: one file at a time, or all documents, with or without the bijsluiters.
public enum RuleScope: Sendable {
    /// One bijsluiter at a time (`BijsluiterRule`).
    case bijsluiter
    /// The texts of one file at a time (`FileRule`).
    case file
    /// Every document, bijsluiters without their body included (`BijsluiterReadingRule`).
    case documentsWithBijsluiters
    /// Every document except the bijsluiters (`DocumentRule`).
    case documents
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
        return byRule(content, rules: rules).flatMap(\.findings).withoutMissingFindings(for: content.invalidValues)
    }

    /// The findings of the per-file rules (`BijsluiterRule`, `FileRule`) and of the rules across
    /// documents, apart, as a full check gives them: a one-off build keeps them apart in its
    /// findings record (`FindingsRecord`), so the next build can take a file's own findings for
    /// an unchanged file.
    static func findingsByScope(_ content: Content, rules: [any Rule] = RuleRegistry.all) -> (perFile: [Diagnostic], whole: [Diagnostic]) {
        let results = byRule(content, rules: rules)
        let perFile = results.filter(\.rule.isPerFile).flatMap(\.findings), whole = results.filter { !$0.rule.isPerFile }.flatMap(\.findings)
        return (perFile.withoutMissingFindings(for: content.invalidValues), whole.withoutMissingFindings(for: content.invalidValues))
    }

    /// Each rule's findings, in the order of `rules`.
    private static func byRule(_ content: Content, rules: [any Rule]) -> [(rule: any Rule, findings: [Diagnostic])] {
        let reading = content.forWholeRules, blind = reading.withoutBijsluiters
        let run = { (rule: any Rule) in (rule, rule.isPerFile ? rule.check(content) : rule.check(rule.readsBijsluiters ? reading : blind)) }
        if ProcessInfo.processInfo.environment["INZAGE_TIMING"] == "1" { return timed(rules, run) }
        // Rules are independent pure functions over the same content: run them on all cores.
        let results = try? Parallel.map(rules, minimumBatch: 4, run)
        return results ?? rules.map(run)
    }

    /// The same findings as a full check, but the per-file rules (`BijsluiterRule`, `FileRule`)
    /// are run only for bijsluiters and pages whose file changed since the last check in this
    /// session. What those rules may read is fixed by their types: the file itself and
    /// `ItemContext`, which is part of the cache key. The rules across documents see
    /// `Content.forWholeRules`; they run again only when something in it changed.
    private static func incremental(_ content: Content, rules: [any Rule], session: BuildSession) -> [Diagnostic] {
        let bijsluiterRules = rules.compactMap { $0 as? any BijsluiterRule }
        let fileRules = rules.compactMap { $0 as? any FileRule }
        let wholeRules = rules.filter { !$0.isPerFile }
        let context = ItemContext(content)
        session.beginCheck(globalKey: rules.map(\.code).joined(separator: ",") + "\u{1}" + context.key)

        var timer = PhaseTimer()
        // Two groups, each kept while what it reads stays: the rules that read bijsluiters, and the
        // others, which see none (an edit to a bijsluiter runs only the first group).
        var wholeFindings: [Diagnostic] = []
        let files = otherFiles(content, session: session)
        // Made once, and only when a group runs.
        var forWholeRules: Content?
        for reading in [true, false] {
            let group = wholeRules.filter { $0.readsBijsluiters == reading }
            let key = wholeRulesKey(content, rules: group, otherFiles: files, readingBijsluiters: reading)
            wholeFindings += session.wholeFindings(for: key, group: reading ? 0 : 1) {
                let seen = forWholeRules ?? content.forWholeRules
                forWholeRules = seen
                let whole = UncheckedSendable(reading ? seen : seen.withoutBijsluiters)
                return ((try? Parallel.map(group, minimumBatch: 1) { $0.check(whole.value) }) ?? group.map { $0.check(whole.value) }).flatMap { $0 }
            }
        }
        timer.lap(session.wholeRulesWereReused ? "  rules across documents (kept)" : "  rules across documents (run)")
        // A unit names its bijsluiter by its place in the content: thousands of bijsluiters are
        // paired with their files on every rebuild, and a copy of one is dozens of references.
        struct Unit { var file: TextValues.File?; var bijsluiter: Int?; var isItem = false; var key: String? = nil }
        var bijsluiterByFile = [String: Int](minimumCapacity: content.bijsluiters.count)
        for (index, b) in content.bijsluiters.enumerated() where bijsluiterByFile[b.file] == nil { bijsluiterByFile[b.file] = index }
        let pageFiles = Set(content.paginas.map(\.file))
        var units: [Unit] = TextValues.files(in: content).map { file in
            let bijsluiter = bijsluiterByFile.removeValue(forKey: file.path)
            return Unit(file: file, bijsluiter: bijsluiter, isItem: bijsluiter != nil || pageFiles.contains(file.path))
        }
        units += bijsluiterByFile.values.sorted().map { Unit(file: nil, bijsluiter: $0, isItem: true) }
        // A bijsluiter's or page's findings are kept under its parse; other files are checked every time.
        let paths = units.map { $0.file?.path ?? $0.bijsluiter.map { content.bijsluiters[$0].file } ?? "" }
        for (index, parse) in session.parseKeys(for: paths).enumerated() where units[index].isItem {
            units[index].key = parse ?? paths[index] + "\u{0}" + (content.sources[paths[index]] ?? "")
        }
        func check(_ file: TextValues.File?, _ bijsluiter: Int?) -> [Diagnostic] {
            (file.map { file in fileRules.flatMap { $0.check(file) } } ?? [])
                + (bijsluiter.map { b in bijsluiterRules.flatMap { $0.check(content.bijsluiters[b], in: context) } } ?? [])
        }
        // Unchanged files give their kept findings (taken under one lock); the others are checked,
        // one piece of work per file, on all cores.
        var perFile = session.keptFindings(for: units.map(\.key))
        let missing = perFile.indices.filter { perFile[$0] == nil }
        let checked = (try? Parallel.map(missing) { index -> [Diagnostic] in
            let unit = units[index]
            guard let key = unit.key else { return check(unit.file, unit.bijsluiter) }
            return session.findings(for: key) { check(unit.file, unit.bijsluiter) }
        }) ?? []
        for (index, findings) in zip(missing, checked) { perFile[index] = findings }
        timer.lap("  per-file rules")
        session.keepOnlyFindings(Set(units.compactMap(\.key)))
        return (wholeFindings + perFile.flatMap { $0 ?? [] }).withoutMissingFindings(for: content.invalidValues)
    }

    /// Everything the rules across documents read (`Content.forWholeRules`), without making it:
    /// each bijsluiter by its body-less fingerprint (when they read bijsluiters), and every other
    /// file (`otherFiles`).
    private static func wholeRulesKey(_ content: Content, rules: [any Rule], otherFiles: ViewFingerprint, readingBijsluiters: Bool) -> ViewFingerprint {
        let texts = [rules.map(\.code).joined(separator: ","), content.today.iso, content.root, content.bestanden.joined(separator: "\u{0}"), otherFiles.description]
        guard readingBijsluiters else { return ViewFingerprint(texts, named: []) }
        return ViewFingerprint(texts, named: content.bijsluiters.map { ($0.file, content.bodylessFingerprint(of: $0)) })
    }

    /// A digest of every file read that is no bijsluiter: each page by its parse, the others by their text.
    private static func otherFiles(_ content: Content, session: BuildSession) -> ViewFingerprint {
        let bijsluiterFiles = Set(content.bijsluiters.map(\.file))
        let pages = Set(content.paginas.map(\.file))
        var texts: [String] = []
        for path in content.sources.keys.filter({ !bijsluiterFiles.contains($0) }).sorted() {
            let parse = pages.contains(path) ? session.parseKey(for: path) : nil
            texts.append(path + "\u{0}" + (parse ?? content.sources[path] ?? ""))
        }
        return ViewFingerprint(texts, named: [])
    }

    /// One rule after the other, printing the slowest ones: for profiling only.
    private static func timed<Result>(_ rules: [any Rule], _ run: (any Rule) -> Result) -> [Result] {
        var times: [(String, Double)] = []
        var result: [Result] = []
        for rule in rules {
            let start = Date()
            result.append(run(rule))
            times.append((rule.code, Date().timeIntervalSince(start)))
        }
        for (code, time) in times.sorted(by: { $0.1 > $1.1 }).prefix(5) {
            FileHandle.standardError.write(Data("inzage-timing: rule \(code) \(Int(time * 1000)) ms\n".utf8))
        }
        return result
    }
}

extension Rule {
    /// Whether the rule looks at one file at a time (`BijsluiterRule`, `FileRule`); every other
    /// rule is a rule across documents and sees `Content.forWholeRules`.
    var isPerFile: Bool { scope == .bijsluiter || scope == .file }

    /// Whether a rule across documents sees the bijsluiters (`BijsluiterReadingRule`).
    var readsBijsluiters: Bool { scope == .documentsWithBijsluiters }
}
