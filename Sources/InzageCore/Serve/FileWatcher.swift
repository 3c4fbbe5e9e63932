import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders for changes: inotify on Linux, a polling scan where inotify is not available
/// or when polling is forced (`INZAGE_POLL=1`).
/// `onChange` is called on the watcher's thread after changes settle (debounced), with what
/// changed in the first folder (the content folder): the files inotify named, or `.unknown`
/// when polling or when inotify may not have named every change.
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
    private let onChange: @Sendable (ContentChanges) -> Void
    private let lock = NSLock()
    private var stopped = false

    /// Whether `environment` asks for polling instead of inotify (`INZAGE_POLL=1`).
    public static func pollingForced(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["INZAGE_POLL"] == "1"
    }

    public init(folders: [String], forcePolling: Bool = false, onChange: @escaping @Sendable (ContentChanges) -> Void) {
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
                // Every folder is watched before `start` returns: a change from then on is seen.
                let watched = addWatches(fd, to: [:])
                startThread { [self] in runInotify(fd, watched: watched) }
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
    func allFolders() -> [String] { watchedFolders().map(\.path) }

    /// `allFolders`, each with its path relative to the first watched folder ("" for that folder
    /// itself; nil for a folder under another watched folder).
    func watchedFolders() -> [(path: String, relative: String?)] {
        var result: [(path: String, relative: String?)] = []
        func walk(_ folder: String, relative: String?, depth: Int) {
            var info = stat()
            guard depth < 32, stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
            result.append((folder, relative))
            for entry in FolderEntry.read(folder) {
                let path = folder + "/" + entry.name
                let below = relative.map { $0.isEmpty ? entry.name : $0 + "/" + entry.name }
                if entry.isFolder { walk(path, relative: below, depth: depth + 1) }
                // A link to a folder is watched, not walked into: it could lead back up (a loop).
                if entry.isLink, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { result.append((path, below)) }
            }
        }
        for (index, root) in folders.enumerated() { walk(root, relative: index == 0 ? "" : nil, depth: 0) }
        return result
    }

    /// The files of the first watched folder that a batch of inotify events names, relative to
    /// that folder; `.unknown` when the batch may not name every change: events were lost, a
    /// folder was made, moved or removed, or an event came from a folder not (or no longer)
    /// known. Events in the other watched folders (the templates) name nothing.
    /// - Parameter folders: each watch's folder, relative to the first watched folder.
    static func changes(in events: UnsafeRawBufferPointer, folders: [Int32: String?]) -> ContentChanges {
        let header = 16 // wd, mask, cookie, len: four 32-bit fields, then `len` bytes of name
        var files: Set<String> = []
        var offset = 0
        while offset + header <= events.count {
            let watch = events.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = events.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(events.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            guard offset + header + length <= events.count else { return .unknown }
            if mask & UInt32(IN_Q_OVERFLOW | IN_DELETE_SELF | IN_IGNORED | IN_MOVE_SELF | IN_ISDIR) != 0 { return .unknown }
            guard let known = folders[watch] else { return .unknown }
            if let folder = known {
                let bytes = UnsafeRawBufferPointer(rebasing: events[(offset + header)..<(offset + header + length)])
                let name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                // An event about the folder itself carries no name.
                if name.isEmpty { return .unknown }
                files.insert(folder.isEmpty ? name : folder + "/" + name)
            }
            offset += header + length
        }
        return offset == events.count ? .files(files) : .unknown
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
    /// Watches every folder (again), and returns each watch's folder relative to the content
    /// folder (nil: under the templates folder).
    private func addWatches(_ fd: Int32, to watched: [Int32: String?]) -> [Int32: String?] {
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        var watched = watched
        for folder in watchedFolders() {
            let watch = inotify_add_watch(fd, folder.path, mask)
            if watch >= 0 { watched[watch] = folder.relative }
        }
        return watched
    }

    private func runInotify(_ fd: Int32, watched: [Int32: String?]) {
        defer { close(fd) }
        var watched = watched
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 250)
            guard ready > 0 else { continue }
            // Drain, then wait for the burst of events an editor's save produces to settle.
            var changes: ContentChanges?, foldersChanged = false
            repeat {
                let count = read(fd, &buffer, buffer.count)
                guard count > 0 else { break }
                let (batch, folders) = buffer.withUnsafeBytes { bytes in
                    let events = UnsafeRawBufferPointer(rebasing: bytes.prefix(count))
                    return (Self.changes(in: events, folders: watched), Self.mayChangeFolders(events))
                }
                changes = changes.map { $0.union(batch) } ?? batch
                foldersChanged = foldersChanged || folders
                usleep(60_000)
            } while !isStopped
            if foldersChanged { watched = addWatches(fd, to: watched) }
            if let changes { onChange(changes) }
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
                onChange(.unknown)
            }
        }
    }
}
