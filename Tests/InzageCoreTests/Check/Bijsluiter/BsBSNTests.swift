import InzageCore
import Testing

@Suite("BS-BSN")
struct BsBSNTests {
    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-BSN")
    }

    @Test func leermiddelDoesNotProcessTheBSN() {
        let d = expectDiagnostic("BS-BSN", in: .valid.replacing("  bsn: nee", with: "  1️⃣bsn: BSN van de leerling.", in: "bijsluiters/rekentuin.md"))
        #expect(d?.message == "een leermiddel mag het BSN/PGN niet verwerken")
    }

    @Test func informatiemiddelMayProcessTheBSN() {
        expectNoDiagnostic("BS-BSN", in: .valid.replacing("  bsn: nee", with: "  bsn: Voor de uitwisseling met DUO.", in: "bijsluiters/schoolapp.md"))
    }
}
