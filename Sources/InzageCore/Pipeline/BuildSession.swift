import Foundation

/// What a long-running `inzage serve` keeps between rebuilds so that a change to one file re-does
/// only what depends on it:
/// - parsed bijsluiters and pages, keyed by path and the file's exact bytes;
/// - rendered per-item pages (one bijsluiter, one extra page), keyed by the exact text of their
///   own file, and dropped wholesale when anything global changes (organisatie.yaml, any other
///   top-level document, the list of pages, a template, the date).
/// Every rule still runs over all content on every rebuild, because rules cross documents.
public final class BuildSession: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: (bytes: Data, value: Any)] = [:]
    private var rendered: [String: OutputFile] = [:]
    private var globalKey: String?

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
}
