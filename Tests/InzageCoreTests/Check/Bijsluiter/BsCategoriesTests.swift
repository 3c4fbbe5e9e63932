import InzageCore
import Testing

@Suite("BS-CAT")
struct BsCategoriesTests {
    let file = "bijsluiters/rekentuin.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-CAT")
    }

    @Test func missingCategoryIsReportedAfterThePreviousOne() {
        // As in product.md: the missing `eck_id` belongs after `bsn`.
        let d = expectDiagnostic("BS-CAT", in: .valid.replacing("  bsn: nee\n  eck_id: nee\n", with: "  1️⃣bsn: nee\n", in: file))
        #expect(d?.message == "categorie 'eck_id' (14. Keten-ID (ECK-ID)) ontbreekt")
        #expect(d?.hint == "voeg 'eck_id: nee' toe, of beschrijf welke gegevens worden verwerkt")
    }

    @Test func missingFirstCategoryIsReportedAtTheFirstWritten() {
        expectDiagnostic("BS-CAT", in: .valid.replacing(
            "  contactgegevens: Gebruikersnaam van de leerling; naam en e-mailadres van de leerkracht.\n  onderwijsdeelnemernummer",
            with: "  1️⃣onderwijsdeelnemernummer", in: file))
    }

    @Test func misspelledCategoryIsUnknownAndMissing() {
        let content = TestContent.valid.replacing("  ouders: nee\n  medisch: nee\n", with: "  2️⃣ouders: nee\n  1️⃣medish: nee\n", in: file)
        let unknown = expectDiagnostic("KEY-UNKNOWN", in: content, at: "1️⃣")
        #expect(unknown?.message == "onbekende sleutel 'medish' in 'categorieen'; bedoelde u 'medisch'?")
        expectDiagnostic("BS-CAT", in: content, at: "2️⃣")
    }

    @Test func withoutCategoriesAtAll() {
        var text = Fixture.rekentuin
        let start = text.range(of: "categorieen:\n")!.lowerBound
        let end = text.range(of: "entree_attributen:")!.lowerBound
        text.replaceSubrange(start..<end, with: "")
        text = text.replacingOccurrences(of: "\nwijzigingen:", with: "\n1️⃣wijzigingen:")
        let d = expectDiagnostic("BS-CAT", in: TestContent.valid.replacingFile(file, with: text))
        #expect(d?.message == "de categorieën persoonsgegevens (categorieen) ontbreken")
    }

    @Test(arguments: ["ja", "x", "true", "Ja"])
    func processedNeedsAToelichting(answer: String) {
        let d = expectDiagnostic("BS-CAT", in: .valid.replacing("  financien: nee", with: "  financien: 1️⃣\(answer)", in: file))
        #expect(d?.message == "categorie 'financien' (Financiën) wordt verwerkt maar zonder toelichting")
    }

    @Test func optionalCategoryNeedsAToelichting() {
        expectDiagnostic("BS-CAT", in: .valid.replacing("  financien: nee", with: "  financien: 1️⃣{ optioneel: true }", in: file))
    }

    @Test(arguments: ["nee", "\"nee\"", "Nee", "n.v.t."])
    func neeInAnyFormIsAnAnswer(answer: String) {
        expectNoDiagnostic("BS-CAT", in: .valid.replacing("  financien: nee", with: "  financien: \(answer)", in: file))
    }
}
