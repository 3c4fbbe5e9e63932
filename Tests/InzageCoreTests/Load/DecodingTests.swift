import InzageCore
import Testing

/// Values are decoded by the schema from the YAML node tree: unknown keys are errors with a
/// suggestion, and text stays exactly as written (no implicit typing).
@Suite("Decoding by schema")
struct DecodingTests {
    @Test func unknownKeyGetsASuggestion() {
        let d = expectDiagnostic("KEY-UNKNOWN", in: .valid.replacing("naam: Stichting", with: "1️⃣naaam: Stichting", in: "organisatie.yaml"))
        #expect(d?.message == "onbekende sleutel 'naaam'; bedoelde u 'naam'?")
        #expect(d?.hint?.hasPrefix("een verkeerd gespelde sleutel wordt niet gelezen") == true)
    }

    @Test func unknownNestedKeyNamesItsMap() {
        let d = expectDiagnostic("KEY-UNKNOWN", in: .valid.replacing("  email: fg@delinde.nl", with: "  1️⃣emial: fg@delinde.nl", in: "organisatie.yaml"))
        #expect(d?.message == "onbekende sleutel 'emial' in 'fg'; bedoelde u 'email'?")
    }

    @Test func unknownKeyWithoutALikelyMeaning() {
        let d = expectDiagnostic("KEY-UNKNOWN", in: .valid.replacing("\nversie: \"2.1\"", with: "\n1️⃣opmerkingen: geen\nversie: \"2.1\"", in: "bijsluiters/rekentuin.md"))
        #expect(d?.message == "onbekende sleutel 'opmerkingen'")
    }

    @Test(arguments: ["TRUE", "yes", "Off", "1.10", "01234567", "0x1F", "1e3", ".inf", "2026-08-01", "12:30", "null-punt"])
    func textStaysAsWritten(value: String) throws {
        let content = try TestContent.valid.replacing("naam: Stichting Openbaar Onderwijs De Linde", with: "naam: \(value)", in: "organisatie.yaml").check().content
        #expect(content.organisatie?.naam?.value == value)
    }

    @Test func versionStaysAsWritten() throws {
        let run = try TestContent.valid
            .replacing("versie: \"2.0\"\n", with: "versie: 1.10\n", in: "privacyverklaring.md")
            .replacing("\nversie: \"2.1\"\n", with: "\nversie: 1.10\n", in: "bijsluiters/rekentuin.md")
            .replacing("{ versie: \"2.1\",", with: "{ versie: 1.10,", in: "bijsluiters/rekentuin.md")
            .check()
        #expect(run.content.privacyverklaring?.versie?.value == "1.10")
        #expect(run.content.bijsluiter("rekentuin")?.versie?.value == "1.10")
        // The history matches the version as text: "1.10" is not "1.1".
        #expect(run.diagnostics.isEmpty, "\(run.summary)")
    }

