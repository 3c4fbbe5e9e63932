import InzageCore
import Testing

@Suite("RG-REF")
struct RgReferencesTests {
    let file = "reglement.md"
    let line = "3.1. Een betrokkene heeft recht op inzage in de eigen gegevens."

    @Test func silentOnValidContent() {
        // "artikel 1.2" exists; "artikel 12 AVG" points into another law.
        expectNoDiagnostic("RG-REF")
    }

    @Test func referenceToAMissingArticle() {
        let d = expectDiagnostic("RG-REF", in: .valid.replacing(line, with: "3.1. Een betrokkene heeft recht op inzage, zie artikel 1️⃣9.9.", in: file))
        #expect(d?.message == "'artikel 9.9' verwijst naar een artikel dat niet bestaat")
        #expect(d?.hint?.hasPrefix("het reglement heeft geen artikel 9") == true)
    }

    @Test func referenceToAMissingLid() {
        let d = expectDiagnostic("RG-REF", in: .valid.replacing(line, with: "3.1. Zie artikel 1️⃣2 lid 3.", in: file))
        #expect(d?.hint == "artikel 2 bestaat, maar lid 2.3 niet; controleer het nummer")
    }

    @Test(arguments: ["artikel 15 AVG", "artikel 6 van de Wet", "artikel 47 WPO"])
    func referencesIntoOtherLawsAreNotChecked(reference: String) {
        expectNoDiagnostic("RG-REF", in: .valid.replacing(line, with: "3.1. Zie \(reference).", in: file))
    }

    @Test func columnsCountUnicodeScalars() {
        // "é" written as e + combining accent: one Character, two scalars (and two libyaml columns).
        expectDiagnostic("RG-REF", in: .valid.replacing(line, with: "3.1. Zie het caf\u{65}\u{301}-overleg en artikel 1️⃣9.9.", in: file))
    }
}
