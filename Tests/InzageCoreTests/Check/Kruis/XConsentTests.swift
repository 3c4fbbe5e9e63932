import InzageCore
import Testing

@Suite("X-CONSENT")
struct XConsentTests {
    @Test func silentOnValidContent() {
        expectNoDiagnostic("X-CONSENT")
    }

    @Test func photosWithConsentNeedFototoestemming() {
        let d = expectDiagnostic("X-CONSENT", in: .valid
            .removing("fototoestemming.yaml")
            .replacing("grondslag: toestemming", with: "grondslag: 1️⃣toestemming", in: "privacyverklaring.md"))
        #expect(d?.message == "voor foto's en video's met toestemming ontbreekt fototoestemming.yaml")
    }

    @Test func otherConsentDoesNotNeedIt() {
        expectNoDiagnostic("X-CONSENT", in: .valid
            .removing("fototoestemming.yaml")
            .replacing("  - doel: Foto's en video's van activiteiten delen\n", with: "  - doel: Nieuwsbrief versturen\n", in: "privacyverklaring.md")
            .replacing("    toestemming: fototoestemming\n", with: "    toestemming: Bij de aanmelding; intrekken kan altijd bij de administratie.\n", in: "privacyverklaring.md")
            .replacing("    gegevens: [beeldmateriaal]\n", with: "    gegevens: [contactgegevens]\n", in: "privacyverklaring.md"))
    }

    @Test func silentWhenTheFileExistsButHasErrors() {
        // The loader reports the broken file; saying it is missing would be wrong.
        expectNoDiagnostic("X-CONSENT", in: .valid.replacing("kanalen:", with: "kanalen:\n\t- fout", in: "fototoestemming.yaml"))
    }
}