    @Test func kvkWithALeadingZeroStaysText() throws {
        let run = try TestContent.valid.replacing(#"kvk: "30123456""#, with: "kvk: 01234567", in: "organisatie.yaml").check()
        #expect(run.content.organisatie?.kvk?.value == "01234567")
        #expect(run.diagnostics.isEmpty, "\(run.summary)")
    }

    @Test func postcodeStaysText() throws {
        let content = try TestContent.valid.check().content
        #expect(content.organisatie?.adres?.postcode?.value == "3511 AB")
    }

    @Test func listWhereTextIsExpected() {
        let d = expectDiagnostic("YAML-TYPE", in: .valid.replacing("naam: Stichting Openbaar Onderwijs De Linde", with: "naam: 1️⃣[Stichting, De Linde]", in: "organisatie.yaml"))
        #expect(d?.message == "'naam' moet een tekst zijn, maar is een lijst")
    }

    @Test func mapWhereAListIsExpected() {
        let d = expectDiagnostic("YAML-TYPE", in: .valid.replacing("gebruikers: [leerlingen, leerkrachten]",
                                                                    with: "gebruikers: 1️⃣{ leerlingen: ja }", in: "bijsluiters/rekentuin.md"))
        #expect(d?.message == "'gebruikers' moet een lijst zijn, maar is een lijst van sleutels (map)")
    }

    @Test func textWhereAMapIsExpected() {
        let d = expectDiagnostic("YAML-TYPE", in: .valid.replacing("fg:\n  naam: mr. P. Bakker\n  email: fg@delinde.nl\n  telefoon: 030-7654321",
                                                                    with: "fg: 1️⃣mr. P. Bakker", in: "organisatie.yaml"))
        #expect(d?.message == "'fg' moet een map met sleutels zijn, maar is een tekst")
    }

    @Test func valueOutsideItsSetGetsASuggestion() {
        let d = expectDiagnostic("VALUE", in: .valid.replacing("soort: leermiddel", with: "soort: 1️⃣leermiddl", in: "bijsluiters/rekentuin.md"))
        #expect(d?.message == "'leermiddl' is geen geldige waarde voor 'soort'; bedoelde u 'leermiddel'?")
    }

    @Test func verwerkersovereenkomstModelIsOneOfTheFormatsWords() {
        let d = expectDiagnostic("VALUE", in: .valid.replacing(#"verwerkersovereenkomst: { model: "4.0", getekend: 2026-07-01 }"#,
                                                               with: #"verwerkersovereenkomst: { model: 1️⃣"5.0", getekend: 2026-07-01 }"#, in: "bijsluiters/rekentuin.md"))
        #expect(d?.message == "'5.0' is geen geldige waarde voor 'verwerkersovereenkomst.model'; bedoelde u '3.0'?")
        #expect(d?.hint == "kies uit: 3.0 | 4.0 | eigen")
    }

    @Test(arguments: ["\"3.0\"", "4.0", "eigen"])
    func verwerkersovereenkomstModelsOfTheFormat(model: String) throws {
        let run = try TestContent.valid.replacing(#"verwerkersovereenkomst: { model: "4.0", getekend: 2026-07-01 }"#,
                                                  with: "verwerkersovereenkomst: { model: \(model), getekend: 2026-07-01 }", in: "bijsluiters/rekentuin.md").check()
        #expect(run.diagnostics.isEmpty, "\(run.summary)")
    }

    @Test func yesNoValue() {
        let d = expectDiagnostic("VALUE", in: .valid.replacing("ip_anoniem: true", with: "ip_anoniem: 1️⃣misschien", in: "privacystatement.md"))
        #expect(d?.message == "'statistieken.ip_anoniem' moet ja of nee zijn (true of false), niet 'misschien'")
    }

    @Test func duplicateKey() {
        let d = expectDiagnostic("YAML-DUPLICATE", in: .valid.replacing("bevoegd_gezag: College van Bestuur", with: "1️⃣naam: Nog een naam", in: "organisatie.yaml"))
        #expect(d?.message == "sleutel 'naam' staat twee keer in dezelfde lijst (eerder op regel 1)")
    }

    @Test func pageOrderIsANumber() {
        expectDiagnostic("VALUE", in: .valid.replacing("volgorde: 2", with: "volgorde: 1️⃣tweede", in: "paginas/camerabewaking.md"))
    }

    @Test func commaInsideBracesGetsAHint() throws {
        // `{ samenvatting: Toegevoegd, met een bord. }` splits at the comma into a second "key".
        let run = try TestContent.valid.replacing("samenvatting: Camerabewaking toegevoegd. }", with: "samenvatting: Camerabewaking toegevoegd, met een bord bij de ingang. }",
                                                  in: "privacyverklaring.md").check()
        let d = run.diagnostics("KEY-UNKNOWN").first
        #expect(d?.message.contains("staat er een komma in een tekst tussen { }?") == true, "\(run.summary)")
    }
}
