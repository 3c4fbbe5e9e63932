import InzageCore
import Testing

@Suite("ORG-REQUIRED")
struct OrgRequiredTests {
    let file = "organisatie.yaml"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("ORG-REQUIRED")
    }

    @Test func kvkNumberHasEightDigits() {
        let d = expectDiagnostic("ORG-REQUIRED", in: .valid.replacing(#"kvk: "30123456""#, with: #"kvk: 1️⃣"3012345""#, in: file))
        #expect(d?.message == "'3012345' is geen KvK-nummer van 8 cijfers")
    }

    @Test func boardHasAName() {
        // Without `naam` the finding points at the start of the map.
        expectDiagnostic("ORG-REQUIRED", in: .valid.replacing("naam: Stichting Openbaar Onderwijs De Linde\n", with: "1️⃣", in: file))
    }

    @Test func boardHasAnEmailAddress() {
        expectDiagnostic("ORG-REQUIRED", in: .valid.replacing("contact:\n  email: privacy@delinde.nl\n  telefoon", with: "contact:\n  1️⃣telefoon", in: file))
    }

    @Test func boardHasAtLeastOneSchool() {
        var text = Fixture.organisatie
        let start = text.range(of: "scholen:\n")!.lowerBound
        let end = text.range(of: "site:\n")!.lowerBound
        text.replaceSubrange(start..<end, with: "1️⃣scholen: []\n")
        expectDiagnostic("ORG-REQUIRED", in: .valid.replacingFile(file, with: text))
    }

    @Test func everySchoolHasAKind() {
        // A missing key is reported at the last key of its map.
        let d = expectDiagnostic("ORG-REQUIRED", in: .valid
            .replacing("    soort: sbo\n", with: "", in: file)
            .replacing("    website: https://www.sbohetanker.nl", with: "    1️⃣website: https://www.sbohetanker.nl", in: file))
        #expect(d?.message == "de soort van SBO Het Anker ontbreekt")
    }
}
