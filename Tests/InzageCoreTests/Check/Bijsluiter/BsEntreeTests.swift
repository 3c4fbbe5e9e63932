import InzageCore
import Testing

@Suite("BS-ENTREE")
struct BsEntreeTests {
    let file = "bijsluiters/rekentuin.md"
    let attributes = "entree_attributen: [uid, nlEduPersonHomeOrganizationId]"

    @Test func silentOnValidContent() {
        // uid and the BRIN fall in categories rekentuin says it processes.
        expectNoDiagnostic("BS-ENTREE")
    }

    @Test func attributeInACategoryThatSaysNee() {
        let d = expectDiagnostic("BS-ENTREE", .warning, in: .valid.replacing(attributes, with: "entree_attributen: [uid, 1️⃣eckId]", in: file))
        #expect(d?.message == "het product ontvangt 'eckId' via Entree, maar categorie 'eck_id' (Keten-ID (ECK-ID)) staat op nee")
    }

    @Test func unknownAttribute() {
        let d = expectDiagnostic("BS-ENTREE", .warning, in: .valid.replacing(attributes, with: "entree_attributen: [uid, 1️⃣voornaam]", in: file))
        #expect(d?.message == "'voornaam' is geen Entree-attribuut")
    }
}
