import InzageCore
import Testing

@Suite("ORG-BRIN-O")
struct OrgBRINOTests {
    let file = "organisatie.yaml"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("ORG-BRIN-O")
    }

    @Test(arguments: [("120Y", "12OY"), ("12Y0", "12YO")])
    func zeroBesideALetterIsAWarningWithTheLetterO(brin: String, suggestion: String) {
        let d = expectDiagnostic("ORG-BRIN-O", .warning, in: .valid.replacing("brin: 15AK", with: "brin: 1️⃣\(brin)", in: file))
        #expect(d?.message == "'\(brin)' heeft het cijfer 0 naast een letter; bedoelde u de letter O: '\(suggestion)'?")
    }

    @Test(arguments: ["1200", "12OY", "1230", "O4AB", "120y"])
    func silentWithoutAZeroBesideALetterOrOnAnInvalidCode(brin: String) {
        expectNoDiagnostic("ORG-BRIN-O", in: .valid.replacing("brin: 15AK", with: "brin: \(brin)", in: file))
    }
}
