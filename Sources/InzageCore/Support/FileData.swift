import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading a whole file at once.
enum FileData {
    /// The bytes of the regular file at `path`, read with `open`, `fstat` and `read` straight into
    /// the `Data` (FileManager's `contents(atPath:)` costs a URL and more system calls per file,
    /// for the thousands of published pages a rebuild compares); nil when it cannot be read.
    static func read(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var data = Data(count: Int(info.st_size))
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var count = 0
            while count < buffer.count {
                let read = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 && errno == EINTR { continue }
                if read <= 0 { return false }
                count += read
            }
            return true
        }
        guard complete else { return nil }
        // A file that grew since its `fstat` is read again whole.
        var next: UInt8 = 0
        guard Glibc.read(fd, &next, 1) == 0 else { return FileManager.default.contents(atPath: path) }
        return data
    }
}
