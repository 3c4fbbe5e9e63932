import Foundation

/// The text before the body of every bijsluiter in the findings record, one after the other, in a
/// file of its own beside it (`.public-inzage-bevindingen-teksten`): a patch build reads it only
/// after an edit to a front matter, to parse that bijsluiter as the build before saw it, and
/// writes it only when one of these texts changed. An edit to a body touches neither.
///
/// The record names the file's digest and size, so a file that is not the one the record was
/// written with (a build stopped between the two) is never used.
struct RecordedTexts: Equatable {
    /// The digest and size of the file, as the record names them (of `bytes` once they changed).
    private(set) var digest: StableDigest
    private(set) var count: Int
    /// The bytes: nil until read; new texts are added at the end.
    private var bytes: [UInt8]?
    /// How many of `bytes` the file held when it was read (nil for texts not read from a file).
    private var fileCount: Int?
    /// Whether `bytes` differ from the file the record names.
    private(set) var changed: Bool

    /// The texts of a record as read: the file is read when a text is asked for.
    init(digest: StableDigest, count: Int) {
        self.digest = digest
        self.count = count
        changed = false
    }

    /// No texts yet, for a new record.
    init() {
        digest = StableDigest.of("")
        count = 0
        bytes = []
        changed = true
    }

    /// The texts file of the record at `record`.
    static func location(forRecord record: URL) -> URL {
        record.deletingLastPathComponent().appendingPathComponent(record.lastPathComponent + "-teksten")
    }

    /// The text at `range`, reading the file at `url` the first time; nil when the file is not
    /// the one the record names, or the range lies outside it.
    mutating func text(at range: Range<Int>, from url: URL) -> String? {
        guard load(from: url), let bytes, range.upperBound <= bytes.count else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Adds `text` at the end and returns where it stands; nil when the texts recorded so far
    /// cannot be read (the entries that named them then name none).
    mutating func append(_ text: String, from url: URL) -> Range<Int>? {
        guard load(from: url) else { return nil }
        let start = bytes?.count ?? 0
        bytes?.append(contentsOf: text.utf8)
        changed = true
        return start..<(start + text.utf8.count)
    }

    /// Reads the file once; false when it is not the one the record names.
    private mutating func load(from url: URL) -> Bool {
        if bytes != nil { return true }
        guard let data = FileData.read(url.path), data.count == count, StableDigest(bytes: data) == digest else { return false }
        bytes = [UInt8](data)
        fileCount = data.count
        return true
    }

    /// Writes the texts to `url` when they changed, and returns where each of `ranges` (the texts
    /// still in use) now stands; nil when they could not be written. While at least half of the
    /// file is in use, only what was added is written, at its end: ext4 writes a whole file out
    /// when a new one is renamed over it, which for the 5 MB of 2 000 bijsluiters took longer than
    /// the rest of a patch build. Otherwise the texts in use are written one after the other, as
    /// a new file in place of the old one (`FileData.replace`). A build stopped between this and writing the record
    /// leaves a file that is not the one the record names, which is then not used.
    mutating func save(to url: URL, ranges: [Range<Int>?]) -> [Range<Int>?]? {
        guard changed else { return ranges }
        guard load(from: url), let bytes else { return nil }
        let inUse = ranges.reduce(0) { $0 + ($1?.count ?? 0) }
        if let fileCount, fileCount <= bytes.count, inUse * 2 >= bytes.count, Self.append(bytes[fileCount...], to: url, after: fileCount) {
            self = .written(bytes)
            return ranges
        }
        var compact: [UInt8] = []
        compact.reserveCapacity(inUse)
        let moved = ranges.map { range -> Range<Int>? in
            guard let range, range.upperBound <= bytes.count else { return nil }
            let start = compact.count
            compact.append(contentsOf: bytes[range])
            return start..<compact.count
        }
        guard FileData.replace(url.path, with: Data(compact)) else { return nil }
        self = .written(compact)
        return moved
    }

    /// Adds `tail` at the end of the file at `url`, which must hold `count` bytes.
    private static func append(_ tail: ArraySlice<UInt8>, to url: URL, after count: Int) -> Bool {
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == count else { return false }
        return tail.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    /// The texts as written: `bytes` make up the file now.
    private static func written(_ bytes: [UInt8]) -> RecordedTexts {
        var digest = StableDigest()
        bytes.withUnsafeBytes { digest.update($0) }
        var texts = RecordedTexts(digest: digest, count: bytes.count)
        texts.bytes = bytes
        texts.fileCount = bytes.count
        return texts
    }
}
