import InzageCore
import Testing

@Suite("ORG-FG")
struct OrgFGTests {
    let file = "organisatie.yaml"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("ORG-FG")
    }

    @Test func fgHasAnEmailAddress() {
        let d = expectDiagnostic("ORG-FG", in: .valid.replacing("  email: fg@delinde.nl\n  telefoon: 030-7654321",
                                                                 with: "  1️⃣telefoon: 030-7654321", in: file))
        #expect(d?.message == "het e-mailadres van de FG ontbreekt")
    }

    @Test func fgHasAName() {
        let d = expectDiagnostic("ORG-FG", in: .valid.replacing("fg:\n  naam: mr. P. Bakker\n  email: fg@delinde.nl\n  telefoon: 030-7654321",
                                                                 with: "fg:\n  email: fg@delinde.nl\n  1️⃣telefoon: 030-7654321", in: file))
        #expect(d?.message == "de naam van de FG ontbreekt")
    }

    @Test func fgIsThere() {
        let d = expectDiagnostic("ORG-FG", in: .valid
            .replacing("fg:\n  naam: mr. P. Bakker\n  email: fg@delinde.nl\n  telefoon: 030-7654321\n", with: "", in: file)
            .replacing("site:\n", with: "1️⃣site:\n", in: file))
        #expect(d?.message == "de functionaris gegevensbescherming (fg) ontbreekt")
    }
}
