import Foundation

/// File names that become part of a URL.
public enum Slug {
    /// Lowercase a–z, 0–9 and single `-` between them.
    public static func isValid(_ slug: String) -> Bool {
        // Byte by byte: every allowed character is one byte, and Foundation's `contains` was a
        // measurable part of loading 10 000 pages.
        let bytes = slug.utf8
        guard !bytes.isEmpty, bytes.count <= 100, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let allowed = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-"))
            guard allowed else { return false }
            previous = byte
        }
        return true
    }

    /// A file name under `bestanden/`: no path tricks, no spaces.
    public static func isValidFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name != ".", name != "..", !name.hasPrefix("."), name.count <= 200 else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }

    /// A valid slug close to what the user wrote, for hints.
    public static func suggest(from text: String) -> String {
        // Headings are mostly plain ASCII: folding them with Foundation costs far more than the
        // page around them, and for ASCII it only lowers the case.
        if ASCIIScan.isASCII(text) { return suggest(ascii: text) }
        // Dutch headings with "é", "ë", "–" or "’": each of those scalars folded once, then byte
        // by byte as ASCII text is (a folded scalar that is not a–z or 0–9 separates words).
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if let folded = foldedScalars[scalar.value] {
                bytes += folded.utf8
            } else {
                return suggest(foldingWhole: text)
            }
        }
        return bytes.withUnsafeBufferPointer { suggest(slugBytes: $0) }
    }

    /// `suggest` of a text folded whole by Foundation (case and diacritics), then lowercased.
    static func suggest(foldingWhole text: String) -> String {
        var result = ""
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "naam" : result
    }

    /// The scalars of European text beyond ASCII (Latin-1 Supplement, Latin Extended-A and -B,
    /// Latin Extended Additional, General Punctuation), each as `suggest(foldingWhole:)` folds
    /// and lowercases it, made once (about a millisecond) at the first text that needs them.
    /// Folding precomposed text one scalar at a time gives what folding it whole gives (tested
    /// for every scalar here, alone and between others); a text with any other scalar, such as a
    /// combining mark or an invisible joiner (which folding removes only after a letter), is
    /// folded whole.
    static let foldedScalars: [UInt32: String] = {
        var folded: [UInt32: String] = [:]
        for range in [0x00A0...0x024F, 0x1E00...0x1EFF, 0x2000...0x206F] {
            for value in range {
                // Marks and invisible format characters fold by what stands around them.
                guard let scalar = Unicode.Scalar(value), !scalar.properties.isDefaultIgnorableCodePoint,
                      ![.nonspacingMark, .spacingMark, .enclosingMark, .format].contains(scalar.properties.generalCategory) else { continue }
                folded[UInt32(value)] = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            }
        }
        return folded
    }()

    /// `suggest` for text that is all ASCII, byte by byte.
    private static func suggest(ascii text: String) -> String {
        var text = text
        return text.withUTF8 { suggest(slugBytes: $0) }
    }

    /// `suggest` of the text in `bytes` (UTF-8), read byte by byte, or nil when a byte is not
    /// ASCII. Heading ids are made from cmark's bytes without a string of the heading first.
    static func suggest(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80 ? suggest(slugBytes: bytes) : nil
    }

    /// The slug of UTF-8 `bytes`: ASCII letters lowercased, digits kept, every other byte (a
    /// byte of a scalar beyond ASCII too) a separator.
    private static func suggest(slugBytes bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Written straight into the string's storage: one allocation, not an array's and then a string's.
        let slug = String(unsafeUninitializedCapacity: bytes.count) { slug in
            var count = 0
            for byte in bytes {
                let lower = ASCIIScan.lower(byte)
                if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                    slug[count] = lower
                    count += 1
                } else if count > 0, slug[count - 1] != UInt8(ascii: "-") {
                    slug[count] = UInt8(ascii: "-")
                    count += 1
                }
            }
            while count > 0, slug[count - 1] == UInt8(ascii: "-") { count -= 1 }
            return count
        }
        return slug.isEmpty ? "naam" : slug
    }
}
