import InzageCore
import Testing

@Suite("BT-START")
struct BtStartTests {
    let file = "bewaartermijnen.yaml"

    @Test func silentOnValidContent() {
        // "Zolang de toestemming geldt" is open-ended and needs no ingang.
        expectNoDiagnostic("BT-START")
    }

    @Test func fixedTermSaysWhenItStarts() {
        let d = expectDiagnostic("BT-START", in: .valid.replacing("  termijn: 5 jaar\n  soort: minimaal\n  ingang: na uitschrijving\n",
                                                                   with: "  termijn: 1️⃣5 jaar\n  soort: minimaal\n", in: file))
        #expect(d?.message == "termijn '5 jaar' zegt niet vanaf wanneer hij loopt")
    }

    @Test func idsAreUnique() {
        let d = expectDiagnostic("BT-START", in: .valid.replacing("- id: beeldmateriaal", with: "- id: 1️⃣leerlingdossier", in: file))
        #expect(d?.message == "id 'leerlingdossier' staat ook al op regel 9")
    }

    @Test func everyRowHasATerm() {
        expectDiagnostic("BT-START", in: .valid
            .replacing("  termijn: Zolang de toestemming geldt\n", with: "", in: file)
            .replacing("  soort: maximaal\n  wettelijk: false\n", with: "  soort: maximaal\n  1️⃣wettelijk: false\n", in: file))
    }
}
