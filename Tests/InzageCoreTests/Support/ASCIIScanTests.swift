@testable import InzageCore
import Testing

@Suite("ASCIIScan")
struct ASCIIScanTests {
    @Test func findsANeedleIgnoringASCIICase() {
        #expect(ASCIIScan.containsAny("De gegevens worden VERWIJDERD na twee jaar", ["bewaard", "verwijderd"]))
        #expect(ASCIIScan.containsAny("verwijderd", ["verwijderd"]))
        #expect(ASCIIScan.containsAny("één keer verwijderd", ["verwijderd"]))
    }

    @Test func missesWhatIsNotThere() {
        #expect(!ASCIIScan.containsAny("De gegevens worden bewaard", ["verwijderd"]))
        #expect(!ASCIIScan.containsAny("verwijder", ["verwijderd"]))
        #expect(!ASCIIScan.containsAny("", ["a"]))
        #expect(!ASCIIScan.containsAny("abc", [""]))
        #expect(!ASCIIScan.containsAny("abc", []))
    }

    @Test func preparedNeedlesFindTheSameInAnyCaseAndInSlices() {
        let needles = ASCIIScan.Needles(["n.t.b", "xxx", "verwijderd"])
        #expect(ASCIIScan.containsAny("Adres: N.T.B.", needles))
        #expect(ASCIIScan.containsAny("Naam: XxX", needles))
        let line = "eerste regel\nis Verwijderd\nlaatste"
        #expect(ASCIIScan.containsAny(line.split(separator: "\n")[1], needles))
        #expect(!ASCIIScan.containsAny(line.split(separator: "\n")[0], needles))
        #expect(!ASCIIScan.containsAny("n.t. b en xx x", needles))
        #expect(!ASCIIScan.containsAny("verwijderd", ASCIIScan.Needles([])))
    }

    @Test func oneByteNeedlesAndNeedlesAtTheEdges() {
        #expect(ASCIIScan.containsAny("prijs in €", ["€", "x"]))
        #expect(ASCIIScan.containsAny("X", ["x"]))
        #expect(ASCIIScan.containsAny("ab", ["ab"]))
        #expect(ASCIIScan.containsAny("aab", ["ab"]))
        #expect(!ASCIIScan.containsAny("a", ["ab"]))
        #expect(ASCIIScan.containsAny("…", ["…"]))
        #expect(!ASCIIScan.containsAny("..", ["…"]))
    }

    /// Whether `haystack` holds one of `needles` (lowercase), its ASCII letters lowered byte by
    /// byte, as the scan compares them.
    static func plainSearch(_ haystack: String, _ needles: [String]) -> Bool {
        let bytes = haystack.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return needles.contains { needle in
            let pattern = Array(needle.utf8)
            return bytes.indices.contains { start in bytes[start...].starts(with: pattern) }
        }
    }

    /// The scan agrees with a plain search over many generated texts and needles.
    @Test func agreesWithAPlainSearch() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abtnTNX.x é-")
        func text(_ length: Int) -> String { String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<4_000 {
            // Up to five blocks of sixteen bytes, so needles fall inside blocks, across them and in the tail.
            let haystack = text(Int.random(in: 0...80, using: &generator))
            let needles = (0..<Int.random(in: 1...3, using: &generator)).map { _ in text(Int.random(in: 1...3, using: &generator)).lowercased() }
            #expect(ASCIIScan.containsAny(haystack, ASCIIScan.Needles(needles)) == Self.plainSearch(haystack, needles), "\(haystack) \(needles)")
        }
    }

