import InzageCore

/// The `--format json` object of product.md: diagnostics, errors, warnings.
enum JSONReport {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d in
            "{\"file\":\(quote(d.location.file)),\"line\":\(d.location.line),\"column\":\(d.location.column),"
                + "\"severity\":\(quote(d.severity.rawValue)),\"code\":\(quote(d.code)),\"message\":\(quote(d.message)),"
                + "\"hint\":\(d.hint.map(quote) ?? "null")}"
        }
        return "{\"diagnostics\":[\(items.joined(separator: ","))],\"errors\":\(diagnostics.errorCount),\"warnings\":\(diagnostics.warningCount)}\n"
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
