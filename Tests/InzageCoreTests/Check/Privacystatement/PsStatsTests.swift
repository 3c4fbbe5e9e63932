import InzageCore
import Testing

@Suite("PS-STATS")
struct PsStatsTests {
    let file = "privacystatement.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("PS-STATS")
    }

    @Test func ipAddressesAreAnonymised() {
        let d = expectDiagnostic("PS-STATS", in: .valid.replacing("ip_anoniem: true", with: "ip_anoniem: 1️⃣false", in: file))
        #expect(d?.message == "Matomo maakt IP-adressen niet anoniem, terwijl er geen toestemming wordt gevraagd")
    }

    @Test func noDataIsShared() {
        expectDiagnostic("PS-STATS", in: .valid.replacing("gegevens_delen: false", with: "gegevens_delen: 1️⃣ja", in: file))
    }

    @Test func aVerwerkersovereenkomstIsSigned() {
        expectDiagnostic("PS-STATS", in: .valid
            .replacing("  verwerkersovereenkomst: true\n", with: "", in: file)
            .replacing("  privacybeleid: https://matomo.org", with: "  1️⃣privacybeleid: https://matomo.org", in: file))
    }

    @Test func consentForTheAnalyticCookieAllowsAnything() {
        expectNoDiagnostic("PS-STATS", in: .valid
            .replacing("ip_anoniem: true", with: "ip_anoniem: false", in: file)
            .replacing("    soort: analytisch\n    doel: Bezoekersstatistieken\n    bewaartermijn: 13 maanden\n    toestemming: false",
                       with: "    soort: analytisch\n    doel: Bezoekersstatistieken\n    bewaartermijn: 13 maanden\n    toestemming: true", in: file))
    }
}
