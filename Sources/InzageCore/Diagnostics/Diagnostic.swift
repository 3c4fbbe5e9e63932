/// How serious a finding is: a `fout` blocks publishing, a `waarschuwing` is reported.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning
    case note

    /// The Dutch word shown to users.
    public var dutch: String {
        switch self {
        case .error: "fout"
        case .warning: "waarschuwing"
        case .note: "opmerking"
        }
    }

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about the content: where, how serious, which rule, what is wrong and how to fix it.
public struct Diagnostic: Sendable, Hashable {
    public var location: SourceLocation
    public var severity: Severity
    public var code: String
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column, then code, so output is stable.
    public func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            return (a.code, a.message) < (b.code, b.message)
        }
    }

    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// Collects diagnostics while loading; never throws one at a time.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public func error(_ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        add(Diagnostic(.error, code, at: location, message, hint: hint))
    }

    public func warning(_ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        add(Diagnostic(.warning, code, at: location, message, hint: hint))
    }
}
