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

    /// `suggest` for text that is all ASCII, byte by byte.
    private static func suggest(ascii text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let lower = ASCIIScan.lower(byte)
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                bytes.append(lower)
            } else if let last = bytes.last, last != UInt8(ascii: "-") {
                bytes.append(UInt8(ascii: "-"))
            }
        }
        while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        return bytes.isEmpty ? "naam" : String(decoding: bytes, as: UTF8.self)
    }
}
