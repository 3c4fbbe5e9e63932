import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Maps over items on all cores, keeping the order. Used for the per-file and per-page work
/// (parsing, rendering) whose items are independent; the first error is rethrown.
public enum Parallel {
    public static func map<T, R>(_ items: [T], minimumBatch: Int = 8, _ transform: (T) throws -> R) throws -> [R] {
        guard items.count >= minimumBatch * 2 else { return try items.map(transform) }
        let results = ResultBox<R>(count: items.count)
        // Chunks keep scheduling overhead small when items are cheap.
        let chunks = min(items.count, 64)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(transform)
            let input = UncheckedSendable(items)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * input.value.count / chunks
                let end = (chunk + 1) * input.value.count / chunks
                for index in start..<end {
                    do {
                        results.set(index, .success(try work.value(input.value[index])))
                    } catch {
                        results.set(index, .failure(error))
                    }
                }
            }
        }
        return try results.values()
    }
}

/// Work started on another core at once, whose result is waited for when it is needed: the theme
/// is parsed while the content is loaded, the published site is surveyed while pages render.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async(group: done) { [self] in
            result = Result(catching: work)
        }
    }

    /// The work's result (or its error), after waiting for it to end.
    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}

/// Wraps a value that is only read concurrently, never mutated. A class: closures that run once
/// per item capture one reference instead of copying (and retaining every field of) a large value.
final class UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Result slots written once each from different threads, at distinct indices.
private final class ResultBox<R>: @unchecked Sendable {
    private var slots: [Result<R, Error>?]
    private let lock = PThreadMutex()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<R, Error>) {
        lock.withLock { slots[index] = value }
    }

    /// The values, moved out of their slots (once: a copy of each, with the slots let go of
    /// after, retained and released every reference in them once more).
    func values() throws -> [R] {
        var values: [R] = []
        values.reserveCapacity(slots.count)
        for index in slots.indices {
            switch slots[index].take() {
            case .success(let value)?: values.append(value)
            case .failure(let error)?: throw error
            case nil: throw ParallelError.missingResult
            }
        }
        return values
    }
}

enum ParallelError: Error { case missingResult }

/// A pthread mutex without Foundation.
final class PThreadMutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

/// Lets go of a large structure on another thread: the listing pages of a one-off build hold
/// tens of thousands of rows, and freeing them one by one took the build's own thread about
/// 20 ms at its very end. A process that exits first frees nothing at all. The caller hands its
/// own reference over (`consume`, `Optional.take()`): one it kept would free the structure
/// wherever it ends, whenever the other thread is done first.
enum BackgroundRelease {
    static func release<Value>(_ value: consuming Value) {
        // The other thread holds the only reference: one kept here would be let go of after it,
        // whenever the other thread is done first, and free the structure here.
        let held = Unmanaged.passRetained(UncheckedSendable(value))
        let address = UInt(bitPattern: held.toOpaque())
        DispatchQueue.global(qos: .utility).async {
            guard let pointer = UnsafeRawPointer(bitPattern: address) else { return }
            Unmanaged<UncheckedSendable<Value>>.fromOpaque(pointer).release()
        }
    }
}
