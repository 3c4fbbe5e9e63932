import InzageCore
import Testing

@Suite("BS-SOORT")
struct BsSoortTests {
    let file = "bijsluiters/rekentuin.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-SOORT")
    }

    @Test func soortIsDeclared() {
        let d = expectDiagnostic("BS-SOORT", in: .valid
            .replacing("soort: leermiddel\n", with: "", in: file)
            .replacing("\nwijzigingen:", with: "\n1️⃣wijzigingen:", in: file))
        #expect(d?.message == "de soort product (soort) ontbreekt")
    }
}
