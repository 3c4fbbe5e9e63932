/// TXT-CONTACT: every `email` is an e-mail address and every web address (`website`, `url`,
/// `privacybeleid`, `rapport`) is a full https address, so parents can actually reach people.
/// Source: AVG art. 12(1) (easily accessible information), 13(1)(a)(b).
struct TxtContactFields: FileRule {
    let code = "TXT-CONTACT"
    let severity = Severity.error
    let source = "AVG art. 12 lid 1, art. 13 lid 1 sub a en b"

    static let urlKeys = ["website", "url", "privacybeleid", "rapport"]

    func check(_ file: TextValues.File) -> [Diagnostic] {
        var result: [Diagnostic] = []
        // The key first, read in place: a board has thousands of other values.
        for index in file.values.indices {
            guard let key = file.values[index].key, key == "email" || Self.urlKeys.contains(key) else { continue }
            let scalar = file.values[index].scalar
            let text = scalar.text.trimmedWhitespace
            if key == "email", !Self.isEmail(text) {
                result.append(finding(at: scalar.location, "'\(text)' is geen geldig e-mailadres", hint: "schrijf het adres als naam@domein.nl"))
            } else if key != "email", !Self.isWebAddress(text) {
                result.append(finding(at: scalar.location, "'\(text)' is geen volledig webadres",
                                      hint: text.hasPrefix("www.") ? "begin met https://, dus: https://\(text)" : "schrijf het adres met https:// ervoor"))
            }
        }
        return result
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let domain = parts.last, domain.contains(UInt8(ascii: ".")),
              domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: ".") else { return false }
        return !text.unicodeScalars.contains { scalar in
            scalar.isASCII ? Self.isASCIIWhitespace(scalar) || "<>(),;:\"[]".unicodeScalars.contains(scalar) : scalar.properties.isWhitespace
        }
    }

    static func isWebAddress(_ text: String) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return false }
        let rest = text.drop(while: { $0 != "/" }).dropFirst(2)
        return !rest.isEmpty && rest.prefix { $0 != "/" }.contains(".")
            && !text.unicodeScalars.contains { $0.isASCII ? Self.isASCIIWhitespace($0) : $0.properties.isWhitespace }
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII white space
    /// of Unicode, known without looking the scalar's properties up.
    private static func isASCIIWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 32 || (9...13).contains(scalar.value)
    }
}
