import Foundation

/// What a long-running `inzage serve` keeps between rebuilds so that a change to one file re-does
/// only what depends on it:
/// - parsed bijsluiters and pages, keyed by path and the file's exact bytes;
/// - rendered per-item pages (one bijsluiter, one extra page), keyed by the exact text of their
///   own file, and dropped wholesale when anything global changes (organisatie.yaml, any other
///   top-level document, the list of pages, a template, the date).
/// - the findings of the per-file rules for each bijsluiter and page, keyed by the file's exact
///   text, and dropped wholesale when what those rules may read besides the file changes.
/// Rules over the whole content (across documents) run on every rebuild.
public final class BuildSession: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: (bytes: Data, value: Any)] = [:]
    private var rendered: [String: OutputFile] = [:]
    private var globalKey: String?
    private var findings: [String: [Diagnostic]] = [:]
    private var checkKey: String?

    public init() {}

    /// A parsed file is reused only when its bytes are exactly the bytes it was parsed from:
    /// file times can stay the same across quick edits, bytes cannot.
    func parsedValue<T>(for path: String, bytes: Data?, make: () -> T) -> T {
        if let bytes {
            lock.lock()
            let cached = parsed[path]
            lock.unlock()
            if let cached, cached.bytes == bytes, let value = cached.value as? T { return value }
        }
        let value = make()
        if let bytes {
            lock.lock()
            parsed[path] = (bytes, value)
            lock.unlock()
        }
        return value
    }

    /// Starts a render pass: forgets every rendered page when the global inputs changed.
    func beginRender(globalKey key: String) {
        lock.lock()
        if key != globalKey {
            rendered.removeAll()
            globalKey = key
        }
        lock.unlock()
    }

    func renderedPage(for key: String, make: () throws -> OutputFile) rethrows -> OutputFile {
        lock.lock()
        let cached = rendered[key]
        lock.unlock()
        if let cached { return cached }
        let file = try make()
        lock.lock()
        rendered[key] = file
        lock.unlock()
        return file
    }

    /// Drops rendered pages whose keys were not used in the last pass (deleted or changed files).
    func keepOnly(_ keys: Set<String>) {
        lock.lock()
        rendered = rendered.filter { keys.contains($0.key) }
        lock.unlock()
    }

    /// Starts a check: forgets every kept finding when the rules or their context changed.
    func beginCheck(globalKey key: String) {
        lock.withLock {
            if key != checkKey {
                findings.removeAll()
                checkKey = key
            }
        }
    }

    func findings(for key: String, make: () -> [Diagnostic]) -> [Diagnostic] {
        if let cached = lock.withLock({ findings[key] }) { return cached }
        let made = make()
        lock.withLock { findings[key] = made }
        return made
    }

    /// Drops the findings of files that are gone or changed.
    func keepOnlyFindings(_ keys: Set<String>) {
        lock.withLock { findings = findings.filter { keys.contains($0.key) } }
    }
}
