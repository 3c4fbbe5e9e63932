import InzageCore
import Testing

@Suite("BS-VERSION")
struct BsVersionTests {
    let file = "bijsluiters/rekentuin.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-VERSION")
    }

    @Test func dateIsNotInTheFuture() {
        // Today is 23 November 2026.
        let d = expectDiagnostic("BS-VERSION", in: .valid.replacing("\ndatum: 2026-09-01\n", with: "\ndatum: 1️⃣2026-11-24\n", in: file))
        #expect(d?.message == "de datum 24 november 2026 ligt in de toekomst")
    }

    @Test func todayIsNotTheFuture() {
        expectNoDiagnostic("BS-VERSION", in: .valid.replacing("\ndatum: 2026-09-01\n", with: "\ndatum: 2026-11-23\n", in: file))
    }

    @Test func versionIsStated() {
        expectDiagnostic("BS-VERSION", in: .valid
            .replacing("\nversie: \"2.1\"\n", with: "\n", in: file)
            .replacing("\nwijzigingen:", with: "\n1️⃣wijzigingen:", in: file))
    }

    @Test func dateIsStated() {
        let d = expectDiagnostic("BS-VERSION", in: .valid
            .replacing("\ndatum: 2026-09-01\n", with: "\n", in: file)
            .replacing("\nwijzigingen:", with: "\n1️⃣wijzigingen:", in: file))
        #expect(d?.message == "de datum van deze versie (datum) ontbreekt")
    }
}
