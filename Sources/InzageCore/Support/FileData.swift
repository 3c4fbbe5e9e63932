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
        guard data.withUnsafeMutableBytes({ readAll(fd, into: $0) }) else { return nil }
        // A file that grew since its `fstat` is read again whole.
        guard isAtEnd(fd) else { return FileManager.default.contents(atPath: path) }
        return data
    }

    /// The bytes of the regular file at `path`, read straight into an array: for files read as
    /// bytes (`ListingSnapshot`), without a copy out of a `Data`.
    static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
            complete = readAll(fd, into: UnsafeMutableRawBufferPointer(buffer))
            count = complete ? buffer.count : 0
        }
        // A file that grew since its `fstat` is not the one whose size was read.
        guard complete, isAtEnd(fd) else { return nil }
        return bytes
    }

    /// Fills `buffer` from `fd`, from where it stands or from `offset` on (`pread`); false when the
    /// file ends first or cannot be read.
    private static func readAll(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int? = nil) -> Bool {
        var count = 0
        while count < buffer.count {
            let read = if let offset { pread(fd, buffer.baseAddress! + count, buffer.count - count, off_t(offset + count)) } else {
                Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 && errno == EINTR { continue }
            if read <= 0 { return false }
            count += read
        }
        return true
    }

    /// A regular file held open to be read part by part (`pread`): whatever replaces the file at
    /// its path meanwhile, its parts are read from the file that was opened.
    final class Opened: @unchecked Sendable {
        private let fd: Int32
        /// Its size when it was opened.
        let size: Int

        init?(_ path: String) {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                close(fd)
                return nil
            }
            size = Int(info.st_size)
        }

        deinit { close(fd) }

        /// The bytes at `range`; nil when the file no longer holds them.
        func bytes(at range: Range<Int>) -> [UInt8]? {
            var complete = false
            let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
                complete = read(range.lowerBound, into: UnsafeMutableRawBufferPointer(buffer))
                count = complete ? buffer.count : 0
            }
            return complete ? bytes : nil
        }

        /// Fills `buffer` with the bytes from `offset` on; false when the file ends first.
        func read(_ offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            FileData.readAll(fd, into: buffer, at: offset)
        }
    }

    /// Whether `fd` has nothing more to read.
    private static func isAtEnd(_ fd: Int32) -> Bool {
        var next: UInt8 = 0
        return Glibc.read(fd, &next, 1) == 0
    }

    /// Appends `bytes` to the regular file at `path` when it is `size` bytes long (no other build
    /// wrote to it since it was read); false, with nothing appended, otherwise. A crash halfway
    /// leaves a file whose reader finds it cut off.
    static func append(_ path: String, _ bytes: some Collection<UInt8>, toSize size: Int) -> Bool {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return false }
        return bytes.withContiguousStorageIfAvailable { write(fd, UnsafeRawBufferPointer($0)) } ?? Array(bytes).withUnsafeBytes { write(fd, $0) }
    }

    /// Writes all of `buffer` to `fd`.
    private static func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var written = 0
        while written < buffer.count {
            let count = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            written += count
        }
        return true
    }

    /// Puts `data` at `path` in place of what is there: written next to it, the old file removed,
    /// then the new one renamed to `path`. For files whose readers check what they read (the
    /// findings record names its digests): between the removal and the rename there is no file,
    /// never a half-written one. Renamed over an old file (or written over it after truncating),
    /// ext4 writes the new one out at once, which took longer than a whole patch build for the
    /// 5 MB of texts of 2 000 bijsluiters.
    static func replace(_ path: String, with data: Data) -> Bool {
        let temporary = path + ".\(getpid())"
        do {
            try SiteWriter.writeFile(temporary, data)
        } catch {
            unlink(temporary)
            return false
        }
        unlink(path)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
