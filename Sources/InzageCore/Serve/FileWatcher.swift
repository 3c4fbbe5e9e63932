import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders for changes: inotify on Linux, a polling scan where inotify is not available.
/// `onChange` is called on the watcher's thread after changes settle (debounced).
public final class FileWatcher: @unchecked Sendable {
    private let folders: [String]
    private let onChange: @Sendable () -> Void
    private let lock = NSLock()
    private var stopped = false
    public private(set) var usesInotify = false

    public init(folders: [String], onChange: @escaping @Sendable () -> Void) {
        self.folders = folders
        self.onChange = onChange
    }

    public func start() {
        let thread = Thread { [self] in
            #if canImport(Glibc)
            if runInotify() { return }
            #endif
            runPolling()
        }
        thread.name = "inzage-watch"
        thread.start()
    }

    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Every folder below the watched ones (inotify watches are per folder).
    private func allFolders() -> [String] {
        var result: [String] = []
        for root in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            result.append(root)
            if let enumerator = FileManager.default.enumerator(atPath: root) {
                while let path = enumerator.nextObject() as? String {
                    let full = root + "/" + path
                    if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue { result.append(full) }
                }
            }
        }
        return result
    }

    #if canImport(Glibc)
    private func runInotify() -> Bool {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF)
        func addWatches() { for folder in allFolders() { _ = inotify_add_watch(fd, folder, mask) } }
        addWatches()
        usesInotify = true
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 250)
            guard ready > 0 else { continue }
            // Drain, then wait for the burst of events an editor's save produces to settle.
            var changed = false
            repeat {
                let count = read(fd, &buffer, buffer.count)
                if count > 0 { changed = true } else { break }
                usleep(60_000)
            } while !isStopped
            if changed {
                addWatches()
                onChange()
            }
        }
        return true
    }
    #endif

    private func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        for root in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let path = enumerator.nextObject() as? String {
                let attributes = enumerator.fileAttributes ?? [:]
                let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                result[root + "/" + path] = "\(date)-\(size)"
            }
        }
        return result
    }

    private func runPolling() {
        var previous = snapshot()
        while !isStopped {
            usleep(400_000)
            let current = snapshot()
            if current != previous {
                previous = current
                onChange()
            }
        }
    }
}
