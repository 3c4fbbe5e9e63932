import Foundation

/// An inotify watch on every folder of the published site, for a long-running `serve`: which of
/// its files and folders may have changed since a publication last looked at them, without a
/// `stat` of each of the thousands of files on every rebuild (`PublishedFiles`).
///
/// The watch only follows files within folders that stay where they are. When a folder appears,
/// goes or moves, the site is swapped for a new one, a watched folder is lost, or the kernel's
/// queue of events overflows, the watch stops (`isWatching` turns false) and every path counts
/// as changed; `PublishedFiles` then makes a new watch, under a new `epoch`, and never trusts
/// what it recorded under an earlier one. Not thread-safe: `PublishedFiles` uses it under its lock.
final class OutputWatch: @unchecked Sendable {
    /// The site's folder; paths are this folder joined with their relative paths, as the
    /// publication names them.
    let root: String
    /// Set by `PublishedFiles`, different for every watch: an entry recorded under another epoch
    /// is not trusted.
    var epoch = -1
    private var fd: Int32 = -1
    /// Each watch's folder, as `root` or `root/relative`.
    private var folders: [Int32: String] = [:]
    /// Paths that saw an event since they were last looked at (`looked`).
    private var changed: Set<String> = []
    /// How many batches of events `refresh` has taken: a look at a path that began before the
    /// last batch may have missed that batch's change.
    private(set) var batchesTaken = 0

    /// Watches every folder of the site at `root` (its folders are read for that: a few ms for
    /// thousands of folders); not watching at all when one folder cannot be watched (too many
    /// folders for the system's limit, no site yet).
    init(root: String) {
        self.root = root
        start()
    }

    deinit { stop() }

    /// Whether every folder of the site is watched.
    var isWatching: Bool { fd >= 0 }

    /// Takes the events since the last call and marks their paths changed; the watch stops at
    /// a change to the folders (or when the changed paths pile up, such as the names of the
    /// temporary files each publication writes). Call it before looking at the site's files: a
    /// change after this call is seen by the next one.
    func refresh() {
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while fd >= 0 {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { break }
            batchesTaken += 1
            buffer.withUnsafeBytes { bytes in take(UnsafeRawBufferPointer(rebasing: bytes.prefix(count))) }
        }
        if changed.count > Self.changedLimit { stop() }
        #endif
    }

    /// Whether `path` (a file or folder of the site) is as it was when an entry of `epoch`
    /// recorded it, as far as the watch knows.
    func isUnchanged(_ path: String, since epoch: Int) -> Bool {
        fd >= 0 && epoch == self.epoch && !changed.contains(path)
    }

    /// Notes that `path` was looked at (its stat taken) after `batches` batches of events were
    /// taken; it counts as unchanged from then on only if no batch was taken since.
    func looked(at path: String, after batches: Int) {
        if batches == batchesTaken, !changed.isEmpty { changed.remove(path) }
    }

    private func stop() {
        if fd >= 0 { close(fd) }
        fd = -1
        folders = [:]
        changed = []
    }

    /// How many changed paths are remembered before the watch stops (and a new one starts).
    static let changedLimit = 20_000

    #if canImport(Glibc)
    private static let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                      | IN_DELETE_SELF | IN_MOVE_SELF | IN_DONT_FOLLOW | IN_ONLYDIR)

    /// Watches every folder of the site; no watch at all when one cannot be added (too many
    /// folders for the system's limit, no site yet).
    private func start() {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        func watch(_ path: String) -> Bool {
            let descriptor = inotify_add_watch(fd, path, Self.mask)
            guard descriptor >= 0 else { return false }
            folders[descriptor] = path
            for entry in FolderEntry.read(path) where entry.isFolder {
                guard watch(path + "/" + entry.name) else { return false }
            }
            return true
        }
        if !watch(root) { stop() }
    }

    private func take(_ events: UnsafeRawBufferPointer) {
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= events.count {
            let event = events.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            let nameStart = offset + header
            offset = nameStart + Int(event.len)
            let structural = UInt32(IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)
            // A folder that appears, goes or moves changes which path each watch stands for.
            let folderMoved = event.mask & UInt32(IN_ISDIR) != 0
                && event.mask & UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) != 0
            guard event.mask & structural == 0, !folderMoved, let folder = folders[event.wd] else {
                stop()
                return
            }
            guard event.len > 0, nameStart + Int(event.len) <= events.count else {
                changed.insert(folder)
                continue
            }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: events[nameStart..<(nameStart + Int(event.len))]).prefix { $0 != 0 },
                              as: UTF8.self)
            changed.insert(folder + "/" + name)
            // An entry added, removed or renamed changes the folder's list.
            if event.mask & UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) != 0 { changed.insert(folder) }
        }
    }
    #else
    private func start() {}
    private func take(_ events: UnsafeRawBufferPointer) {}
    #endif
}
