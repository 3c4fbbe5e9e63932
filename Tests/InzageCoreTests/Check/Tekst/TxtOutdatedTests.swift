@testable import InzageCore
import Testing

@Suite("TXT-OUTDATED")
struct TxtOutdatedTests {
    let line = "3.1. Een betrokkene heeft recht op inzage in de eigen gegevens."

    @Test func silentOnValidContent() {
        expectNoDiagnostic("TXT-OUTDATED")
    }

    @Test(arguments: [
        ("Wbp", "de Wbp geldt niet meer sinds 25 mei 2018"),
        ("Wet bescherming persoonsgegevens", "de Wet bescherming persoonsgegevens geldt niet meer sinds 25 mei 2018"),
        ("CBP", "het CBP heet sinds 2016 Autoriteit Persoonsgegevens"),
        ("College bescherming persoonsgegevens", "het College bescherming persoonsgegevens heet sinds 2016 Autoriteit Persoonsgegevens"),
        ("twee werkdagen", "'twee werkdagen' is de oude termijn; een datalek meldt u binnen 72 uur"),
    ])
    func outdatedTermInTheReglement(term: String, message: String) {
        let d = expectDiagnostic("TXT-OUTDATED", .warning, in: .valid.replacing(line, with: "3.1. Volgens de 1️⃣\(term) heeft een betrokkene recht op inzage.", in: "reglement.md"))
        #expect(d?.message == message)
    }

    @Test func outdatedTermInAYAMLValue() {
        expectDiagnostic("TXT-OUTDATED", .warning, in: .valid.replacing("termijn: 24 uur }", with: "termijn: binnen 1️⃣twee werkdagen }", in: "bijsluiters/rekentuin.md"))
    }

    @Test(arguments: ["2 werkdagen", "TWEE WERKDAGEN", "Twee Werkdagen"])
    func theOldBreachDeadlineInAnyCase(term: String) {
        expectDiagnostic("TXT-OUTDATED", .warning, in: .valid.replacing(line, with: "3.1. Een datalek meldt u binnen 1️⃣\(term).", in: "reglement.md"))
    }

    @Test func otherDeadlinesInWorkingDaysAreFine() {
        expectNoDiagnostic("TXT-OUTDATED", in: .valid.replacing(line, with: "3.1. Wij reageren binnen tien werkdagen, uiterlijk 12 of 22 werkdagen.", in: "reglement.md"))
    }

    /// A term's pattern is run only on text holding one of its words: every match of the pattern
    /// holds one, in texts that vary case, neighbours and spacing.
    @Test func everyMatchHoldsOneOfItsTermsWords() {
        let texts = ["Wbp", "de Wbp.", "(Wbp)", "Wbp-regels", "CBP", "het CBP,", "wet bescherming persoonsgegevens", "WET BESCHERMING PERSOONSGEGEVENS",
                     "College Bescherming Persoonsgegevens", "twee werkdagen", "TWEE werkdagen", "2 werkdagen", "binnen 2 werkdagen", "22 werkdagen",
                     "één Wbp é", "Wbp’s", "cbp", "wbp"]
        for text in texts {
            for term in TxtOutdated.terms where text.firstMatch(of: term.pattern) != nil {
                #expect(ASCIIScan.containsAny(text, term.words), "\(text): \(term.message)")
                #expect(TxtOutdated.mightMatch(text), "\(text)")
            }
        }
    }

    @Test func wordsThatOnlyContainTheLettersAreFine() {
        expectNoDiagnostic("TXT-OUTDATED", in: .valid.replacing(line, with: "3.1. Wbpx en ACBPQ zijn geen afkortingen.", in: "reglement.md"))
    }
}
