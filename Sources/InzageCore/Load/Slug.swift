import Foundation

/// File names that become part of a URL.
public enum Slug {
    /// Lowercase a–z, 0–9 and single `-` between them.
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.count <= 100, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else { return false }
        return slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
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
}
