@testable import InzageCore
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    func split(_ text: String) -> (FrontMatter?, [Diagnostic]) {
        let sink = DiagnosticSink()
        return (FrontMatter.split(text, file: "x.md", sink: sink), sink.diagnostics)
    }

    @Test func yamlAndBodyWithTheLineTheBodyStartsOn() {
        let (parts, _) = split("---\ntitel: A\nversie: 1\n---\n# Kop\n\nTekst\n")
        #expect(parts?.yaml == "titel: A\nversie: 1")
        #expect(parts?.body == "# Kop\n\nTekst\n")
        #expect(parts?.bodyFirstLine == 5)
    }

    @Test func emptyYAMLAndNoBody() {
        let (parts, _) = split("---\n---")
        #expect(parts?.yaml == "")
        #expect(parts?.body == "")
        #expect(parts?.bodyFirstLine == 3)
    }

    @Test func closingDotsAndTrailingSpacesCount() {
        let (parts, _) = split("--- \ntitel: Één\n...\t\nrest")
        #expect(parts?.yaml == "titel: Één")
        #expect(parts?.body == "rest")
    }

    @Test func aLongerDashLineIsNoFence() {
        let (parts, diagnostics) = split("---\ntitel: A\n----\ntekst\n")
        #expect(parts == nil)
        #expect(diagnostics.map(\.code) == ["FM-UNCLOSED"])
    }

    @Test func missingOpeningFence() {
        let (parts, diagnostics) = split("titel: A\n---\n")
        #expect(parts == nil)
        #expect(diagnostics.map(\.code) == ["FM-MISSING"])
    }

    @Test func onlyAnOpeningFence() {
        #expect(split("---").1.map(\.code) == ["FM-UNCLOSED"])
        #expect(split("---\n").1.map(\.code) == ["FM-UNCLOSED"])
    }

    /// What a split gives, read line by line (lines end at newline bytes; a fence is `---`, or
    /// `...` to close, with trailing spaces and tabs).
    private func reference(_ text: String) -> (yaml: String, body: String, bodyFirstLine: Int)?? {
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        func isFence(_ line: String, opening: Bool) -> Bool {
            var trimmed = Substring(line)
            while let last = trimmed.unicodeScalars.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
            return trimmed == "---" || (!opening && trimmed == "...")
        }
        guard isFence(lines[0], opening: true) else { return .none }
        for index in lines.indices.dropFirst() where isFence(lines[index], opening: false) {
            return .some((lines[1..<index].joined(separator: "\n"), lines[(index + 1)...].joined(separator: "\n"), index + 2))
        }
        return .some(nil)
    }

    /// Texts made of lines that are fences, almost fences and neither, with and without a last
    /// newline, split as a reading line by line splits them.
    @Test func manyTextsSplitAsTheirLinesSay() {
        let pool = ["---", "...", "--- ", "...\t", "----", "..", "-- -", " ---", "---\r", "", "titel: Één", "a: 1", "# Kop", "tekst — é 😀", "\t"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            var lines = (0..<(1 + next(8))).map { _ in pool[next(pool.count)] }
            if next(2) == 0 { lines[0] = "---" }
            let text = lines.joined(separator: "\n") + (next(2) == 0 ? "\n" : "")
            let (parts, diagnostics) = split(text)
            switch reference(text) {
            case .none:
                #expect(parts == nil && diagnostics.map(\.code) == ["FM-MISSING"], "\(text.debugDescription)")
            case .some(nil):
                #expect(parts == nil && diagnostics.map(\.code) == ["FM-UNCLOSED"], "\(text.debugDescription)")
            case .some(let expected?):
                #expect(diagnostics.isEmpty, "\(text.debugDescription)")
                #expect(parts?.yaml == expected.yaml && parts?.body == expected.body && parts?.bodyFirstLine == expected.bodyFirstLine,
                        "\(text.debugDescription)")
            }
        }
    }
}
