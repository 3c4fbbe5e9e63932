import Foundation

/// The folders of the published site as the last one-off build surveyed them (the hidden file
/// `.public-inzage-mappen` beside `public/`): each folder's stat and entries. A build surveys the
/// published site to find the files it no longer makes (`SiteWriter.files`); with 2 000
/// bijsluiters that is 2 000 folders opened and read, which took a one-file rebuild about 10 ms
/// of a core. With this record a folder whose stat is the recorded one is taken as recorded.
///
/// That is exact: a folder's modification and status-change times move whenever an entry is
/// added, removed or renamed in it, and its device and inode name the folder itself. A folder is
/// recorded only when its times are older than `BuildSession.racyInterval` before it was read (a
/// change within the same clock tick might not move them), as `PublishedFiles` does under `serve`.
/// The record holds relative paths, names and stats only; a file that is not whole is not used.
final class SurveyedFolders: @unchecked Sendable {
    static let header = "inzage-mappen 1"

    private struct Folder {
        let stamp: FileStamp
        let entries: [FolderEntry]
    }

    private let lock = PThreadMutex()
    /// By path relative to the output folder ("" for the folder itself).
    private var recorded: [String: Folder]
    private var found: [String: Folder] = [:]
    /// Whether every folder was taken as recorded (the file then stays as it is).
    private var unchanged = true

    init(recorded: [String: (stamp: FileStamp, entries: [FolderEntry])] = [:]) {
        self.recorded = recorded.mapValues { Folder(stamp: $0.stamp, entries: $0.entries) }
    }

    /// How many folders the record holds.
    var recordedCount: Int { lock.withLock { recorded.count } }

    /// The record beside the output folder `output`, named after it like the listing snapshot.
    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)-inzage-mappen")
    }

    /// The record at `url`, or an empty one when there is none or it is not whole.
    static func read(from url: URL) -> SurveyedFolders {
        guard let bytes = FileData.readBytes(url.path), let folders = try? folders(in: bytes) else { return SurveyedFolders() }
        return SurveyedFolders(recorded: folders)
    }

    /// The entries of the folder at `relative` in the open output folder `outputFD` (full path
    /// `path`): as recorded while its stat is the recorded one, else read (and noted for the next
    /// build unless it changed too recently to go by its stat).
    func entries(of relative: String, path: String, outputFD: Int32) -> [FolderEntry] {
        let readStart = FileStamp.now()
        guard let info = LinkStat.of(relative, in: outputFD, path: path), (info.st_mode & S_IFMT) == S_IFDIR else { return FolderEntry.read(path) }
        let stamp = FileStamp(info)
        if let folder = lock.withLock({ recorded[relative] }), folder.stamp == stamp {
            lock.withLock { found[relative] = folder }
            return folder.entries
        }
        let entries = FolderEntry.read(path)
        lock.withLock {
            unchanged = false
            if let trusted = FileStamp.trusted(info, readStart: readStart) { found[relative] = Folder(stamp: trusted, entries: entries) }
        }
        return entries
    }

    /// Writes what the survey found to `url`, unless it is what the file holds (every folder was
    /// taken as recorded, and no other was). Called once the survey is done: the folders are let
    /// go of then, on another thread (freeing 2 000 of them took the end of a build 1 ms).
    func save(to url: URL) {
        let (recorded, found, unchanged) = lock.withLock {
            defer { (self.recorded, self.found) = ([:], [:]) }
            return (self.recorded, self.found, self.unchanged)
        }
        if unchanged, found.count == recorded.count {
            BackgroundRelease.release((recorded, found))
            return
        }
        if !FileData.replace(url.path, with: Data(Self.bytes(found))) { ListingSnapshot.remove(at: url) }
        BackgroundRelease.release((recorded, found))
    }

    /// Removes the record beside `output`, if there is one.
    static func remove(for output: URL) {
        ListingSnapshot.remove(at: location(for: output))
    }

    // MARK: The file
    //
    // The header and a digest of everything after it; then the number of folders and each
    // folder, in the order of their paths: its path, its stat, and its entries (a name and a kind
    // each: 0 a file, 1 a folder, 2 a link).

    private static func bytes(_ folders: [String: Folder]) -> [UInt8] {
        var writer = ByteWriter(capacity: folders.count * 64)
        writer.number(folders.count)
        for (path, folder) in folders.sorted(by: { $0.key < $1.key }) {
            writer.text(path)
            writer.stamp(folder.stamp)
            writer.number(folder.entries.count)
            for entry in folder.entries {
                writer.text(entry.name)
                writer.number(entry.isFolder ? 1 : entry.isLink ? 2 : 0)
            }
        }
        var file = ByteWriter(capacity: writer.bytes.count + 40)
        file.text(header)
        var digest = StableDigest()
        writer.bytes.withUnsafeBytes { digest.update($0) }
        file.digest(digest)
        file.raw(writer.bytes)
        return file.bytes
    }

    private static func folders(in bytes: [UInt8]) throws -> [String: (stamp: FileStamp, entries: [FolderEntry])] {
        var head = ByteReader(bytes)
        guard try head.text() == header else { throw ByteReader.Malformed() }
        let digest = try head.digest()
        var rest = StableDigest()
        bytes.withUnsafeBytes { rest.update(UnsafeRawBufferPointer(rebasing: $0[head.offset...])) }
        guard rest == digest else { throw ByteReader.Malformed() }
        var reader = ByteReader(bytes, from: head.offset)
        let count = try reader.number()
        guard count <= reader.remaining else { throw ByteReader.Malformed() }
        var folders: [String: (stamp: FileStamp, entries: [FolderEntry])] = [:]
        folders.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.text()
            guard let stamp = try reader.stamp() else { throw ByteReader.Malformed() }
            let entryCount = try reader.number()
            guard entryCount <= reader.remaining else { throw ByteReader.Malformed() }
            var entries: [FolderEntry] = []
            entries.reserveCapacity(entryCount)
            for _ in 0..<entryCount {
                let name = try reader.text()
                switch try reader.number() {
                case 0: entries.append(FolderEntry(name: name, isFolder: false))
                case 1: entries.append(FolderEntry(name: name, isFolder: true))
                case 2: entries.append(FolderEntry(name: name, isFolder: false, isLink: true))
                default: throw ByteReader.Malformed()
                }
            }
            folders[path] = (stamp, entries)
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return folders
    }
}
