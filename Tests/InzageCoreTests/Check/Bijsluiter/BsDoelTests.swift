import InzageCore
import Testing

@Suite("BS-DOEL")
struct BsDoelTests {
    let file = "bijsluiters/rekentuin.md"

    @Test func silentOnValidContent() {
        // schoolapp is an informatiemiddel and may use organisatie-onderwijs.
        expectNoDiagnostic("BS-DOEL")
    }

    @Test func organisatieOnderwijsIsOnlyForAnInformatiemiddel() {
        let d = expectDiagnostic("BS-DOEL", in: .valid.replacing("doeleinden: [onderwijs, levering, toegang]",
                                                                  with: "doeleinden: [onderwijs, 1️⃣organisatie-onderwijs, levering]", in: file))
        #expect(d?.message == "het doel 'organisatie-onderwijs' past alleen bij een informatiemiddel, niet bij een leermiddel")
    }

    @Test func atLeastOneDoel() {
        expectDiagnostic("BS-DOEL", in: .valid.replacing("doeleinden: [onderwijs, levering, toegang]", with: "1️⃣doeleinden: []", in: file))
    }

    @Test func unknownCodeGetsASuggestion() {
        let d = expectDiagnostic("BS-DOEL", in: .valid.replacing("doeleinden: [onderwijs, levering, toegang]",
                                                                  with: "doeleinden: [1️⃣onderwys, levering, toegang]", in: file))
        #expect(d?.message == "'onderwys' is geen doel uit het model; bedoelde u 'onderwijs'?")
    }

    @Test func eigenDoelIsDescribed() {
        expectDiagnostic("BS-DOEL", in: .valid.replacing("doeleinden: [onderwijs, levering, toegang]",
                                                          with: "doeleinden: [onderwijs, { eigen: 1️⃣\"\" }]", in: file))
    }
}
