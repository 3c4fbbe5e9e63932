import Foundation

/// A 128-bit FNV-1a digest: the same bytes give the same digest in every run, on every machine.
/// Swift's `Hasher` (behind `ViewFingerprint`) is seeded anew per process, which is right for what
/// one `serve` keeps in memory but useless for what one build leaves for the next (`BuildRecord`).
/// Not a cryptographic hash: it tells apart inputs that happen to differ, not ones made to collide.
struct StableDigest: Hashable, CustomStringConvertible {
    private(set) var high: UInt64 = 0x6c62_272e_07bb_0142
    private(set) var low: UInt64 = 0x62b8_2175_6295_c58d

    init() {}

    /// The digest of `parts`, each followed by a zero byte so that ["ab", "c"] and ["a", "bc"] differ.
    init(_ parts: [String]) {
        for part in parts { update(part: part) }
    }

    init(bytes: Data) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Reads a digest back from its `description`; nil for anything else.
    init?(hex: some StringProtocol) {
        guard hex.utf8.count == 32, let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16) else { return nil }
        self.high = high
        self.low = low
    }

    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var high = self.high, low = self.low
        for byte in bytes {
            low ^= UInt64(byte)
            // Times the FNV prime 2^88 + 0x13B, modulo 2^128.
            let (carry, product) = low.multipliedFullWidth(by: 0x13B)
            high = carry &+ high &* 0x13B &+ (low << 24)
            low = product
        }
        self.high = high
        self.low = low
    }

    /// Adds `part` and a zero byte after it, so that parts cannot run into each other.
    mutating func update(part: String) {
        update(part)
        update(byte: 0)
    }

    mutating func update(byte: UInt8) {
        withUnsafeBytes(of: byte) { update($0) }
    }

    /// 32 lower-case hexadecimal digits.
    var description: String {
        let digits = String(high, radix: 16)
        let lowDigits = String(low, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits + String(repeating: "0", count: 16 - lowDigits.count) + lowDigits
    }
}
