/// TXT-CONTACT: every `email` is an e-mail address and every web address (`website`, `url`,
/// `privacybeleid`, `rapport`) is a full https address, so parents can actually reach people.
/// Source: AVG art. 12(1) (easily accessible information), 13(1)(a)(b).
struct TxtContactFields: FileRule {
    let code = "TXT-CONTACT"
    let severity = Severity.error
    let source = "AVG art. 12 lid 1, art. 13 lid 1 sub a en b"

    static let urlKeys: Set<String> = ["website", "url", "privacybeleid", "rapport"]

    func check(_ file: TextValues.File) -> [Diagnostic] {
        file.values.compactMap { value in
            // The key first: a board has thousands of other values.
            guard let key = value.key, key == "email" || Self.urlKeys.contains(key) else { return nil }
            let text = value.scalar.text.trimmedWhitespace
            if key == "email", !Self.isEmail(text) {
                return finding(at: value.scalar.location, "'\(text)' is geen geldig e-mailadres", hint: "schrijf het adres als naam@domein.nl")
            }
            if Self.urlKeys.contains(key), !Self.isWebAddress(text) {
                return finding(at: value.scalar.location, "'\(text)' is geen volledig webadres",
                               hint: text.hasPrefix("www.") ? "begin met https://, dus: https://\(text)" : "schrijf het adres met https:// ervoor")
            }
            return nil
        }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains(where: { $0.isWhitespace || "<>(),;:\"[]".contains($0) })
    }

    static func isWebAddress(_ text: String) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return false }
        let rest = text.drop(while: { $0 != "/" }).dropFirst(2)
        return !rest.isEmpty && rest.prefix { $0 != "/" }.contains(".") && !text.contains(where: \.isWhitespace)
    }
}
