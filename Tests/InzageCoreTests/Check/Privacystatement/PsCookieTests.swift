import InzageCore
import Testing

@Suite("PS-COOKIE")
struct PsCookieTests {
    let file = "privacystatement.md"

    @Test func silentOnValidContent() {
        // An analytic cookie without consent and a social-media cookie with consent.
        expectNoDiagnostic("PS-COOKIE")
    }

    @Test func trackingCookieWithoutConsent() {
        let d = expectDiagnostic("PS-COOKIE", in: .valid.replacing("sociale_media:\n", with: """
              - naam: _fbp
                partij: Meta
                soort: tracking
                doel: Advertenties
                bewaartermijn: 3 maanden
                toestemming: 1️⃣false
            sociale_media:

            """, in: file))
        #expect(d?.message == "cookie '_fbp' is een tracking-cookie en mag alleen met toestemming worden geplaatst")
    }

    @Test func trackingCookieThatDoesNotSayIsReportedAtItsKind() {
        expectDiagnostic("PS-COOKIE", in: .valid.replacing("sociale_media:\n", with: """
              - { naam: _fbp, partij: Meta, soort: 1️⃣tracking, doel: Advertenties, bewaartermijn: 3 maanden }
            sociale_media:

            """, in: file))
    }

    @Test func socialMediaCookieWithoutConsent() {
        expectDiagnostic("PS-COOKIE", in: .valid.replacing("    toestemming: true", with: "    toestemming: 1️⃣false", in: file))
    }

    @Test func everyCookieHasABewaartermijn() {
        let d = expectDiagnostic("PS-COOKIE", in: .valid
            .replacing("    bewaartermijn: 13 maanden\n", with: "", in: file)
            .replacing("    doel: Bezoekersstatistieken\n    toestemming: false", with: "    doel: Bezoekersstatistieken\n    1️⃣toestemming: false", in: file))
        #expect(d?.message == "bij cookie '_pk_id' ontbreekt de bewaartermijn")
    }
}
