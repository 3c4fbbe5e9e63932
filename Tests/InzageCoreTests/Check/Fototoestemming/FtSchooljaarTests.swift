import InzageCore
import Testing

@Suite("FT-SCHOOLJAAR")
struct FtSchooljaarTests {
    let file = "fototoestemming.yaml"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("FT-SCHOOLJAAR")
    }

    @Test(arguments: ["2026-2028", "2026/2027", "26-27"])
    func schooljaarIsTwoConsecutiveYears(jaar: String) {
        let d = expectDiagnostic("FT-SCHOOLJAAR", in: .valid.replacing("schooljaar: 2026-2027", with: "schooljaar: 1️⃣\(jaar)", in: file))
        #expect(d?.message == "'\(jaar)' is geen schooljaar")
    }

    @Test func reminderFallsInTheSchooljaar() {
        let d = expectDiagnostic("FT-SCHOOLJAAR", in: .valid.replacing("  datum: 2026-09-15", with: "  datum: 1️⃣2027-08-01", in: file))
        #expect(d?.message == "de herinnering (1 augustus 2027) valt niet in schooljaar 2026-2027")
    }
}
