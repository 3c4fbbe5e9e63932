import InzageCore
import Testing

@Suite("TXT-CONTACT")
struct TxtContactFieldsTests {
    let file = "organisatie.yaml"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("TXT-CONTACT")
    }

    @Test(arguments: ["fg-at-delinde.nl", "fg@delinde", "f g@delinde.nl", "fg@@delinde.nl", "fg@.delinde.nl", "fg@delinde.nl.",
                      "<fg@delinde.nl>", "fg\u{00A0}x@delinde.nl", "fg@delinde.nl;x"])
    func emailIsAnAddress(email: String) {
        let d = expectDiagnostic("TXT-CONTACT", in: .valid.replacing("email: fg@delinde.nl", with: "email: 1️⃣\(email)", in: file))
        #expect(d?.message == "'\(email)' is geen geldig e-mailadres")
    }

    @Test func websiteIsAFullAddress() {
        let d = expectDiagnostic("TXT-CONTACT", in: .valid.replacing("website: https://www.delinde.nl", with: "website: 1️⃣www.delinde.nl", in: file))
        #expect(d?.hint == "begin met https://, dus: https://www.delinde.nl")
    }

    @Test func privacybeleidIsAFullAddress() {
        expectDiagnostic("TXT-CONTACT", in: .valid.replacing("privacybeleid: https://matomo.org/privacy-policy/",
                                                              with: "privacybeleid: 1️⃣matomo.org/privacy-policy", in: "privacystatement.md"))
    }

    @Test func anAddressWithLettersBeyondASCIIIsAnAddress() {
        expectNoDiagnostic("TXT-CONTACT", in: .valid.replacing("email: fg@delinde.nl", with: "email: jüri.één@delinde.nl", in: file))
    }

    @Test func aWebAddressHasNoSpaceInIt() {
        let d = expectDiagnostic("TXT-CONTACT", in: .valid.replacing("website: https://www.delinde.nl", with: "website: 1️⃣https://www.de\u{2003}linde.nl", in: file))
        #expect(d?.hint == "schrijf het adres met https:// ervoor")
    }
}
