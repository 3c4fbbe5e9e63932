import InzageCore
import Testing

@Suite("RG-GMR")
struct RgInstemmingTests {
    let file = "reglement.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("RG-GMR")
    }

    @Test func instemmingIsRecorded() {
        let d = expectDiagnostic("RG-GMR", in: .valid
            .replacing("instemming: { orgaan: GMR, datum: 2026-05-20 }\n", with: "", in: file)
            .replacing("evaluatie:", with: "1️⃣evaluatie:", in: file))
        #expect(d?.message == "de instemming van de (G)MR ontbreekt")
    }

    @Test func instemmingComesBeforeVaststelling() {
        let d = expectDiagnostic("RG-GMR", in: .valid.replacing("datum: 2026-05-20", with: "datum: 1️⃣2026-06-15", in: file))
        #expect(d?.message == "de (G)MR stemde in op 15 juni 2026, ná de vaststelling (1 juni 2026)")
    }

    @Test func takesEffectAfterVaststelling() {
        expectDiagnostic("RG-GMR", in: .valid.replacing("ingangsdatum: 2026-08-01", with: "ingangsdatum: 1️⃣2026-05-01", in: file))
    }
}
