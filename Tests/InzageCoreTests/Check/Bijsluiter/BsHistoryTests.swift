import InzageCore
import Testing

@Suite("BS-HISTORY")
struct BsHistoryTests {
    let file = "bijsluiters/rekentuin.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-HISTORY")
    }

    @Test func currentVersionIsInTheHistory() {
        let d = expectDiagnostic("BS-HISTORY", .warning, in: .valid.replacing("\nversie: \"2.1\"\n", with: "\nversie: 1️⃣\"2.2\"\n", in: file))
        #expect(d?.message == "versie 2.2 staat niet in 'wijzigingen'")
    }

    @Test func historyIsNewestFirst() {
        expectDiagnostic("BS-HISTORY", .warning, in: .valid.replacing("{ versie: \"2.0\", datum: 2025-08-15", with: "{ versie: \"2.0\", datum: 1️⃣2026-10-01", in: file))
    }
}
