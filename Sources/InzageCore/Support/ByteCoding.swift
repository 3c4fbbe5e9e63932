import Glibc

/// Writes Inzage's own binary record files (`ListingSnapshot`, `FindingsRecord`): numbers as
/// unsigned LEB128, texts as their length in bytes and their UTF-8 bytes, flags as one byte,
/// digests as their 16 bytes.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// A number of zero or more.
    mutating func number(_ value: Int) {
        precondition(value >= 0, "ByteWriter.number writes no negative numbers")
        unsigned(UInt(value))
    }

    /// Any number, negative ones too (zigzag: 0, -1, 1, -2, … as 0, 1, 2, 3, …).
    mutating func signed(_ value: Int) {
        unsigned(UInt(bitPattern: value << 1) ^ UInt(bitPattern: value >> (Int.bitWidth - 1)))
    }

    /// Any unsigned number (a device or inode number).
    mutating func unsigned(_ value: UInt) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func flag(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            number(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A text or none: a flag, then the text when there is one.
    mutating func optionalText(_ text: String?) {
        flag(text != nil)
        if let text { self.text(text) }
    }

    /// Bytes as they are, without their length (a reader must know it).
    mutating func raw(_ other: some Collection<UInt8>) {
        bytes.append(contentsOf: other)
    }
}

/// Reads what `ByteWriter` wrote; anything else (cut off, a text that is not UTF-8, a number too
/// large) throws `ByteReader.Malformed`.
struct ByteReader {
    struct Malformed: Error {}

    let bytes: [UInt8]
    private(set) var offset: Int
    /// Where reading stops (the end of a part of `bytes`).
    let end: Int

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        offset = start
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { offset == end }

    /// How many bytes are left to read.
    var remaining: Int { end - offset }

    mutating func number() throws -> Int {
        guard let number = Int(exactly: try unsigned()) else { throw Malformed() }
        return number
    }

    /// A number `ByteWriter.signed` wrote.
    mutating func signed() throws -> Int {
        let value = try unsigned()
        return Int(bitPattern: value >> 1) ^ -Int(bitPattern: value & 1)
    }

    /// A number `ByteWriter.unsigned` wrote.
    mutating func unsigned() throws -> UInt {
        var value: UInt = 0, shift: UInt = 0
        while true {
            guard offset < end, shift < UInt(UInt.bitWidth) else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func flag() throws -> Bool {
        guard offset < end else { throw Malformed() }
        let byte = bytes[offset]
        offset += 1
        guard byte <= 1 else { throw Malformed() }
        return byte == 1
    }

    mutating func text() throws -> String {
        guard let text = Self.text(bytes, at: try part()) else { throw Malformed() }
        return text
    }

    /// The text of the UTF-8 bytes at `range` of `bytes`, or nil when they are no UTF-8. Read from
    /// the array's storage: validating an `ArraySlice` goes byte by byte through its indices.
    static func text(_ bytes: [UInt8], at range: Range<Int>) -> String? {
        bytes.withUnsafeBufferPointer { UTF8Text.validated(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether the bytes at `range` of `bytes` are those of `other`.
    static func equal(_ bytes: [UInt8], at range: Range<Int>, _ other: [UInt8]) -> Bool {
        guard range.count == other.count else { return false }
        guard !other.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { whole in
            other.withUnsafeBufferPointer { memcmp(whole.baseAddress! + range.lowerBound, $0.baseAddress!, range.count) == 0 }
        }
    }

    mutating func optionalText() throws -> String? {
        try flag() ? try text() : nil
    }

    /// The place of a part written with its length (a text, or a record of its own) in `bytes`,
    /// passed over.
    mutating func part() throws -> Range<Int> {
        let count = try number()
        guard count <= end - offset else { throw Malformed() }
        defer { offset += count }
        return offset..<(offset + count)
    }

    /// The next `count` bytes, passed over.
    mutating func raw(_ count: Int) throws -> Range<Int> {
        guard count >= 0, count <= end - offset else { throw Malformed() }
        defer { offset += count }
        return offset..<(offset + count)
    }
}
