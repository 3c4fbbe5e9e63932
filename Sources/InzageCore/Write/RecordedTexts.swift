import Foundation

/// The text before the body of every bijsluiter in the findings record, one after the other, in a
/// file of its own beside it (`.public-inzage-bevindingen-teksten`): a patch build reads one of
/// them only after an edit to a front matter, to parse that bijsluiter as the build before saw it,
/// and writes only when one of these texts changed. An edit to a body touches neither.
///
/// Each text is read on its own, at its place in the file, and counts only when it has the digest
/// its entry names (`FindingsRecord.Entry.listedTextDigest`): 5 MB for 2 000 bijsluiters took
/// longer to read and hash whole than the rest of a patch build. So a file that is not the one
/// the record was written with (a build stopped between the two, a file changed by hand) gives no
/// text that is not the recorded one; the record names the file's size, and new texts are added
/// at its end only while it has that size.
struct RecordedTexts: Equatable {
    /// The size of the file the record names (of the file with `added` at its end, once saved).
    private(set) var count: Int
    /// Texts added since, to go at the end of the file.
    private var added: [UInt8] = []
    /// Whether the file the record names exists: false for a new record, whose texts replace any
    /// file there.
    private var fileIsNamed: Bool
    /// Whether the file no longer holds the record's texts (nil: not looked at yet).
    private var fileDiffers: Bool?

    /// The texts of a record as read, in a file of `count` bytes.
    init(count: Int) {
        self.count = count
        fileIsNamed = true
    }

    /// No texts yet, for a new record.
    init() {
        count = 0
        fileIsNamed = false
    }

    /// Whether texts were added since the record was read.
    var changed: Bool { !fileIsNamed || !added.isEmpty }

    /// The texts file of the record at `record`.
    static func location(forRecord record: URL) -> URL {
        record.deletingLastPathComponent().appendingPathComponent(record.lastPathComponent + "-teksten")
    }

    /// The text at `range` when it has `digest`: read from the file at `url` (only those bytes),
    /// or from the texts added since. Nil when it is not there or not that text.
    func text(at range: Range<Int>, digest: StableDigest, from url: URL) -> String? {
        let text: String?
        if range.lowerBound >= count {
            let start = range.lowerBound - count
            guard range.upperBound - count <= added.count else { return nil }
            text = String(decoding: added[start..<(start + range.count)], as: UTF8.self)
        } else {
            guard fileIsNamed, range.upperBound <= count, let bytes = Self.read(range, from: url) else { return nil }
            text = String(decoding: bytes, as: UTF8.self)
        }
        return text.flatMap { StableDigest.of($0) == digest ? $0 : nil }
    }

    /// Adds `text` at the end and returns where it stands; nil when the file at `url` is not the
    /// size the record names (the entries that named a text there then name none).
    mutating func append(_ text: String, from url: URL) -> Range<Int>? {
        if fileIsNamed {
            if fileDiffers == nil { fileDiffers = Self.size(of: url) != count }
            guard fileDiffers == false else { return nil }
        }
        let start = count + added.count
        added.append(contentsOf: text.utf8)
        return start..<(start + text.utf8.count)
    }

    /// Writes the texts to `url` when they changed, and returns where each of `ranges` (the texts
    /// still in use, with their digests) now stands; nil when they could not be written. While at
    /// least half of the file is in use, only what was added is written, at its end: ext4 writes a
    /// whole file out when a new one is renamed over it, which for the 5 MB of 2 000 bijsluiters
    /// took longer than the rest of a patch build. Otherwise the texts in use are written one after
    /// the other, as a new file in place of the old one (`FileData.replace`), each read back and
    /// checked against its digest first. A build stopped between this and writing the record
    /// leaves a file whose size is not the one the record names: no text is added to it, and a
    /// text that moved does not have its digest at its old place.
    mutating func save(to url: URL, ranges: [(range: Range<Int>, digest: StableDigest)?]) -> [Range<Int>?]? {
        guard changed else { return ranges.map { $0?.range } }
        let total = count + added.count
        let inUse = ranges.reduce(0) { $0 + ($1?.range.count ?? 0) }
        if fileIsNamed, inUse * 2 >= total, Self.append(added[...], to: url, after: count) {
            self = RecordedTexts(count: total)
            return ranges.map { $0?.range }
        }
        // The texts in use, one after the other; those not as recorded are left out.
        var whole: [UInt8]? = nil
        if fileIsNamed, count > 0, let data = FileData.read(url.path), data.count == count { whole = [UInt8](data) }
        var compact: [UInt8] = []
        compact.reserveCapacity(inUse)
        let moved = ranges.map { entry -> Range<Int>? in
            guard let (range, digest) = entry else { return nil }
            let bytes: ArraySlice<UInt8>
            if range.lowerBound >= count {
                // Added by this build, with the digest made from the same text: not hashed again
                // (a full build adds every text, 5 MB at 2 000 bijsluiters).
                guard range.upperBound - count <= added.count else { return nil }
                bytes = added[(range.lowerBound - count)..<(range.upperBound - count)]
            } else {
                guard let whole, range.upperBound <= whole.count,
                      StableDigest.of(String(decoding: whole[range], as: UTF8.self)) == digest else { return nil }
                bytes = whole[range]
            }
            let start = compact.count
            compact.append(contentsOf: bytes)
            return start..<compact.count
        }
        guard FileData.replace(url.path, with: Data(compact)) else { return nil }
        self = RecordedTexts(count: compact.count)
        return moved
    }

    /// The bytes at `range` of the file at `url`; nil when it has fewer.
    private static func read(_ range: Range<Int>, from url: URL) -> [UInt8]? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: range.count)
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let read = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(range.lowerBound + done))
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { return false }
                done += read
            }
            return true
        }
        return complete ? bytes : nil
    }

    /// The size of the regular file at `url`; nil when there is none.
    private static func size(of url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Adds `tail` at the end of the file at `url`, which must hold `count` bytes.
    private static func append(_ tail: ArraySlice<UInt8>, to url: URL, after count: Int) -> Bool {
        FileData.append(url.path, tail, toSize: count)
    }
}
