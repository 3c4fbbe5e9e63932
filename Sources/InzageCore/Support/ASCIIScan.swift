#if canImport(Glibc)
import Glibc
#endif

/// Fast scans over UTF-8 bytes for the hot paths of loading and the text rules, where
/// Foundation's string search is far slower than the work it guards.
enum ASCIIScan {
    /// A decimal number as `String(_:)` writes an `Int64` or `UInt64` (the latter as its bit
    /// pattern when it does not fit), from its UTF-8 bytes; nil for anything else.
    static func decimal<Digits: Collection<UInt8>>(_ digits: Digits) -> Int64? {
        if digits.first == UInt8(ascii: "-") { return decimal(digits.dropFirst()).map { -$0 } }
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return Int64(bitPattern: value)
    }

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
            var seen: Set<[UInt8]> = []
            anchors = patterns.map { Anchor($0) }.filter { seen.insert([$0.firstByte, $0.secondByte, UInt8($0.firstAt), UInt8($0.secondAt)]).inserted }
            reach = anchors.map(\.secondAt).max() ?? 0
        }

        /// For every needle, two of its first eight bytes (their 0x20 bit set) each repeated over
        /// a vector, with their places in the needle, for `mayStart`: the two that are together
        /// the rarest in Dutch text (`commonness`), so that few places of a text let a needle
        /// through to the byte-wise compare. A needle's first and last byte let "twee werkdagen"
        /// through at every "t" with an "e" three bytes on; its two "w"s are rare.
        fileprivate let anchors: [Anchor]
        /// How far past a place the anchors reach.
        fileprivate let reach: Int

        fileprivate struct Anchor {
            let first: SIMD16<UInt8>
            let second: SIMD16<UInt8>
            let firstByte: UInt8
            let secondByte: UInt8
            let firstAt: Int
            let secondAt: Int

            init(_ pattern: [UInt8]) {
                let prefix = pattern.prefix(8).map { $0 | 0x20 }
                var best = (score: Int.max, first: 0, second: 0)
                for i in prefix.indices {
                    for j in i..<prefix.count where j > i || prefix.count == 1 {
                        let score = Needles.commonness(prefix[i]) * Needles.commonness(prefix[j])
                        // Rarer first; of equally rare pairs, the one further apart.
                        if score < best.score || score == best.score && j - i > best.second - best.first { best = (score, i, j) }
                    }
                }
                firstAt = best.first
                secondAt = best.second
                firstByte = prefix[best.first]
                secondByte = prefix[best.second]
                first = SIMD16(repeating: firstByte)
                second = SIMD16(repeating: secondByte)
            }
        }

        /// How common a byte (its 0x20 bit set) is in Dutch text, roughly: letters by their
        /// frequency, a space most of all; digits, punctuation and the bytes of other characters rare.
        static func commonness(_ byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: " "): 100
            case UInt8(ascii: "e"): 90
            case UInt8(ascii: "n"): 70
            case UInt8(ascii: "a"): 60
            case UInt8(ascii: "t"), UInt8(ascii: "i"): 55
            case UInt8(ascii: "r"): 50
            case UInt8(ascii: "o"), UInt8(ascii: "d"): 45
            case UInt8(ascii: "s"): 40
            case UInt8(ascii: "l"): 35
            case UInt8(ascii: "g"): 30
            case UInt8(ascii: "v"), UInt8(ascii: "h"), UInt8(ascii: "k"): 25
            case UInt8(ascii: "m"), UInt8(ascii: "u"): 21
            case UInt8(ascii: "b"), UInt8(ascii: "p"), UInt8(ascii: "."), UInt8(ascii: ","): 15
            case UInt8(ascii: "w"), UInt8(ascii: "j"), UInt8(ascii: "*"): 12
            case UInt8(ascii: "z"), UInt8(ascii: "c"), UInt8(ascii: "-"): 10
            case UInt8(ascii: "f"): 8
            case 0x80...: 5
            case UInt8(ascii: "0")...UInt8(ascii: "9"): 5
            case UInt8(ascii: "x"), UInt8(ascii: "y"): 2
            default: 3
            }
        }

        /// One pass over the bytes, sixteen places at a time: a block where no needle can start
        /// is passed over with a few vector compares; needles are compared only where one of
        /// them could start (its two anchor bytes are there).
        fileprivate func occur(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !patterns.isEmpty, let base = haystack.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            var block = 0
            // A block's anchors read up to `reach` bytes past it.
            while block + 16 + reach <= haystack.count {
                let lanes = mayStart(in: raw + block)
                for half in 0..<2 {
                    var word = lanes[half]
                    while word != 0 {
                        let lane = word.trailingZeroBitCount / 8
                        if occurs(in: haystack, at: block + half * 8 + lane) { return true }
                        word &= ~(0xFF << UInt64(lane * 8))
                    }
                }
                block += 16
            }
            return occur(in: haystack, startingFrom: block, before: haystack.count)
        }

        /// Where a needle may start among the 16 places at `block`: a byte 0xFF for each such
        /// place, in order, over two words. Setting the 0x20 bit (on both sides) lowers ASCII
        /// letters and keeps every byte equal to itself, so no start is missed; the few other
        /// bytes it makes equal are ruled out by the byte-wise compare.
        @inline(__always) private func mayStart(in block: UnsafeRawPointer) -> SIMD2<UInt64> {
            let bit = SIMD16<UInt8>(repeating: 0x20)
            var found = SIMDMask<SIMD16<Int8>>(repeating: false)
            anchors.withUnsafeBufferPointer { anchors in
                for anchor in anchors {
                    let atFirst = (block + anchor.firstAt).loadUnaligned(as: SIMD16<UInt8>.self) | bit
                    let atSecond = (block + anchor.secondAt).loadUnaligned(as: SIMD16<UInt8>.self) | bit
                    found .|= (atFirst .== anchor.first) .& (atSecond .== anchor.second)
                }
            }
            return unsafeBitCast(found, to: SIMD2<UInt64>.self)
        }

        /// Whether a needle starts at `start`.
        private func occurs(in haystack: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            patterns.withUnsafeBufferPointer { patterns in
                for pattern in patterns where pattern.count <= haystack.count - start {
                    var index = start
                    var matched = true
                    for byte in pattern {
                        if lower(haystack[index]) != byte { matched = false; break }
                        index += 1
                    }
                    if matched { return true }
                }
                return false
            }
        }

        /// The byte-wise search for needles starting in `start..<end`.
        private func occur(in haystack: UnsafeBufferPointer<UInt8>, startingFrom start: Int, before end: Int) -> Bool {
            starts.withUnsafeBufferPointer { starts in
                pairs.withUnsafeBufferPointer { pairs in
                    singles.withUnsafeBufferPointer { singles in
                        for start in start..<end where starts[Int(haystack[start])] {
                            let first = lower(haystack[start])
                            if singles[Int(first)] { return true }
                            guard start + 1 < haystack.count else { break }
                            let pair = Int(first) << 8 | Int(lower(haystack[start + 1]))
                            guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                            if occurs(in: haystack, at: start) { return true }
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

    /// Whether `bytes` (UTF-8) contain any of the needles, comparing ASCII letters case-insensitively.
    static func containsAny(bytes: UnsafeBufferPointer<UInt8>, _ needles: Needles) -> Bool {
        needles.occur(in: bytes)
    }

    /// Whether `bytes` hold `sequence`, byte for byte: its first byte found with `memchr`, the
    /// rest compared there.
    static func contains(bytes: UnsafeBufferPointer<UInt8>, sequence: [UInt8]) -> Bool {
        guard let first = sequence.first else { return true }
        guard let base = bytes.baseAddress else { return false }
        var start = 0
        while start + sequence.count <= bytes.count,
              let found = memchr(base + start, Int32(first), bytes.count - start - sequence.count + 1) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, sequence, sequence.count) == 0 { return true }
            start = at + 1
        }
        return false
    }

    /// Whether `text` contains any of the needles (lowercase), comparing ASCII letters
    /// case-insensitively; for needles looked for once. Hot paths prepare theirs (`Needles`).
    static func containsAny<Text: StringProtocol>(_ text: Text, _ needles: [String]) -> Bool {
        containsAny(text, Needles(needles))
    }

    /// Whether every byte of `text` is ASCII, so a byte-by-byte reading means what a reading by
    /// characters would.
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            // Eight bytes at a time: headings, names and values are checked on every page.
            var index = 0, high: UInt64 = 0
            while index + 8 <= bytes.count {
                high |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                index += 8
            }
            while index < bytes.count {
                high |= UInt64(bytes[index])
                index += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    /// Whether `text` holds `byte`, found with `memchr` (the generic search goes byte by byte).
    static func contains(_ text: String, byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, Int32(byte), bytes.count) != nil
        }
    }

    /// The first index at or after `start` that holds `first` or `second`, sixteen bytes at a time.
    static func firstIndex(of first: UInt8, or second: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = max(start, 0)
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let firsts = SIMD16<UInt8>(repeating: first), seconds = SIMD16<UInt8>(repeating: second)
            while index + 16 <= bytes.count {
                let block = (raw + index).loadUnaligned(as: SIMD16<UInt8>.self)
                // The block holding one is searched byte by byte below.
                if anyLane((block .== firsts) .| (block .== seconds)) { break }
                index += 16
            }
        }
        while index < bytes.count {
            if bytes[index] == first || bytes[index] == second { return index }
            index += 1
        }
        return nil
    }

    /// Whether any lane of a 16-byte compare is set: two words instead of `any`, which reduces
    /// lane by lane.
    @inline(__always) static func anyLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
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
