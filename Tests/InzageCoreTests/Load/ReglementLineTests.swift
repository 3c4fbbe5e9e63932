@testable import InzageCore
import Testing

/// `ReglementLine` reads lines byte by byte instead of with `ReglementParser`'s regexes: it must
/// find exactly what the regexes find, on hand-picked edges (many with other characters than
/// ASCII where a pattern decides) and on many generated lines.
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
        // Other characters than ASCII: in a title they change nothing, where a pattern decides they may.
        "## Artikel 5 Categorieën van betrokkenen", "## Artikel 4\u{301} Titel", "## Artikel 4 \u{301}Titel", "## Artikel\u{A0}4",
        "## Artikel 4\u{A0}Titel", "## Ártikel 4", "#\u{301}# Artikel 4", "### 4.3 Één", "### 4.3\u{A0}x", "### 4.3 \u{200D}x",
        "4.3.1. geïnformeerd", "4.3.1.\u{A0}x", "4.3.\u{301} x", "٣.٤. x", "4.٣. x", "4.3\u{301}. x", "Artikel 14\u{301} x",
        "4.3 \u{301}x", "4.3\u{2028}", "## Artikel 4 x\u{2028}y", "## Artikel 4 x\u{85}y", "Één", "É", "## Artikel 4 \u{200D}x",
        "## Artikel 4 x\u{200D}", "\u{212A}", "Artikel 4\u{FE0F}", "## Artikel 4 🇳🇱 vlag", "4.3 👍🏽", "## Artikel 4\u{0903}",
        "zie artikel 4.3 van het reglement (geïnformeerd)", "artikel 4\u{A0}lid 2",
    ]

    /// Lines made of the pieces the patterns care about, in a fixed pseudo-random order.
    static var generated: [String] {
        let pieces = ["#", "##", "###", " ", "  ", "\t", "Artikel", "artikel", "en", "lid", "4", "12", ".", "3", "x", "Titel", "A", "rtikel",
                      "é", "\u{301}", "\u{A0}", "٣", "\u{200D}", "Ë", "\u{2028}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<6000).map { _ in (0..<(1 + next(9))).map { _ in pieces[next(pieces.count)] }.joined() }
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

    @Test func lineBreaksOfEveryKindAreFound() {
        for text in ["a\nb", "a\rb", "a\u{0B}b", "a\u{0C}b", "a\u{85}b", "a\u{2028}b", "a\u{2029}b"] {
            #expect(ReglementLine.hasLineBreak(text), "\(text.debugDescription)")
        }
        for text in ["a b", "é\u{2027}\u{202A}\u{84}", "\u{C2}\u{E2}"] {
            #expect(!ReglementLine.hasLineBreak(text), "\(text.debugDescription)")
        }
        #expect(ReglementLine.isASCII("## Artikel 4\tTitel") && !ReglementLine.isASCII("Artikel 4 é") && !ReglementLine.isASCII("Artikel 4\r"))
    }
}
