import InzageCore
import Testing

@Suite("X-SCHOOL")
struct XSchoolTests {
    let file = "bijsluiters/schoolapp.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("X-SCHOOL")
    }

    @Test func brinIsASchoolOfTheBoard() {
        let d = expectDiagnostic("X-SCHOOL", in: .valid.replacing("scholen: [07RB]", with: "scholen: [07RB, 1️⃣15AL]", in: file))
        #expect(d?.message == "BRIN-code '15AL' is geen school uit organisatie.yaml; bedoelde u '15AK'?")
    }

    @Test func brinIsComparedWithoutCase() {
        expectNoDiagnostic("X-SCHOOL", in: .valid.replacing("scholen: [07RB]", with: "scholen: [07rb]", in: file))
    }

    @Test func emptyListMeansNoSchool() {
        expectDiagnostic("X-SCHOOL", in: .valid.replacing("---\nproduct: Schoolapp", with: "---\n1️⃣product: Schoolapp", in: file)
            .replacing("scholen: [07RB]", with: "scholen: []", in: file))
    }
}
