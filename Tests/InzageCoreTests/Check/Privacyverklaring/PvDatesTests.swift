import InzageCore
import Testing

@Suite("PV-DATES")
struct PvDatesTests {
    let file = "privacyverklaring.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("PV-DATES")
    }

    @Test func changedBeforeItTookEffect() {
        let d = expectDiagnostic("PV-DATES", in: .valid.replacing("laatst_gewijzigd: 2026-09-15", with: "laatst_gewijzigd: 1️⃣2026-07-01", in: file))
        #expect(d?.message == "laatst_gewijzigd (1 juli 2026) ligt vóór de ingangsdatum (1 augustus 2026)")
    }

    @Test func changedInTheFuture() {
        expectDiagnostic("PV-DATES", in: .valid.replacing("laatst_gewijzigd: 2026-09-15", with: "laatst_gewijzigd: 1️⃣2026-12-24", in: file))
    }

    @Test func ingangsdatumIsStated() {
        let d = expectDiagnostic("PV-DATES", in: .valid
            .replacing("ingangsdatum: 2026-08-01\n", with: "", in: file)
            .replacing("\nwijzigingen:", with: "\n1️⃣wijzigingen:", in: file))
        #expect(d?.message == "de ingangsdatum ontbreekt")
    }
}
