import InzageCore
import Testing

@Suite("TG-STATUS")
struct TgStatusTests {
    let file = "toegankelijkheid.yaml"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("TG-STATUS")
    }

    @Test func statusCPlansResearchWithinSixMonths() {
        // Today is 23 November 2026; six months later is 23 May 2027.
        let d = expectDiagnostic("TG-STATUS", in: .valid.replacing("onderzoek_gepland: 2027-03-01", with: "onderzoek_gepland: 1️⃣2027-05-24", in: file))
        #expect(d?.message == "het onderzoek is pas gepland op 24 mei 2027, meer dan zes maanden vanaf nu")
    }

    @Test func sixMonthsExactlyIsFine() {
        expectNoDiagnostic("TG-STATUS", in: .valid.replacing("onderzoek_gepland: 2027-03-01", with: "onderzoek_gepland: 2027-05-23", in: file))
    }

    @Test func statusCNeedsAResearchDate() {
        expectDiagnostic("TG-STATUS", in: .valid
            .replacing("onderzoek_gepland: 2027-03-01\n", with: "", in: file)
            .replacing("status: C", with: "status: 1️⃣C", in: file))
    }

    @Test func statusBNeedsAReport() {
        expectDiagnostic("TG-STATUS", in: .valid.replacing("status: C", with: "status: 1️⃣B", in: file))
    }

    @Test func statusAAllowsNoOpenProblems() {
        let d = expectDiagnostic("TG-STATUS", in: .valid
            .replacing("status: C", with: "status: A\nrapport: https://www.delinde.nl/wcag-em-rapport.pdf", in: file)
            .replacing("  - { criterium:", with: "  - 1️⃣{ criterium:", in: file))
        #expect(d?.message == "status A (voldoet volledig) kan niet zolang er beperkingen openstaan")
    }

    @Test func feedbackRouteIsGiven() {
        expectDiagnostic("TG-STATUS", in: .valid
            .replacing("contact: { email: privacy@delinde.nl }\n", with: "", in: file)
            .replacing("goedgekeurd_door:", with: "1️⃣goedgekeurd_door:", in: file))
    }
}
