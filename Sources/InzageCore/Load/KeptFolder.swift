import Foundation

/// The files of `bijsluiters/` or `paginas/` as the last load under `serve` left them, in the
/// folder's order. A load that knows from the watcher which files changed (`ContentChanges`)
/// looks only at those, and at every symbolic link (a change to what a link leads to is seen at
/// the file it leads to, not at the link); it takes the others from here.
struct KeptFolder<Result> {
    /// The names as the folder lists them, sorted.
    var entries: [String]
    /// Each entry's display path (`bijsluiters/a.md` under the content folder's display name).
    var paths: [String]
    /// Each entry's stat when it was last looked at (nil: it could not be read).
    var stamps: [FileStamp?]
    var isLink: [Bool]
    /// What loading each entry gave.
    var results: [Result]

    /// Where `name` is or would be in `entries`.
    func position(of name: String) -> (index: Int, present: Bool) {
        let low = entries.indices.partitionPoint { entries[$0] < name }
        return (low, low < entries.count && entries[low] == name)
    }

    mutating func remove(at index: Int) {
        entries.remove(at: index)
        paths.remove(at: index)
        stamps.remove(at: index)
        isLink.remove(at: index)
        results.remove(at: index)
    }

    mutating func insert(_ name: String, path: String, at index: Int, placeholder: Result) {
        entries.insert(name, at: index)
        paths.insert(path, at: index)
        stamps.insert(nil, at: index)
        isLink.insert(false, at: index)
        results.insert(placeholder, at: index)
    }
}

/// Loading under `serve` with the last load's `KeptFolder`s.
extension ContentLoader {
    /// The files of `folder` under `serve`, kept for the next load. With the watcher's changes
    /// known and the last load's `KeptFolder`, only the changed entries and the links are looked
    /// at. Otherwise every entry is listed and its stat taken (on all cores), and the kept parses
    /// are taken in one go. Either way, only files whose stat changed are parsed (on all cores).
    func loadFolder(_ folder: String, changes: ContentChanges, session: BuildSession, rootURL: URL,
                    timer: inout PhaseTimer) throws -> KeptFolder<FolderFileResult> {
        let folderPath = rootURL.appendingPathComponent(folder).path
        let folderFD = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folderFD >= 0 { close(folderFD) } }
        let stamp = { (entry: String) in folderFD >= 0 ? FileStamp(directory: folderFD, name: entry) : FileStamp(path: folderPath + "/" + entry) }
        let placeholder = FolderFileResult(path: "")
        var kept: KeptFolder<FolderFileResult>
        var toRead: [Int]
        let trusted: Bool
        if let names = changes.names(in: folder), let last: KeptFolder<FolderFileResult> = session.keptFolder(display(folder)) {
            kept = last
            var changed: Set<String> = []
            for name in names.sorted() where Self.isListed(name) {
                let info = LinkStat.of(name, in: folderFD, path: folderPath + "/" + name)
                let exists = info != nil
                let (index, present) = kept.position(of: name)
                if present, !exists { kept.remove(at: index) }
                if !present, exists { kept.insert(name, path: display("\(folder)/\(name)"), at: index, placeholder: placeholder) }
                if let info {
                    kept.isLink[index] = (info.st_mode & S_IFMT) == S_IFLNK
                    changed.insert(name)
                }
            }
            toRead = kept.entries.indices.filter { kept.isLink[$0] || changed.contains(kept.entries[$0]) }
            trusted = true
            timer.lap("   \(folder): changed entries (watcher)")
        } else {
            let entries = listFolder(folder)
            timer.lap("   \(folder): listed")
            let names = entries.map(\.name)
            let stamps = try Parallel.map(names, minimumBatch: 64, stamp)
            timer.lap("   \(folder): stats")
            let paths = names.map { display("\(folder)/\($0)") }
            let keptParses: [FolderFileResult?] = session.keptValues(for: paths, stamps: stamps)
            kept = KeptFolder(entries: names, paths: paths, stamps: stamps, isLink: entries.map(\.isLink),
                              results: keptParses.map { $0 ?? placeholder })
            toRead = keptParses.indices.filter { keptParses[$0] == nil }
            trusted = false
            timer.lap("   \(folder): kept parses")
        }
        // Each file's stat is taken again right before it is read: the one it is kept with.
        let read = kept
        let rootPath = rootURL.path
        let parsed = try Parallel.map(toRead, minimumBatch: 1) { index in
            let entry = read.entries[index], now = stamp(entry)
            return (now, session.parsedValue(for: read.paths[index], stamp: { now }) {
                loadFolderFile(folder: folder, entry: entry, rootPath: rootPath)
            })
        }
        for (index, (stamp, result)) in zip(toRead, parsed) {
            kept.stamps[index] = stamp
            kept.results[index] = result
        }
        timer.lap("   \(folder): changed files parsed")
        session.keepFolder(kept, for: display(folder), trustedChanges: trusted)
        return kept
    }

    /// Whether `bijsluiters/` and `paginas/` still hold what the last load under `serve` left
    /// (its `KeptFolder`s): the same entries, each with the same stat. `serve` asks after each
    /// rebuild, off the rebuild's path, so a change the watcher did not report (a file changed
    /// through a hard link outside the content folder) still leads to a rebuild that looks at
    /// every file. False when unsure.
    public func keptFoldersAreCurrent() -> Bool {
        guard let session else { return false }
        for folder in ["bijsluiters", "paginas"] {
            guard let kept: KeptFolder<FolderFileResult> = session.keptFolder(display(folder)) else { return false }
            let folderPath = URL(fileURLWithPath: root).appendingPathComponent(folder).path
            let entries = listFolder(folder)
            guard entries.map(\.name) == kept.entries, entries.map(\.isLink) == kept.isLink else { return false }
            for (entry, stamp) in zip(kept.entries, kept.stamps) where FileStamp(path: folderPath + "/" + entry) != stamp { return false }
        }
        return true
    }
}
