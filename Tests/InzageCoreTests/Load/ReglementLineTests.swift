@testable import InzageCore
import Testing

/// `ReglementLine` reads plain lines byte by byte instead of with `ReglementParser`'s regexes: it
/// must find exactly what the regexes find, on hand-picked edges and on many generated lines.
@Suite("ReglementLine")
struct ReglementLineTests {
    static let edges = [
        "## Artikel 4 Titel", "## artikel 4", "## Artikel 4.", "## Artikel 4. Titel", "## Artikel 4   ", "## Artikel 4.5 Titel",
        "## Artikel 4a", "##Artikel 4", "### Artikel 4", "##\tArtikel\t12\tTitel", "## ARTIKEL 4", "## Artikelen 4", "## Artikel",
        "### 4.3 Titel", "### 4.3. Titel", "### 4.3.1", "### 4. Titel", "### 4", "### 4.3x", "### 4.3.", "#### 4.3 Titel", "###  4.3  ",
        "4.3.1. Tekst", "4.3.1 Tekst", "4. Tekst", "4.3.Tekst", "4.3.  ", "4.3.", "12.1. x", "4..3. x",
        "zie artikel 4.3 en artikel 5 lid 2", "Artikelen 3 en 4", "artikelen  7.1 lid  3.", "artikel 4.3. Daarna", "artikel lid 2",
        "hoofdartikel 5", "artikel5", "artikelen", "artikel 9 AVG en artikel 12 lid 3 AVG", "artikel 4 lid", "artikel 4 lid x",
        "Artikel 4 Begripsbepalingen", "Artikel 12", "4.3 Termijnen", "4.3. Termijnen", "4.3", "4", "4.3x", "4.3 ", "artikel",
        "", "#", "Artikel 4 é", "4.3 ë", "## Artikel 4 Titel\r", "artikel 4\u{0B}x", "artikel\u{00A0}4",
    ]

    /// Lines made of the pieces the patterns care about, in a fixed pseudo-random order.
    static var generated: [String] {
        let pieces = ["#", "##", "###", " ", "  ", "\t", "Artikel", "artikel", "en", "lid", "4", "12", ".", "3", "x", "Titel", "A", "rtikel"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<4000).map { _ in (0..<(1 + next(9))).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test func findsWhatTheRegexesFind() {
        for text in Self.edges + Self.generated {
            let article = text.wholeMatch(of: ReglementParser.articleHeading).map { ReglementLine.Heading(number: $0.1, title: $0.2) }
            #expect(ReglementLine.articleHeading(text) == article, "\(text.debugDescription)")
            let paragraph = text.wholeMatch(of: ReglementParser.paragraphHeading).map { ReglementLine.Heading(number: $0.1, title: $0.2) }
            #expect(ReglementLine.paragraphHeading(text) == paragraph, "\(text.debugDescription)")
            #expect(ReglementLine.paragraphLine(text) == text.wholeMatch(of: ReglementParser.paragraphLine)?.1, "\(text.debugDescription)")
            let references = text.matches(of: ReglementParser.reference).map { ReglementLine.Reference(range: $0.range, number: $0.1, lid: $0.2) }
            #expect(ReglementLine.references(in: text) == references, "\(text.debugDescription)")
            #expect(ReglementLine.articleTitle(text) == text.wholeMatch(of: ReglementParser.articleTitle)?.1, "\(text.debugDescription)")
            #expect(ReglementLine.paragraphTitle(text) == text.wholeMatch(of: ReglementParser.paragraphTitle)?.1, "\(text.debugDescription)")
        }
    }

    @Test func plainMeansASCIIWithoutLineBreakControls() {
        #expect(ReglementLine.isPlain("## Artikel 4\tTitel"))
        #expect(!ReglementLine.isPlain("Artikel 4 é"))
        #expect(!ReglementLine.isPlain("Artikel 4\r"))
        #expect(!ReglementLine.isPlain("Artikel 4\u{0C}"))
    }
}
