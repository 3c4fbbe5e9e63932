import InzageCore
import Testing

@Suite("BS-STALE")
struct BsStaleTests {
    @Test func silentOnValidContent() {
        // rekentuin (leermiddel) is from this schooljaar; schoolapp is an informatiemiddel.
        expectNoDiagnostic("BS-STALE")
    }

    @Test func leermiddelFromBeforeThisSchooljaar() {
        let d = expectDiagnostic("BS-STALE", .warning, in: .valid.replacing("\ndatum: 2026-09-01\n", with: "\ndatum: 1️⃣2026-07-31\n", in: "bijsluiters/rekentuin.md"))
        #expect(d?.message == "deze bijsluiter is van vóór het huidige schooljaar (31 juli 2026)")
        #expect(d?.hint?.contains("schooljaar 2026-2027") == true)
    }

    @Test func productThatIsBothIsALeermiddelToo() {
        expectDiagnostic("BS-STALE", .warning, in: .valid
            .replacing("soort: informatiemiddel", with: "soort: beide", in: "bijsluiters/schoolapp.md")
            .replacing("\ndatum: 2025-06-01\n", with: "\ndatum: 1️⃣2025-06-01\n", in: "bijsluiters/schoolapp.md"))
    }

    @Test func firstOfAugustIsThisSchooljaar() {
        expectNoDiagnostic("BS-STALE", in: .valid.replacing("\ndatum: 2026-09-01\n", with: "\ndatum: 2026-08-01\n", in: "bijsluiters/rekentuin.md"))
    }
}
