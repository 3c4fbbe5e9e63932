import InzageCore
import Testing

@Suite("RG-NUM")
struct RgNumberingTests {
    let file = "reglement.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("RG-NUM")
    }

    @Test func paragraphOfAnotherArticle() {
        // Seed 002 Bijlage II: a paragraph numbered for another article.
        let d = expectDiagnostic("RG-NUM", in: .valid.replacing("3.2. Een verzoek", with: "1️⃣8.7. Een verzoek", in: file))
        #expect(d?.message == "lid 8.7 staat in artikel 3 maar begint niet met 3")
    }

    @Test(arguments: [("3.3.", "3.2"), ("3.1.", "3.2"), ("3.0.", "3.2")])
    func paragraphOutOfSequence(number: String, expected: String) {
        let d = expectDiagnostic("RG-NUM", in: .valid.replacing("3.2. Een verzoek", with: "1️⃣\(number) Een verzoek", in: file))
        #expect(d?.message.hasSuffix("verwacht: \(expected)") == true, "\(d?.message ?? "")")
    }

    @Test func skippedSubParagraph() {
        let d = expectDiagnostic("RG-NUM", in: .valid.replacing("2.1.2. Het geldt", with: "1️⃣2.1.3. Het geldt", in: file))
        #expect(d?.message == "lid 2.1.3 klopt niet met de nummering ervoor; verwacht: 2.1.2")
    }

    @Test func paragraphHeadingIsNumberedToo() {
        expectDiagnostic("RG-NUM", in: .valid.replacing("### 2.2 Doel", with: "### 1️⃣2.3 Doel", in: file))
    }

    @Test func articlesCountUpByOne() {
        let d = expectDiagnostic("RG-NUM", in: .valid.replacing("## Artikel 3 Rechten", with: "## Artikel 1️⃣4 Rechten", in: file))
        #expect(d?.message == "artikel 4 volgt niet op artikel 2; verwacht: artikel 3")
    }

    @Test func paragraphBeforeTheFirstArticle() {
        let d = expectDiagnostic("RG-NUM", in: .valid.replacing("---\n## Artikel 1", with: "---\n1️⃣1.1. Inleiding.\n\n## Artikel 1", in: file))
        #expect(d?.message == "lid 1.1 staat vóór het eerste artikel")
    }

    @Test func codeBlocksAreNotNumbering() {
        expectNoDiagnostic("RG-NUM", in: .valid.replacing("### 2.2 Doel\n", with: "### 2.2 Doel\n```\n9.9. Een voorbeeld.\n```\n", in: file))
    }

    @Test func lineUnderTheWrongParagraphHeading() {
        // "2.1.2." written below "### 2.2": a line belongs to the heading above it.
        let d = expectDiagnostic("RG-NUM", in: .valid
            .replacing("### 2.2 Doel\n", with: "### 2.2 Doel\n1️⃣2.1.3. Een regel onder de verkeerde kop.\n", in: file))
        #expect(d?.message == "lid 2.1.3 staat onder 2.2 maar begint niet met 2.2")
    }

    @Test func impliedParagraphIsFine() {
        // 2.3.1 after 2.2 implies a paragraph 2.3 that has no heading of its own.
        expectNoDiagnostic("RG-NUM", in: .valid.replacing("### 2.2 Doel\n", with: "### 2.2 Doel\n\n2.3.1. Een lid zonder eigen kop.\n", in: file))
    }
}
