import Foundation

/// What a long-running `serve` last found in its published site: each file's `stat` and bytes.
/// The next publication compares a page with these bytes in memory, as long as the file's stat is
/// unchanged, instead of reading thousands of unchanged files back from disk. A file whose stat
/// moved, or that was written within the last two seconds (see `BuildSession.racyInterval`), is
/// read again. While an `OutputWatch` watches the site (`watchSite`), a file or folder it saw
/// no event for since it was recorded is taken as recorded without a `stat` at all.
public final class PublishedFiles: @unchecked Sendable {
    private let lock = PThreadMutex()
    /// A file as last found: its stat and bytes.
    struct Entry {
        let stamp: FileStamp
        let data: Data
        /// The watch's epoch when the stat was taken (`OutputWatch.epoch`; -1: no watch).
        var epoch = -1
        /// Whether the watch saw no event for the file since (set by `published`).
        var isUnchanged = false

        /// Whether the file holds `data`: from memory while the watch saw no event for it, else
        /// while its stat (`stamp`, taken only then) is the entry's; nil when that is not known
        /// without reading it (the file changed since).
        func holds(_ data: Data, stamp: () -> FileStamp?) -> Bool? {
            guard isUnchanged || stamp() == self.stamp else { return nil }
            return PublishedFiles.same(self.data, data)
        }
    }

    private var files: [String: Entry] = [:]
    private var folders: [String: (stamp: FileStamp, entries: [FolderEntry], epoch: Int)] = [:]
    /// The watch on the published site, once made (`watchSite`); nil without inotify.
    private var watch: OutputWatch?
    private let mayWatch: Bool
    /// Whether a new watch is being made, off the rebuild's path.
    private var startingWatch = false
    private var nextEpoch = 0
    /// New watches that could not watch every folder: after a few, the site is not watched again.
    private var failedWatches = 0

    /// Whether a watch on the site is in place (for tests).
    var isWatchingSite: Bool { lock.withLock { watch?.isWatching ?? false } }

    /// - Parameter watching: whether the site may be watched with inotify (`watchSite`).
    public init(watching: Bool = false) {
        mayWatch = watching
    }

    /// Takes what the watch on the site at `root` saw since the last call, or starts watching
    /// it. A look at the site calls it before it looks at any file.
    /// A new watch is made on another thread (it reads every folder of the site); until it is in
    /// place, nothing is trusted without a `stat`.
    func watchSite(at root: String) {
        guard mayWatch else { return }
        let start = lock.withLock { () -> Bool in
            if let watch, watch.root == root {
                watch.refresh()
                if watch.isWatching { return false }
            }
            watch = nil
            guard !startingWatch, failedWatches < 3 else { return false }
            startingWatch = true
            return true
        }
        guard start else { return }
        DispatchQueue.global(qos: .utility).async {
            let made = OutputWatch(root: root)
            self.lock.withLock {
                self.startingWatch = false
                guard made.isWatching else {
                    self.failedWatches += 1
                    return
                }
                made.epoch = self.nextEpoch
                self.nextEpoch += 1
                self.watch = made
            }
        }
    }

    /// Takes the events the watch saw since it was last asked, without making a new watch: a
    /// publication asks right before it trusts a batch of files, so a change by hand while the
    /// pages rendered is seen now rather than by the next rebuild.
    func takeSiteEvents() {
        lock.withLock {
            guard let watch else { return }
            watch.refresh()
            if !watch.isWatching { self.watch = nil }
        }
    }

    /// The watch's epoch and its count of batches of events now, taken before a stat that will
    /// be recorded (epoch -1: no watch).
    private func watchMark() -> (epoch: Int, batches: Int) {
        lock.withLock { watch.map { $0.isWatching ? ($0.epoch, $0.batchesTaken) : (-1, 0) } ?? (-1, 0) }
    }

    /// Whether the file at `path` holds `data`; nil when that is not known without reading it.
    func holds(_ path: String, _ data: Data) -> Bool? {
        published([path])[0]?.holds(data, stamp: { FileStamp(path: path) })
    }

    /// What was last found in the files at `paths`, under one lock: a publication asks for
    /// thousands at once, from several threads. A file counts as holding an entry's bytes only
    /// while its stat is the entry's stamp, or while the watch saw no event for it
    /// (`Entry.isUnchanged`).
    func published(_ paths: [String]) -> [Entry?] {
        lock.withLock {
            paths.map { path in
                guard var entry = files[path] else { return nil }
                entry.isUnchanged = watch?.isUnchanged(path, since: entry.epoch) ?? false
                return entry
            }
        }
    }

    /// Byte equality, without reading the bytes when both are the same storage (a page kept by
    /// the session is the very `Data` that was published).
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        let shared = a.withUnsafeBytes { first in b.withUnsafeBytes { second in first.baseAddress == second.baseAddress } }
        return shared || a == b
    }

    /// The entries of the folder at `path`: as last read while the folder's stat is unchanged,
    /// else from `read` (remembered unless the folder changed within `BuildSession.racyInterval`).
    /// Without a `stat` while the watch saw no event for the folder since.
    func entries(of path: String, stamp: () -> FileStamp? = { nil }, read: () -> [FolderEntry]) -> [FolderEntry] {
        let (known, isUnchanged) = lock.withLock {
            let known = folders[path]
            return (known, known.map { watch?.isUnchanged(path, since: $0.epoch) ?? false } ?? false)
        }
        if let known, isUnchanged { return known.entries }
        let mark = watchMark()
        let readStart = FileStamp.now()
        guard let stamp = stamp() ?? FileStamp(path: path) else { return read() }
        if let known, known.stamp == stamp {
            lock.withLock {
                folders[path]?.epoch = mark.epoch
                watch?.looked(at: path, after: mark.batches)
            }
            return known.entries
        }
        let entries = read()
        lock.withLock {
            if stamp.modified < readStart - BuildSession.racyInterval {
                folders[path] = (stamp, entries, mark.epoch)
                watch?.looked(at: path, after: mark.batches)
            } else {
                folders.removeValue(forKey: path)
            }
        }
        return entries
    }

    /// Notes that the file at `path` was found to hold `data`.
    func record(_ path: String, _ data: Data) {
        let mark = watchMark()
        let readStart = FileStamp.now()
        guard let stamp = FileStamp(path: path), stamp.modified < readStart - BuildSession.racyInterval else {
            lock.withLock { _ = files.removeValue(forKey: path) }
            return
        }
        lock.withLock {
            files[path] = Entry(stamp: stamp, data: data, epoch: mark.epoch)
            watch?.looked(at: path, after: mark.batches)
        }
    }
}