    /// Needles of up to ten bytes (anchored on two of their first eight, `Needles.Anchor`), half
    /// of them taken from the text itself, agree with a plain search in texts of up to 120 bytes.
    @Test func longNeedlesAgreeWithAPlainSearch() {
        var generator = SeededGenerator(seed: 2026)
        let alphabet = Array("abtnwTNW.x é-2 ee")
        func text(_ length: Int) -> String { String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<4_000 {
            let haystack = text(Int.random(in: 0...120, using: &generator))
            let needles = (0..<Int.random(in: 1...4, using: &generator)).map { _ -> String in
                let length = Int.random(in: 1...10, using: &generator)
                let characters = Array(haystack)
                if Bool.random(using: &generator), characters.count >= length {
                    let start = Int.random(in: 0...(characters.count - length), using: &generator)
                    return String(characters[start..<(start + length)]).lowercased()
                }
                return text(length).lowercased()
            }
            #expect(ASCIIScan.containsAny(haystack, ASCIIScan.Needles(needles)) == Self.plainSearch(haystack, needles), "\(haystack) \(needles)")
        }
    }

    /// A byte sequence is found at every place of texts of up to 40 bytes, and not where only its
    /// first bytes stand.
    @Test func aByteSequenceIsFoundAtEveryPlace() {
        let sequence = Array("…".utf8)
        for length in 0...40 {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            plain.withUnsafeBufferPointer { #expect(!ASCIIScan.contains(bytes: $0, sequence: sequence)) }
            for place in 0..<max(length - sequence.count + 1, 0) {
                var bytes = plain
                bytes.replaceSubrange(place..<(place + sequence.count), with: sequence)
                bytes.withUnsafeBufferPointer { #expect(ASCIIScan.contains(bytes: $0, sequence: sequence), "\(length) \(place)") }
                // Its first two bytes alone, which other characters share ("–" is E2 80 93).
                var partial = plain
                partial.replaceSubrange(place..<(place + 2), with: sequence.prefix(2))
                partial.withUnsafeBufferPointer { #expect(!ASCIIScan.contains(bytes: $0, sequence: sequence), "\(length) \(place)") }
            }
        }
        [UInt8]().withUnsafeBufferPointer { #expect(ASCIIScan.contains(bytes: $0, sequence: []) && !ASCIIScan.contains(bytes: $0, sequence: sequence)) }
    }

    @Test func aNeedleIsFoundAtEveryPlaceInALongText() {
        let needles = ASCIIScan.Needles(["wbp", "n.t.b", "x"])
        for length in [16, 17, 31, 32, 33, 64] {
            for at in 0...(length - 3) {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes.replaceSubrange(at..<(at + 3), with: "WbP".utf8)
                #expect(ASCIIScan.containsAny(String(decoding: bytes, as: UTF8.self), needles), "\(length) \(at)")
                bytes.replaceSubrange(at..<(at + 3), with: "wb ".utf8)
                #expect(!ASCIIScan.containsAny(String(decoding: bytes, as: UTF8.self), needles), "\(length) \(at)")
                // The first and last byte of a needle, with another between them.
                bytes.replaceSubrange(at..<(at + 3), with: "wap".utf8)
                #expect(!ASCIIScan.containsAny(String(decoding: bytes, as: UTF8.self), needles), "\(length) \(at)")
            }
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            bytes[length - 1] = UInt8(ascii: "X")
            #expect(ASCIIScan.containsAny(String(decoding: bytes, as: UTF8.self), needles))
            // Bytes equal to a needle's only once their 0x20 bit is set are no match: '{' is not
            // '[', and 0x0E is not '.'.
            let filler = String(repeating: "a", count: length - 5)
            #expect(ASCIIScan.containsAny(filler + "[", ASCIIScan.Needles(["["])))
            #expect(!ASCIIScan.containsAny(filler + "{", ASCIIScan.Needles(["["])))
            #expect(ASCIIScan.containsAny(filler + "N.T.B", needles))
            #expect(!ASCIIScan.containsAny(filler + "n\u{0E}t\u{0E}b", needles))
        }
    }

    @Test func findsEitherOfTwoBytesAtEveryPlace() {
        for length in [0, 1, 15, 16, 17, 33, 70] {
            let filler = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            filler.withUnsafeBufferPointer { #expect(ASCIIScan.firstIndex(of: UInt8(ascii: "["), or: UInt8(ascii: "<"), in: $0, from: 0) == nil) }
            for at in 0..<length {
                for byte in [UInt8(ascii: "["), UInt8(ascii: "<")] {
                    var bytes = filler
                    bytes[at] = byte
                    // A second one further on is not the first.
                    if at + 5 < length { bytes[at + 5] = UInt8(ascii: "<") }
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(ASCIIScan.firstIndex(of: UInt8(ascii: "["), or: UInt8(ascii: "<"), in: buffer, from: 0) == at, "\(length) \(at)")
                        // From past it, the next one or none.
                        let next = at + 5 < length ? at + 5 : nil
                        #expect(ASCIIScan.firstIndex(of: UInt8(ascii: "["), or: UInt8(ascii: "<"), in: buffer, from: at + 1) == next, "\(length) \(at)")
                    }
                }
            }
        }
    }

    @Test func aNonASCIICharacterIsSeenAtEveryPlace() {
        #expect(ASCIIScan.isASCII(""))
        for length in [1, 7, 8, 9, 16, 23] {
            let text = String(repeating: "a", count: length)
            #expect(ASCIIScan.isASCII(text))
            for at in 0..<length {
                var characters = Array(text)
                characters[at] = "é"
                #expect(!ASCIIScan.isASCII(String(characters)), "\(length) \(at)")
                // Substrings too, which may start anywhere in a string's storage.
                #expect(!ASCIIScan.isASCII(String(String(characters).dropFirst(at))), "\(length) \(at)")
            }
        }
    }
}


