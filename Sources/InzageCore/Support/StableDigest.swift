import Foundation

/// A 128-bit digest that is the same in every run, on every machine: each `update` mixes its bytes
/// in with MurmurHash3's x64 128-bit function, seeded with the digest so far (so one `update` from
/// an empty digest is MurmurHash3_x64_128 with seed 0). Swift's `Hasher` (behind
/// `ViewFingerprint`) is seeded anew per process, which is right for what one `serve` keeps in
/// memory but useless for what one build leaves for the next (`BuildRecord`). Not a
/// cryptographic hash: it tells apart inputs that happen to differ, not ones made to collide.
/// Sixteen bytes per step; the FNV-1a it replaced took one byte per step and was about 4 % of a
/// build of 10 000 pages, which hashes every page it writes.
///
/// The digest depends on how the bytes were split over `update`s, not only on the bytes: the
/// same input must be fed the same way to give the same digest (every caller does).
struct StableDigest: Hashable, CustomStringConvertible {
    private(set) var high: UInt64 = 0
    private(set) var low: UInt64 = 0

    init() {}

    /// The digest of these two words (as `ByteReader.digest` reads it back).
    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The digest of `parts`, each followed by a zero byte so that ["ab", "c"] and ["a", "bc"] differ.
    init(_ parts: [String]) {
        for part in parts { update(part: part) }
    }

    init(bytes: Data) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of `text`'s UTF-8 bytes, as one `update`.
    static func of(_ text: String) -> StableDigest {
        var digest = StableDigest()
        digest.update(text)
        return digest
    }

    /// Reads a digest back from its `description`; nil for anything else.
    init?(hex: some StringProtocol) {
        self.init(hexBytes: hex.utf8)
    }

    /// Reads a digest back from the UTF-8 bytes of its `description`; nil for anything else.
    init?<Bytes: Collection<UInt8>>(hexBytes bytes: Bytes) {
        guard bytes.count == 32 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if index < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
        }
        self.high = high
        self.low = low
    }

    /// Appends the `description`'s UTF-8 bytes to `bytes`.
    func appendHex(to bytes: inout [UInt8]) {
        withHex { bytes.append(contentsOf: $0) }
    }

    /// Calls `body` with the `description`'s 32 UTF-8 bytes, made without a text or an array: the
    /// build record writes two digests for each of 10 000 pages.
    private func withHex<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var index = 0
            func put(_ word: UInt64) {
                for shift in stride(from: 60, through: 0, by: -4) {
                    let value = UInt8((word >> UInt64(shift)) & 0xf)
                    buffer[index] = value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
                    index += 1
                }
            }
            put(high)
            put(low)
            return body(UnsafeRawBufferPointer(buffer))
        }
    }

    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        let c1: UInt64 = 0x87c3_7b91_1142_53d5, c2: UInt64 = 0x4cf5_ad43_2745_937f
        var h1 = high, h2 = low
        let count = bytes.count
        var offset = 0
        while offset + 16 <= count {
            let k1 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let k2 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            h1 ^= Self.rotate(k1 &* c1, 31) &* c2
            h1 = (Self.rotate(h1, 27) &+ h2) &* 5 &+ 0x52dc_e729
            h2 ^= Self.rotate(k2 &* c2, 33) &* c1
            h2 = (Self.rotate(h2, 31) &+ h1) &* 5 &+ 0x3849_5ab5
            offset += 16
        }
        let tail = count - offset
        if tail > 0 {
            var k1: UInt64 = 0, k2: UInt64 = 0
            for index in 0..<tail {
                let byte = UInt64(bytes[offset + index])
                if index < 8 { k1 |= byte << UInt64(index * 8) } else { k2 |= byte << UInt64((index - 8) * 8) }
            }
            if tail > 8 { h2 ^= Self.rotate(k2 &* c2, 33) &* c1 }
            h1 ^= Self.rotate(k1 &* c1, 31) &* c2
        }
        h1 ^= UInt64(count)
        h2 ^= UInt64(count)
        h1 &+= h2
        h2 &+= h1
        h1 = Self.finalMix(h1)
        h2 = Self.finalMix(h2)
        h1 &+= h2
        h2 &+= h1
        high = h1
        low = h2
    }

    @inline(__always) private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        value << bits | value >> (64 - bits)
    }

    @inline(__always) private static func finalMix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value &*= 0xc4ce_b9fe_1a85_ec53
        value ^= value >> 33
        return value
    }

    /// Adds `part` and a zero byte after it, so that parts cannot run into each other.
    mutating func update(part: String) {
        update(part)
        update(byte: 0)
    }

    /// `update(part: digest.description)`, without making the text: the listing pages' key takes
    /// one such part per bijsluiter and page.
    mutating func update(partOf digest: StableDigest) {
        digest.withHex { update($0) }
        update(byte: 0)
    }

    mutating func update(byte: UInt8) {
        withUnsafeBytes(of: byte) { update($0) }
    }

    /// 32 lower-case hexadecimal digits.
    /// The digest as 32 lowercase hexadecimal digits.
    var description: String {
        withHex { String(decoding: $0, as: UTF8.self) }
    }
}

extension ByteWriter {
    /// A digest as its 16 bytes.
    mutating func digest(_ digest: StableDigest) {
        for word in [digest.high, digest.low] {
            withUnsafeBytes(of: word.bigEndian) { raw($0) }
        }
    }

    /// A digest or none: a flag, then the digest when there is one.
    mutating func optionalDigest(_ digest: StableDigest?) {
        flag(digest != nil)
        if let digest { self.digest(digest) }
    }
}

extension ByteReader {
    /// A digest `ByteWriter.digest` wrote.
    mutating func digest() throws -> StableDigest {
        let range = try raw(16)
        return bytes.withUnsafeBytes { whole in
            StableDigest(high: UInt64(bigEndian: whole.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self)),
                         low: UInt64(bigEndian: whole.loadUnaligned(fromByteOffset: range.lowerBound + 8, as: UInt64.self)))
        }
    }

    mutating func optionalDigest() throws -> StableDigest? {
        try flag() ? try digest() : nil
    }
}
