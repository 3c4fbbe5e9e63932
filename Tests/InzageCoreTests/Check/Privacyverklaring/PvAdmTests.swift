import InzageCore
import Testing

@Suite("PV-ADM")
struct PvAdmTests {
    let file = "privacyverklaring.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("PV-ADM")
    }

    @Test func automatedDecisionMakingIsStated() {
        let d = expectDiagnostic("PV-ADM", .warning, in: .valid
            .replacing("geautomatiseerde_besluitvorming: nee\n", with: "", in: file)
            .replacing("\nwijzigingen:", with: "\n1️⃣wijzigingen:", in: file))
        #expect(d?.message == "er staat niet of er geautomatiseerde besluitvorming is")
    }

    @Test func compulsoryProvisionIsStated() {
        let d = expectDiagnostic("PV-ADM", .warning, in: .valid.replacing(
            "verplichte_verstrekking: Voor de inschrijving zijn wij wettelijk verplicht gegevens te vragen. Zonder deze gegevens kunnen wij uw kind niet inschrijven.",
            with: "verplichte_verstrekking: 1️⃣\"\"", in: file))
        #expect(d?.message == "er staat niet of ouders verplicht zijn gegevens te geven")
    }
}
