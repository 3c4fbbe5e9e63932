import Foundation
import InzageCore
import Testing
@testable import inzage

@Suite("JSONReport")
struct JSONReportTests {
    static let keys: Set<String> = ["file", "line", "column", "severity", "code", "message", "hint"]

    func parse(_ json: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func exactlyOneObjectWithDiagnosticsAndCounts() throws {
        let diagnostics = [
            Diagnostic(.error, "BS-CAT", at: InzageCore.SourceLocation(file: "content/bijsluiters/a.md", line: 23, column: 3), "ontbreekt", hint: "voeg toe"),
            Diagnostic(.warning, "BS-STALE", at: InzageCore.SourceLocation(file: "content/bijsluiters/a.md", line: 40, column: 8), "oud"),
            Diagnostic(.note, "NOTE", at: InzageCore.SourceLocation(file: "content/organisatie.yaml", line: 1, column: 1), "ter info"),
        ]
        let json = JSONReport.render(diagnostics)
        #expect(json.hasSuffix("}\n"))
        let object = try parse(json)
        #expect(Set(object.keys) == ["diagnostics", "errors", "warnings"])
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.count == 3)
        for item in items {
            #expect(Set(item.keys) == Self.keys)
        }
        #expect(items.map { $0["severity"] as? String } == ["error", "warning", "note"])
        #expect(items[0]["file"] as? String == "content/bijsluiters/a.md")
        #expect(items[0]["line"] as? Int == 23)
        #expect(items[0]["column"] as? Int == 3)
        #expect(items[0]["code"] as? String == "BS-CAT")
        #expect(items[0]["message"] as? String == "ontbreekt")
        #expect(items[0]["hint"] as? String == "voeg toe")
        #expect(items[1]["hint"] is NSNull)
    }

    @Test func emptyReport() throws {
        let object = try parse(JSONReport.render([]))
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(object["errors"] as? Int == 0)
        #expect(object["warnings"] as? Int == 0)
    }

    @Test(arguments: ["zeg \"ja\"", "a\\b", "regel\nregel", "tab\there", "bel\u{07}", "één 🇳🇱", "</script>"])
    func textIsEscaped(message: String) throws {
        let json = JSONReport.render([Diagnostic(.error, "X", at: InzageCore.SourceLocation(file: "content/x \"y\".md", line: 1, column: 1), message, hint: message)])
        #expect(!json.dropLast().contains("\n"))
        let items = try #require(try parse(json)["diagnostics"] as? [[String: Any]])
        #expect(items.first?["message"] as? String == message)
        #expect(items.first?["hint"] as? String == message)
        #expect(items.first?["file"] as? String == "content/x \"y\".md")
    }
}
