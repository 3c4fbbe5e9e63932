/// Fast scans over UTF-8 bytes for the hot paths of loading and the text rules, where
/// Foundation's string search is far slower than the work it guards.
enum ASCIIScan {
    /// Whether `text` contains any of the needles, comparing ASCII letters case-insensitively.
    /// Needles must be lowercase.
    static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            needles.contains { needle in
                var needle = needle
                return needle.withUTF8 { contains(haystack, lowercasePattern: $0) }
            }
        }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, lowercasePattern pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first, pattern.count <= haystack.count else { return false }
        var start = 0
        let last = haystack.count - pattern.count
        while start <= last {
            if lower(haystack[start]) == first {
                var index = 1
                while index < pattern.count, lower(haystack[start + index]) == pattern[index] { index += 1 }
                if index == pattern.count { return true }
            }
            start += 1
        }
        return false
    }

    static func contains(_ text: String, byte: UInt8) -> Bool {
        text.utf8.contains(byte)
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
