import InzageCore
import Testing

@Suite("BS-PRODUCT")
struct BsIdentityTests {
    let file = "bijsluiters/rekentuin.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-PRODUCT")
    }

    @Test func verwerkerContactHasAnEmailAddress() {
        let d = expectDiagnostic("BS-PRODUCT", in: .valid.replacing("contact: { naam: S. de Wit, email: privacy@oefenweb.nl }",
                                                                     with: "contact: 1️⃣{ naam: S. de Wit }", in: file))
        #expect(d?.message == "een contactpersoon met e-mailadres bij de verwerker ontbreekt")
    }

    @Test func productHasADescription() {
        // A missing key is reported at the last key of the front matter.
        let d = expectDiagnostic("BS-PRODUCT", in: .valid
            .replacing("omschrijving: Adaptieve oefenomgeving voor rekenen in het primair onderwijs.\n", with: "", in: file)
            .replacing("\nwijzigingen:", with: "\n1️⃣wijzigingen:", in: file))
        #expect(d?.message == "een korte uitleg van het product (omschrijving) ontbreekt")
    }

    @Test func atLeastOneVerwerking() {
        let d = expectDiagnostic("BS-PRODUCT", in: .valid
            .replacing("verwerkingen:\n  - Opslaan van gebruikersnaam en wachtwoord\n  - Opslaan van oefenresultaten\n", with: "verwerkingen: []\n", in: file)
            .replacing("\nwijzigingen:", with: "\n1️⃣wijzigingen:", in: file))
        #expect(d?.message == "er staat geen verwerking in 'verwerkingen'")
    }

    @Test func saysWhichSchoolsUseIt() {
        let d = expectDiagnostic("BS-PRODUCT", in: .valid
            .replacing("scholen: alle\n", with: "", in: file)
            .replacing("\nwijzigingen:", with: "\n1️⃣wijzigingen:", in: file))
        #expect(d?.message == "er staat niet welke scholen het product gebruiken (scholen)")
    }
}
