import Foundation

/// The lines of a text file's bytes, without their line ends; the empty "line" after the last
/// line end is not one. The records a build leaves (`BuildRecord`, `FindingsRecord`) are read
/// this way: as bytes, without making a string of the whole file first.
struct ByteLines: IteratorProtocol {
    let bytes: [UInt8]
    /// Where the next line starts.
    private var start = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> ArraySlice<UInt8>? {
        guard start < bytes.count else { return nil }
        let end = bytes.withUnsafeBufferPointer { buffer -> Int in
            guard let found = memchr(buffer.baseAddress! + start, 0x0A, buffer.count - start) else { return buffer.count }
            return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        defer { start = end + 1 }
        return bytes[start..<end]
    }
}
