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
    /// Without the findings that call a key missing while the loader already refused the value written
    /// for it: `soort: lesmateriaal` gets the VALUE error only, not also "(soort) ontbreekt".
    /// A rule reports a missing key at the start or the last key of its map and names the key in its message.
    public func withoutMissingFindings(for invalid: [InvalidValue]) -> [Diagnostic] {
        guard !invalid.isEmpty else { return self }
        return filter { d in
            guard d.message.contains("ontbreekt") else { return true }
            return !invalid.contains { iv in
                (d.location == iv.mapLocation || d.location == iv.mapEndLocation) && Self.names(d.message, key: iv.key)
            }
        }
    }

    /// Whether the key stands in the message as a word of its own.
    private static func names(_ message: String, key: String) -> Bool {
        var rest = message[...]
        while let range = rest.range(of: key) {
            let before = range.lowerBound == message.startIndex ? nil : message[message.index(before: range.lowerBound)]
            let after = range.upperBound == message.endIndex ? nil : message[range.upperBound]
            let isWordChar: (Character?) -> Bool = { $0.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
            if !isWordChar(before), !isWordChar(after) { return true }
            rest = message[range.upperBound...]
        }
        return false
    }

    /// Sorted by file, line and column, then severity, code, message and hint, so output is stable
    /// whatever order the findings were made in.
    public func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            return (a.code, a.message, a.hint ?? "") < (b.code, b.message, b.hint ?? "")
        }
    }

    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// A key that is written but whose value was refused (VALUE, DATE): the decoded field is nil, but
/// the key is not missing, so rules must not report it as missing too.
public struct InvalidValue: Sendable, Hashable {
    public var key: String
    /// The map the key stands in: where it starts and its last key, the places where rules report a missing key.
    public var mapLocation: SourceLocation
    public var mapEndLocation: SourceLocation
}

/// Collects diagnostics while loading; never throws one at a time.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Keys present with a refused value.
    public private(set) var invalidValues: [InvalidValue] = []

    public func invalid(_ value: InvalidValue) { invalidValues.append(value) }

    public init() {}

    public func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public func error(_ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        add(Diagnostic(.error, code, at: location, message, hint: hint))
    }

    public func warning(_ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        add(Diagnostic(.warning, code, at: location, message, hint: hint))
    }
}
