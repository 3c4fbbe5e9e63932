import InzageCore
import Testing

@Suite("ORG-BRIN")
struct OrgBRINTests {
    let file = "organisatie.yaml"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("ORG-BRIN")
    }

    @Test(arguments: [
        ("12oy", "schrijf de letters als hoofdletters: '12OY'"),
        ("AB12", "2 cijfers gevolgd door 2 letters of cijfers"),
        ("07RBX", "2 cijfers gevolgd door 2 letters of cijfers"),
        ("O4AB", "bedoelde u '04AB'?"),
        ("o4ab", "bedoelde u '04AB'?"),
        ("OOAB", "bedoelde u '00AB'?"),
    ])
    func invalidCodeWithHint(brin: String, hint: String) {
        let d = expectDiagnostic("ORG-BRIN", in: .valid.replacing("brin: 15AK", with: "brin: 1️⃣\(brin)", in: file))
        #expect(d?.message == "'\(brin)' is geen geldige BRIN-code")
        #expect(d?.hint?.contains(hint) == true, "\(d?.hint ?? "")")
    }

    @Test(arguments: ["1200", "12OY", "1230", "120Y", "12Y0"])
    func validFormat(brin: String) {
        expectNoDiagnostic("ORG-BRIN", in: .valid.replacing("brin: 15AK", with: "brin: \(brin)", in: file))
    }

    @Test func eachSchoolHasItsOwnCode() {
        let d = expectDiagnostic("ORG-BRIN", in: .valid.replacing("brin: 15AK", with: "brin: 1️⃣07RB", in: file))
        #expect(d?.message == "BRIN-code '07RB' staat ook al op regel 15")
    }

    @Test func everySchoolHasACode() {
        expectDiagnostic("ORG-BRIN", in: .valid
            .replacing("    brin: 15AK\n", with: "", in: file)
            .replacing("    website: https://www.sbohetanker.nl", with: "    1️⃣website: https://www.sbohetanker.nl", in: file))
    }
}
