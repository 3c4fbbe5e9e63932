import InzageCore
import Testing

@Suite("BS-CAT-12")
struct BsOverigeTests {
    let file = "bijsluiters/rekentuin.md"
    let overige = "  overige: IP-adres en type browser, voor de beveiliging."

    @Test func silentOnValidContent() {
        // rekentuin names its other data concretely; schoolapp says nee.
        expectNoDiagnostic("BS-CAT-12")
    }

    @Test(arguments: ["Overige gegevens, te weten …", "Diversen", "Logbestanden etc.", "o.a. logbestanden", "abc"])
    func vagueOverigeIsAnError(text: String) {
        let d = expectDiagnostic("BS-CAT-12", in: .valid.replacing(overige, with: "  overige: 1️⃣\(text)", in: file))
        #expect(d?.message.hasPrefix("categorie 12 'overige' noemt de gegevens niet concreet") == true)
    }
}
