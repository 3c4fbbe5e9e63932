import Foundation

/// Lets `serve` stop between rebuilds, never in the middle of one: a rebuild that is cut off can
/// leave its staging folder (`.public.inzage-nieuw-<pid>`) next to the output folder.
public final class RebuildGate: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var stopping = false
    private var whenStopped: (@Sendable () -> Void)?

    public init() {}

    /// Runs `work` unless a stop was asked for; returns whether it ran. A stop asked for while
    /// `work` runs happens right after it.
    @discardableResult
    public func run(_ work: () -> Void) -> Bool {
        lock.lock()
        guard !stopping else {
            lock.unlock()
            return false
        }
        running = true
        lock.unlock()
        work()
        lock.lock()
        running = false
        let stop = whenStopped
        whenStopped = nil
        lock.unlock()
        stop?()
        return true
    }

    /// Asks to stop: no new rebuild starts any more, and `stop` runs now, or when the running
    /// rebuild is done. Returns whether a rebuild is running (so `stop` waits for it); a second
    /// request is ignored and returns false.
    @discardableResult
    public func requestStop(_ stop: @escaping @Sendable () -> Void) -> Bool {
        lock.lock()
        guard !stopping else {
            lock.unlock()
            return false
        }
        stopping = true
        if running {
            whenStopped = stop
            lock.unlock()
            return true
        }
        lock.unlock()
        stop()
        return false
    }
}
