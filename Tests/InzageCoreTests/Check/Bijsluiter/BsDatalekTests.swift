import InzageCore
import Testing

@Suite("BS-DATALEK")
struct BsDatalekTests {
    let file = "bijsluiters/rekentuin.md"
    let datalek = "datalek: { telefoon: 020 123 4567, email: datalek@oefenweb.nl, termijn: 24 uur }"

    @Test func silentOnValidContent() {
        // schoolapp reports within 48 hours, the longest that still leaves the school time.
        expectNoDiagnostic("BS-DATALEK")
    }

    @Test(arguments: ["72 uur", "3 werkdagen", "3 dagen"])
    func reportingTooLate(termijn: String) {
        let d = expectDiagnostic("BS-DATALEK", in: .valid.replacing(datalek, with: "datalek: { email: datalek@oefenweb.nl, termijn: 1️⃣\(termijn) }", in: file))
        #expect(d?.message.contains("de school moet binnen 72 uur bij de AP melden") == true)
    }

    @Test func contactForBreachesIsThere() {
        expectDiagnostic("BS-DATALEK", in: .valid
            .replacing("  " + datalek + "\n", with: "", in: file)
            .replacing("  contact: { naam: S. de Wit", with: "  1️⃣contact: { naam: S. de Wit", in: file))
    }

    @Test func breachContactHasAnAddressOrNumber() {
        expectDiagnostic("BS-DATALEK", in: .valid.replacing(datalek, with: "datalek: 1️⃣{ termijn: 24 uur }", in: file))
    }
}
