import Foundation

/// What the preview server tells browsers: a version that changes after every rebuild (good or
/// failed), and the diagnostics of the last failed build.
public final class LiveState: @unchecked Sendable {
    private let condition = NSCondition()
    private var version = 1
    private var problems: String?
    private var observers: [@Sendable () -> Void] = []

    public init() {}

    public var current: (version: Int, problems: String?) {
        condition.lock()
        defer { condition.unlock() }
        return (version, problems)
    }

    /// Called when a rebuild has finished and its result is in place.
    public func publish(problems: String?) {
        condition.lock()
        version += 1
        self.problems = problems
        condition.broadcast()
        let observers = self.observers
        condition.unlock()
        for observer in observers { observer() }
    }

    /// Calls `observer` after every `publish`, once the new version can be read.
    func onPublish(_ observer: @escaping @Sendable () -> Void) {
        condition.lock()
        observers.append(observer)
        condition.unlock()
    }

    /// Waits until the version differs from `seen` or the timeout passes; returns the version.
    public func wait(after seen: Int, timeout: TimeInterval) -> Int {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while version == seen, condition.wait(until: deadline) {}
        return version
    }
}
