import InzageCore
import Testing

@Suite("FT-WITHDRAW")
struct FtWithdrawTests {
    let file = "fototoestemming.yaml"
    let hoe = "hoe: In de schoolapp onder Instellingen, Privacyvoorkeuren. U kunt ook een e-mail sturen aan de administratie."

    @Test func silentOnValidContent() {
        expectNoDiagnostic("FT-WITHDRAW")
    }

    @Test(arguments: ["tot 1 oktober", "uiterlijk 30 september", "binnen 14 dagen na de start", "vóór het einde van het schooljaar", "tot de eerste schooldag"])
    func withdrawingHasNoDeadline(deadline: String) {
        let d = expectDiagnostic("FT-WITHDRAW", in: .valid.replacing(hoe, with: "hoe: Via de administratie, 1️⃣\(deadline).", in: file))
        #expect(d?.message.hasPrefix("intrekken heeft hier een termijn") == true)
    }

    @Test func saysHowToWithdraw() {
        let d = expectDiagnostic("FT-WITHDRAW", in: .valid
            .replacing("  " + hoe + "\n", with: "", in: file)
            .replacing("intrekken:", with: "1️⃣intrekken:", in: file))
        #expect(d?.message == "er staat niet hoe ouders hun toestemming kunnen intrekken")
    }

    @Test func columnsCountUnicodeScalars() {
        expectDiagnostic("FT-WITHDRAW", in: .valid.replacing(hoe, with: "hoe: Via de app (caf\u{65}\u{301}) 1️⃣tot 1 oktober.", in: file))
    }
}
