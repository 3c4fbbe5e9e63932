import Foundation
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
        // Reported at the key, where the schools belong.
        expectDiagnostic("X-SCHOOL", in: .valid.replacing("scholen: [07RB]", with: "1️⃣scholen: []", in: file))
    }

    /// A malformed BRIN in organisatie.yaml is ORG-BRIN's finding; the bijsluiter that names the
    /// right code is not also wrong, and is never pointed at the malformed one.
    @Test func silentWhileASchoolHasAMalformedBRIN() {
        expectNoDiagnostic("X-SCHOOL", in: .valid.replacing("brin: 15AK", with: "brin: 5AK", in: "organisatie.yaml")
            .replacing("scholen: [07RB]", with: "scholen: [07RB, 15AK]", in: file))
    }

    @Test func knownSchoolsAreListedOnce() {
        // Two schools with the same code (ORG-BRIN reports that) are one known school here.
        let d = expectDiagnostic("X-SCHOOL", in: .valid.replacing("brin: 15AK", with: "brin: 07RB", in: "organisatie.yaml")
            .replacing("scholen: [07RB]", with: "scholen: [1️⃣99ZZ]", in: file))
        #expect(d?.hint?.hasPrefix("bekende scholen: ") == true)
        let listed = d?.hint?.dropFirst("bekende scholen: ".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        #expect(Set(listed).count == listed.count)
        #expect(listed.contains("07RB"))
    }
}
