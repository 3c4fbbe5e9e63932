import InzageCore
import Testing

@Suite("ORG-SITE")
struct OrgSiteTests {
    let file = "organisatie.yaml"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("ORG-SITE")
    }

    @Test func logoExistsInBestanden() {
        let d = expectDiagnostic("ORG-SITE", in: .valid
            .removing("bestanden/logo.svg")
            .replacing("logo: bestanden/logo.svg", with: "logo: 1️⃣bestanden/logo.svg", in: file))
        #expect(d?.message == "het logo 'bestanden/logo.svg' staat niet in de map bestanden/")
    }

    @Test func logoHasATextAlternative() {
        let d = expectDiagnostic("ORG-SITE", in: .valid
            .replacing("  logo_alt: Logo van Stichting De Linde\n", with: "", in: file)
            .replacing("logo: bestanden/logo.svg", with: "logo: 1️⃣bestanden/logo.svg", in: file))
        #expect(d?.message == "het logo heeft geen tekstalternatief (logo_alt)")
    }

    @Test func siteAddressIsAbsolute() {
        expectDiagnostic("ORG-SITE", in: .valid.replacing("url: https://privacy.delinde.nl/", with: "url: 1️⃣privacy.delinde.nl", in: file))
    }

    @Test func siteHasATitle() {
        expectDiagnostic("ORG-SITE", in: .valid
            .replacing("  titel: Privacy bij De Linde\n", with: "", in: file)
            .replacing("  logo_alt:", with: "  1️⃣logo_alt:", in: file))
    }
}
