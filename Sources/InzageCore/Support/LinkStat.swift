#if canImport(Glibc)
import Glibc
#endif

/// The `lstat` of an entry (a link not followed), looked at by its name relative to an open
/// folder when there is one: a build looks at thousands of files in one folder, and a path walked
/// from the root for each cost a tenth of a one-file rebuild's stats.
enum LinkStat {
    /// The stat of `relative` ("" for the folder itself) in the open folder `folder`, or of
    /// `path` when the folder could not be opened (-1); nil when there is no such entry.
    static func of(_ relative: String, in folder: Int32, path: @autoclosure () -> String) -> stat? {
        var info = stat()
        let looked = folder >= 0 ? fstatat(folder, relative.isEmpty ? "." : relative, &info, AT_SYMLINK_NOFOLLOW) : lstat(path(), &info)
        return looked == 0 ? info : nil
    }
}
