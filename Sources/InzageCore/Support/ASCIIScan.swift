/// Fast scans over UTF-8 bytes for the hot paths of loading and the text rules, where
/// Foundation's string search is far slower than the work it guards.
enum ASCIIScan {
    /// Whether `text` contains any of the needles, comparing ASCII letters case-insensitively.
    /// Needles must be lowercase.
    static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        let haystack = Array(text.utf8)
        for needle in needles {
            let pattern = Array(needle.utf8)
            guard !pattern.isEmpty, pattern.count <= haystack.count else { continue }
            var start = 0
            while start + pattern.count <= haystack.count {
                var index = 0
                while index < pattern.count, lower(haystack[start + index]) == pattern[index] { index += 1 }
                if index == pattern.count { return true }
                start += 1
            }
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
