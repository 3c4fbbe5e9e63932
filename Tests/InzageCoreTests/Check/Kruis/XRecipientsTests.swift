import InzageCore
import Testing

@Suite("X-RECIPIENTS")
struct XRecipientsTests {
    @Test func silentOnValidContent() {
        // The privacyverklaring mentions services in the United States without denying them.
        expectNoDiagnostic("X-RECIPIENTS")
    }

    @Test func privacyverklaringDeniesATransferABijsluiterDeclares() {
        let d = expectDiagnostic("X-RECIPIENTS", in: .valid.replacing("en waarvoor.\n", with: "en waarvoor. Wij geven 1️⃣geen gegevens door naar landen buiten de EER.\n",
                                                                       in: "privacyverklaring.md"))
        #expect(d?.message == "de privacyverklaring zegt dat er geen gegevens buiten de EER gaan, maar Schoolapp Ouderportaal geeft gegevens door naar Verenigde Staten")
    }

    @Test func denialIsFineWhenNoBijsluiterTransfers() {
        expectNoDiagnostic("X-RECIPIENTS", in: .valid
            .removing("bijsluiters/schoolapp.md")
            .replacing("en waarvoor.\n", with: "en waarvoor. Wij geven geen gegevens door naar landen buiten de EER.\n", in: "privacyverklaring.md"))
    }

    @Test func everyVerwerkerHasANameToList() {
        expectDiagnostic("X-RECIPIENTS", in: .valid.replacing("verwerker:\n  naam: Oefenweb B.V.\n  adres:", with: "verwerker:\n  1️⃣adres:", in: "bijsluiters/rekentuin.md"))
    }
}
