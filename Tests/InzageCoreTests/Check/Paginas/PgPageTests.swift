import InzageCore
import Testing

@Suite("PG-PAGE")
struct PgPageTests {
    @Test func silentOnValidContent() {
        expectNoDiagnostic("PG-PAGE")
    }

    @Test func pageHasATitle() {
        let d = expectDiagnostic("PG-PAGE", in: .valid.replacing("titel: Camerabewaking\n", with: "", in: "paginas/camerabewaking.md")
            .replacing("volgorde: 2", with: "1️⃣volgorde: 2", in: "paginas/camerabewaking.md"))
        #expect(d?.message == "de pagina heeft geen titel")
    }

    @Test(arguments: ["contact", "privacyverklaring", "bijsluiters"])
    func pageDoesNotTakeTheAddressOfAGeneratedPage(slug: String) {
        let path = "paginas/\(slug).md"
        let d = expectDiagnostic("PG-PAGE", in: .valid.setting(path, to: .text(Fixture.camerabewaking)).expecting(path, line: 1, column: 1))
        #expect(d?.message == "de naam '\(slug)' is al in gebruik voor een pagina die Inzage zelf maakt")
    }
}
