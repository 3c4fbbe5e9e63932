import Foundation

/// What a long-running `serve` last found in its published site: each file's `stat` and bytes.
/// The next publication compares a page with these bytes in memory, as long as the file's stat is
/// unchanged, instead of reading thousands of unchanged files back from disk. A file whose stat
/// moved, or that was written within the last two seconds (see `BuildSession.racyInterval`), is
/// read again.
public final class PublishedFiles: @unchecked Sendable {
    private let lock = PThreadMutex()
    /// A file as last found: its stat and bytes.
    struct Entry {
        let stamp: FileStamp
        let data: Data

        /// Whether the file, whose stat is now `stamp`, holds `data`; nil when that is not known
        /// without reading it (the file changed since).
        func holds(_ data: Data, stamp: FileStamp?) -> Bool? {
            guard let stamp, stamp == self.stamp else { return nil }
            return PublishedFiles.same(self.data, data)
        }
    }

    private var files: [String: Entry] = [:]
    private var folders: [String: (stamp: FileStamp, entries: [FolderEntry])] = [:]

    public init() {}

    /// Whether the file at `path` holds `data`; nil when that is not known without reading it.
    func holds(_ path: String, _ data: Data) -> Bool? {
        lock.withLock({ files[path] })?.holds(data, stamp: FileStamp(path: path))
    }

    /// What was last found in the files at `paths`, under one lock: a publication asks for
    /// thousands at once, from several threads. A file counts as holding an entry's bytes only
    /// while its stat is the entry's stamp.
    func published(_ paths: [String]) -> [Entry?] {
        lock.withLock { paths.map { files[$0] } }
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
    func entries(of path: String, stamp: () -> FileStamp? = { nil }, read: () -> [FolderEntry]) -> [FolderEntry] {
        let readStart = FileStamp.now()
        guard let stamp = stamp() ?? FileStamp(path: path) else { return read() }
        if let known = lock.withLock({ folders[path] }), known.stamp == stamp { return known.entries }
        let entries = read()
        lock.withLock {
            if stamp.modified < readStart - BuildSession.racyInterval {
                folders[path] = (stamp, entries)
            } else {
                folders.removeValue(forKey: path)
            }
        }
        return entries
    }

    /// Notes that the file at `path` was found to hold `data`.
    func record(_ path: String, _ data: Data) {
        let readStart = FileStamp.now()
        guard let stamp = FileStamp(path: path), stamp.modified < readStart - BuildSession.racyInterval else {
            lock.withLock { _ = files.removeValue(forKey: path) }
            return
        }
        lock.withLock { files[path] = Entry(stamp: stamp, data: data) }
    }
}
