import InzageCore
import Testing

@Suite("PV-RETENTION")
struct PvRetentionRefTests {
    let file = "privacyverklaring.md"

    @Test func silentOnValidContent() {
        // Ids from bewaartermijnen.yaml and a written term ("4 weken") are both fine.
        expectNoDiagnostic("PV-RETENTION")
    }

    @Test func unknownIdGetsASuggestion() {
        let d = expectDiagnostic("PV-RETENTION", in: .valid.replacing("bewaartermijn: leerlingdossier", with: "bewaartermijn: 1️⃣leerlingdosier", in: file))
        #expect(d?.message == "bewaartermijn 'leerlingdosier' staat niet in bewaartermijnen.yaml; bedoelde u 'leerlingdossier'?")
    }

    @Test func idsNeedTheRetentionTable() {
        let d = expectDiagnostic("PV-RETENTION", in: .valid
            .removing("bewaartermijnen.yaml")
            .replacing("bewaartermijn: leerlingdossier", with: "bewaartermijn: 1️⃣leerlingdossier", in: file))
        #expect(d?.hint == "maak bewaartermijnen.yaml aan, of schrijf de termijn uit")
    }

    @Test func everyVerwerkingStatesATerm() {
        expectDiagnostic("PV-RETENTION", in: .valid
            .replacing("    bewaartermijn: leerlingdossier\n", with: "", in: file)
            .replacing("gegevens: [contactgegevens, studievoortgang, ouders]", with: "1️⃣gegevens: [contactgegevens, studievoortgang, ouders]", in: file))
    }
}
