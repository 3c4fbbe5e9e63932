import InzageCore
import Testing

@Suite("BS-SPECIAL")
struct BsSpecialTests {
    let file = "bijsluiters/rekentuin.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-SPECIAL")
    }

    @Test func medicalDataIsAWarning() {
        let d = expectDiagnostic("BS-SPECIAL", .warning, in: .valid.replacing("  medisch: nee", with: "  1️⃣medisch: Allergieën die de leerkracht moet kennen.", in: file))
        #expect(d?.message == "Rekentuin verwerkt bijzondere persoonsgegevens (medische gegevens)")
        #expect(d?.hint?.contains("DPIA") == true)
    }

    @Test func optionalReligiousDataIsAWarning() {
        expectDiagnostic("BS-SPECIAL", .warning, in: .valid.replacing(
            "  godsdienst: nee", with: "  1️⃣godsdienst: { toelichting: Deelname aan vieringen., optioneel: true }", in: file))
    }
}
