#if canImport(Glibc)
import Glibc
#endif

/// Fast scans over UTF-8 bytes for the hot paths of loading and the text rules, where
/// Foundation's string search is far slower than the work it guards.
enum ASCIIScan {
    /// Whether `text` contains any of the needles, comparing ASCII letters case-insensitively.
    /// Needles must be lowercase.
    static func containsAny<Text: StringProtocol>(_ text: Text, _ needles: [String]) -> Bool {
        var text = Substring(text)
        return text.withUTF8 { haystack in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: 256) { isFirst in
                isFirst.initialize(repeating: false)
                for needle in needles { if let first = needle.utf8.first { isFirst[Int(first)] = true } }
                // One pass over the text; needles are compared only where one of them could start.
                for start in haystack.indices where isFirst[Int(lower(haystack[start]))] {
                    for needle in needles where matches(needle, in: haystack, at: start) { return true }
                }
                return false
            }
        }
    }

    /// Whether the lowercase `needle` stands at `start`, comparing ASCII letters case-insensitively.
    @inline(__always)
    private static func matches(_ needle: String, in haystack: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let pattern = needle.utf8
        guard !pattern.isEmpty, pattern.count <= haystack.count - start else { return false }
        var index = start
        for byte in pattern {
            guard lower(haystack[index]) == byte else { return false }
            index += 1
        }
        return true
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
