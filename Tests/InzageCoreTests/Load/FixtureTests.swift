import InzageCore
import Testing

@Suite("The valid fixture")
struct FixtureTests {
    @Test func loadsWithoutAnyDiagnostic() throws {
        let run = try TestContent.valid.check()
        #expect(run.diagnostics.isEmpty, "\(run.summary)")
    }

    @Test func decodesEveryDocument() throws {
        let content = try TestContent.valid.check().content
        #expect(content.organisatie?.scholen.count == 2)
        #expect(content.bijsluiters.map(\.slug).sorted() == ["rekentuin", "schoolapp"])
        #expect(content.privacyverklaring?.verwerkingen.count == 4)
        #expect(content.privacystatement?.cookies.count == 2)
        #expect(content.reglement?.articles.map(\.number.value) == ["1", "2", "3"])
        #expect(content.reglement?.articles[1].paragraphs.map(\.number.value) == ["2.1", "2.1.1", "2.1.2", "2.2"])
        #expect(content.reglement?.references.map(\.number.value) == ["1.2"])
        #expect(content.bewaartermijnen?.termijnen.count == 3)
        #expect(content.fototoestemming?.kanalen.count == 3)
        #expect(content.toegankelijkheid?.status?.value == .C)
        #expect(content.paginas.map(\.slug) == ["camerabewaking"])
        #expect(content.bestanden == ["logo.svg"])
    }

    @Test func transferOutsideTheEERIsDeclared() throws {
        let content = try TestContent.valid.check().content
        let schoolapp = try #require(content.bijsluiter("schoolapp"))
        #expect(schoolapp.countriesOutsideEER == ["US"])
        #expect(schoolapp.doorgifte?.waarborg?.value == .dpf)
        #expect(content.bijsluiter("rekentuin")?.countriesOutsideEER == [])
    }

    @Test func aSchoolUsesAProductByItsBRINInAnyCase() throws {
        let content = try TestContent.valid.check().content
        let schoolapp = try #require(content.bijsluiter("schoolapp"))
        #expect(schoolapp.isUsed(byBRIN: "07RB") && schoolapp.isUsed(byBRIN: "07rb"))
        #expect(!schoolapp.isUsed(byBRIN: "07RC") && !schoolapp.isUsed(byBRIN: "07R") && !schoolapp.isUsed(byBRIN: ""))
        #expect(content.bijsluiter("rekentuin")?.isUsed(byBRIN: "99ZZ") == true, "scholen: alle")
    }
}
