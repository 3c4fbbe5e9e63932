import InzageCore
import Testing

@Suite("PV-GROUND")
struct PvGroundTests {
    let file = "privacyverklaring.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("PV-GROUND")
    }

    @Test func gerechtvaardigdBelangIsSpelledOut() {
        let d = expectDiagnostic("PV-GROUND", in: .valid
            .replacing("    gerechtvaardigd_belang: De veiligheid van leerlingen en medewerkers en het voorkomen van vandalisme.\n", with: "", in: file)
            .replacing("grondslag: gerechtvaardigd-belang", with: "grondslag: 1️⃣gerechtvaardigd-belang", in: file))
        #expect(d?.message == "bij gerechtvaardigd belang moet staan wat dat belang is")
    }

    @Test func toestemmingSaysHowItIsGivenAndWithdrawn() {
        let d = expectDiagnostic("PV-GROUND", in: .valid
            .replacing("    toestemming: fototoestemming\n", with: "", in: file)
            .replacing("grondslag: toestemming", with: "grondslag: 1️⃣toestemming", in: file))
        #expect(d?.message == "bij toestemming moet staan hoe die wordt gegeven en ingetrokken")
    }

    @Test func everyVerwerkingHasAGrondslag() {
        let d = expectDiagnostic("PV-GROUND", in: .valid
            .replacing("    grondslag: publieke-taak\n", with: "", in: file)
            .replacing("    bewaartermijn: leerlingdossier", with: "    1️⃣bewaartermijn: leerlingdossier", in: file))
        #expect(d?.message == "bij 'Onderwijs geven en leerlingen begeleiden' ontbreekt de grondslag")
    }

    @Test func unknownGrondslagIsAValueError() {
        let d = expectDiagnostic("VALUE", in: .valid.replacing("grondslag: publieke-taak", with: "grondslag: 1️⃣publieke taak", in: file))
        #expect(d?.message == "'publieke taak' is geen geldige waarde voor 'verwerkingen.grondslag'; bedoelde u 'publieke-taak'?")
    }

    @Test func atLeastOneVerwerking() {
        var text = Fixture.privacyverklaring
        let start = text.range(of: "verwerkingen:\n")!.lowerBound
        let end = text.range(of: "ontvangers:\n")!.lowerBound
        text.replaceSubrange(start..<end, with: "1️⃣verwerkingen: []\n")
        expectDiagnostic("PV-GROUND", in: TestContent.valid.replacingFile(file, with: text))
    }
}
