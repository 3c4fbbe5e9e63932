import InzageCore
import Testing

@Suite("BS-VWO")
struct BsOvereenkomstTests {
    let rekentuin = "bijsluiters/rekentuin.md"
    let agreement = #"verwerkersovereenkomst: { model: "4.0", getekend: 2026-07-01 }"#

    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-VWO")
    }

    @Test func signedInTheFuture() {
        // Today is 23 November 2026 in every test run.
        let d = expectDiagnostic("BS-VWO", in: .valid.replacing(agreement, with: #"verwerkersovereenkomst: { model: "4.0", getekend: 1️⃣2026-11-24 }"#, in: rekentuin))
        #expect(d?.message == "de verwerkersovereenkomst is getekend op 24 november 2026: die datum ligt in de toekomst")
    }

    @Test func signedToday() {
        expectNoDiagnostic("BS-VWO", in: .valid.replacing(agreement, with: #"verwerkersovereenkomst: { model: "4.0", getekend: 2026-11-23 }"#, in: rekentuin))
    }
}
