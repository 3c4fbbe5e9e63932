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
        #expect(d?.message == "lid 2.1.3 staat onder 2.2 maar begint niet met 2.2; verwacht: 2.2.1")
    }

    @Test func impliedParagraphIsFine() {
        // 2.3.1 after 2.2 implies a paragraph 2.3 that has no heading of its own.
        expectNoDiagnostic("RG-NUM", in: .valid.replacing("### 2.2 Doel\n", with: "### 2.2 Doel\n\n2.3.1. Een lid zonder eigen kop.\n", in: file))
    }

    /// Artikel 3 with paragraphs under headings, as the acceptance test wrote it; `wrong` replaces 3.1.2.
    private func subParagraphs(_ wrong: String) -> TestContent {
        .valid.replacing("3.1. Een betrokkene heeft recht op inzage in de eigen gegevens.\n3.2. Een verzoek",
                         with: """
                            ### 3.1 Leerlingen
                            3.1.1. Een leerling heeft recht op inzage.
                            \(wrong) Ouders van jonge leerlingen ook.

                            ### 3.2 Medewerkers
                            3.2.1. Een medewerker heeft recht op inzage.
                            3.2.2. Een verzoek
                            """, in: file)
    }

    @Test func expectedNumberFollowsTheHeadingAndThePreviousSibling() throws {
        let content = subParagraphs("1️⃣3.2.2.")
        let d = expectDiagnostic("RG-NUM", in: content)
        #expect(d?.message == "lid 3.2.2 staat onder 3.1 maar begint niet met 3.1; verwacht: 3.1.2")
        // The correct heading and lines after it are not reported as well.
        let run = try content.check()
        #expect(run.diagnostics("RG-NUM").count == 1, "\(run.summary)")
    }

    @Test func oneSkippedNumberDoesNotCascade() throws {
        let content = subParagraphs("1️⃣3.1.3.")
        let d = expectDiagnostic("RG-NUM", in: content)
        #expect(d?.message == "lid 3.1.3 klopt niet met de nummering ervoor; verwacht: 3.1.2")
        #expect(try content.check().diagnostics("RG-NUM").count == 1)
    }

    @Test func correctSubParagraphsAreSilent() {
        expectNoDiagnostic("RG-NUM", in: subParagraphs("3.1.2."))
    }

    @Test func aDoubleNumberDoesNotCascade() throws {
        let content = subParagraphs("1️⃣3.1.1.")
        let d = expectDiagnostic("RG-NUM", in: content)
        #expect(d?.message == "lid 3.1.1 klopt niet met de nummering ervoor; verwacht: 3.1.2")
        #expect(try content.check().diagnostics("RG-NUM").count == 1)
    }

    @Test func aParagraphOfAnotherArticleDoesNotCascade() throws {
        let content = subParagraphs("1️⃣8.1.2.")
        expectDiagnostic("RG-NUM", in: content)
        #expect(try content.check().diagnostics("RG-NUM").count == 1)
    }
}
