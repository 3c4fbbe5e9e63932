#if canImport(Glibc)
import Glibc
#endif

/// One entry of a folder, as `readdir` gives it: the name and its type, without a `stat` per
/// entry (folders with thousands of pages are read on every rebuild).
struct FolderEntry: Equatable, Sendable {
    let name: String
    let isFolder: Bool
    /// A symbolic link (not followed: `isFolder` is false for a link to a folder).
    var isLink = false

    /// The entries of the folder at `path` without "." and ".."; empty when it cannot be read.
    static func read(_ path: String) -> [FolderEntry] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [FolderEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                // Some file systems do not fill in the type.
                var info = stat()
                guard lstat(path + "/" + name, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = UInt8(DT_DIR)
                case S_IFLNK: type = UInt8(DT_LNK)
                default: type = UInt8(DT_REG)
                }
            }
            entries.append(FolderEntry(name: name, isFolder: type == UInt8(DT_DIR), isLink: type == UInt8(DT_LNK)))
        }
        return entries
    }
}
