#if canImport(Glibc)
import Glibc
#endif

/// Fast scans over UTF-8 bytes for the hot paths of loading and the text rules, where
/// Foundation's string search is far slower than the work it guards.
enum ASCIIScan {
    /// Lowercase words to look for, prepared once: the text rules look for the same few words in
    /// every line of every file.
    struct Needles: Sendable {
        /// Per byte: whether a needle starts with it (either case of an ASCII letter), so that
        /// most bytes are passed over with one look-up.
        fileprivate let starts: [Bool]
        /// Per pair of bytes (the first lowered, then the second lowered, as a 16-bit number), one
        /// bit: whether a needle of two or more bytes starts with it. A needle's first byte alone
        /// would compare needles at every `t` or `n` of a Dutch text.
        fileprivate let pairs: [UInt64]
        /// Per byte: whether it is a needle of one byte.
        fileprivate let singles: [Bool]
        fileprivate let patterns: [[UInt8]]

        init(_ needles: [String]) {
            patterns = needles.map { Array($0.utf8) }.filter { !$0.isEmpty }
            var starts = [Bool](repeating: false, count: 256)
            var pairs = [UInt64](repeating: 0, count: 1024)
            var singles = [Bool](repeating: false, count: 256)
            for pattern in patterns {
                starts[Int(pattern[0])] = true
                if pattern[0] >= 97 && pattern[0] <= 122 { starts[Int(pattern[0] - 32)] = true }
                if pattern.count == 1 {
                    singles[Int(pattern[0])] = true
                } else {
                    let pair = Int(pattern[0]) << 8 | Int(pattern[1])
                    pairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
            self.starts = starts
            self.pairs = pairs
            self.singles = singles
        }

        /// One pass over the bytes; needles are compared only where one of them could start.
        fileprivate func occur(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            starts.withUnsafeBufferPointer { starts in
                pairs.withUnsafeBufferPointer { pairs in
                    singles.withUnsafeBufferPointer { singles in
                        for start in haystack.indices where starts[Int(haystack[start])] {
                            let first = lower(haystack[start])
                            if singles[Int(first)] { return true }
                            guard start + 1 < haystack.count else { break }
                            let pair = Int(first) << 8 | Int(lower(haystack[start + 1]))
                            guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                            for pattern in patterns where pattern.count > 1 && pattern.count <= haystack.count - start {
                                var index = start
                                var matched = true
                                for byte in pattern {
                                    if lower(haystack[index]) != byte { matched = false; break }
                                    index += 1
                                }
                                if matched { return true }
                            }
                        }
                        return false
                    }
                }
            }
        }
    }

    /// Whether `text` contains any of the needles, comparing ASCII letters case-insensitively.
    static func containsAny<Text: StringProtocol>(_ text: Text, _ needles: Needles) -> Bool {
        var text = Substring(text)
        return text.withUTF8 { needles.occur(in: $0) }
    }

    /// Whether `text` contains any of the needles (lowercase), comparing ASCII letters
    /// case-insensitively; for needles looked for once. Hot paths prepare theirs (`Needles`).
    static func containsAny<Text: StringProtocol>(_ text: Text, _ needles: [String]) -> Bool {
        containsAny(text, Needles(needles))
    }

    /// Whether every byte of `text` is ASCII, so a byte-by-byte reading means what a reading by
    /// characters would.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether `text` holds `byte`, found with `memchr` (the generic search goes byte by byte).
    static func contains(_ text: String, byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, Int32(byte), bytes.count) != nil
        }
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}

extension String {
    /// The text without leading and trailing white space; returns `self` untouched in the common
    /// case where there is none (Foundation's trimming bridges to NSString every time).
    var trimmedWhitespace: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isPlainEdge(_ byte: UInt8) -> Bool { byte > 32 && byte < 128 }
        if isPlainEdge(first) && isPlainEdge(last) { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
