import InzageCore
import Testing

@Suite("BS-RETENTION")
struct BsRetentionTests {
    let file = "bijsluiters/rekentuin.md"
    let bewaartermijn = "bewaartermijn: Tot het account wordt opgeheven, uiterlijk één jaar na de laatste activiteit."

    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-RETENTION")
    }

    @Test(arguments: [("Onbepaald.", "onbepaald"), ("Voor altijd", "voor altijd"), ("Gegevens worden niet verwijderd.", "niet verwijderd"),
                         // Any case; with two such words, the first of the rule's list is named.
                         ("PERMANENT bewaard", "permanent"), ("Oneindig en onbeperkt", "onbeperkt")])
    func indefiniteTermIsAnError(text: String, word: String) {
        let d = expectDiagnostic("BS-RETENTION", in: .valid.replacing(bewaartermijn, with: "bewaartermijn: 1️⃣\(text)", in: file))
        #expect(d?.message == "een bewaartermijn mag niet '\(word)' zijn")
    }

    @Test func termIsStated() {
        let d = expectDiagnostic("BS-RETENTION", in: .valid
            .replacing(bewaartermijn + "\n", with: "", in: file)
            .replacing("\nwijzigingen:", with: "\n1️⃣wijzigingen:", in: file))
        #expect(d?.message == "de bewaartermijn ontbreekt")
    }
}
