import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders for changes: inotify on Linux, a polling scan where inotify is not available
/// or when polling is forced (`INZAGE_POLL=1`).
/// `onChange` is called on the watcher's thread after changes settle (debounced).
public final class FileWatcher: @unchecked Sendable {
    /// How changes are noticed.
    public enum Mode: Sendable, Equatable {
        case inotify
        /// A scan of every watched file each `pollInterval`.
        case polling
    }

    /// Time between two scans when polling.
    public static let pollInterval: useconds_t = 500_000

    private let folders: [String]
    private let forcePolling: Bool
    private let onChange: @Sendable () -> Void
    private let lock = NSLock()
    private var stopped = false

    /// Whether `environment` asks for polling instead of inotify (`INZAGE_POLL=1`).
    public static func pollingForced(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["INZAGE_POLL"] == "1"
    }

    public init(folders: [String], forcePolling: Bool = false, onChange: @escaping @Sendable () -> Void) {
        self.folders = folders
        self.forcePolling = forcePolling
        self.onChange = onChange
    }

    /// Starts watching on a thread of its own; returns how, so the caller can say so.
    @discardableResult
    public func start() -> Mode {
        #if canImport(Glibc)
        if !forcePolling {
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if fd >= 0 {
                startThread { [self] in runInotify(fd) }
                return .inotify
            }
        }
        #endif
        startThread { [self] in runPolling() }
        return .polling
    }

    private func startThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
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

    /// Every folder below the watched ones (inotify watches are per folder). Only folders are
    /// visited: a folder's entries say whether they are folders, so files are not looked at.
    func allFolders() -> [String] {
        var result: [String] = []
        func walk(_ folder: String, depth: Int) {
            var info = stat()
            guard depth < 32, stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
            result.append(folder)
            for entry in FolderEntry.read(folder) {
                let path = folder + "/" + entry.name
                if entry.isFolder { walk(path, depth: depth + 1) }
                // A link to a folder is watched, not walked into: it could lead back up (a loop).
                if entry.isLink, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { result.append(path) }
            }
        }
        for root in folders { walk(root, depth: 0) }
        return result
    }

    /// Whether a batch of inotify events may have added or removed a folder to watch (a folder
    /// made or moved in, a watched folder gone, or events lost): only then are the folders
    /// walked again. An edit to a file needs no new watch.
    static func mayChangeFolders(_ events: UnsafeRawBufferPointer) -> Bool {
        let header = 16 // wd, mask, cookie, len: four 32-bit fields, then `len` bytes of name
        var offset = 0
        while offset + header <= events.count {
            let mask = events.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(events.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            if mask & UInt32(IN_Q_OVERFLOW | IN_DELETE_SELF | IN_IGNORED | IN_MOVE_SELF) != 0 { return true }
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { return true }
            offset += header + length
        }
        return offset != events.count
    }

    #if canImport(Glibc)
    private func runInotify(_ fd: Int32) {
        defer { close(fd) }
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        func addWatches() { for folder in allFolders() { _ = inotify_add_watch(fd, folder, mask) } }
        addWatches()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 250)
            guard ready > 0 else { continue }
            // Drain, then wait for the burst of events an editor's save produces to settle.
            var changed = false, foldersChanged = false
            repeat {
                let count = read(fd, &buffer, buffer.count)
                guard count > 0 else { break }
                changed = true
                foldersChanged = foldersChanged || buffer.withUnsafeBytes { Self.mayChangeFolders(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
                usleep(60_000)
            } while !isStopped
            if foldersChanged { addWatches() }
            if changed { onChange() }
        }
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
            usleep(Self.pollInterval)
            let current = snapshot()
            if current != previous {
                previous = current
                onChange()
            }
        }
    }
}
