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
}
