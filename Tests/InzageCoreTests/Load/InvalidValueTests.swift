import InzageCore
import Testing

/// A key written with a value the format refuses gets the value error only, never also a rule's
/// "ontbreekt" for the same key: the key is there, its value is wrong.
@Suite("Invalid values are not missing keys")
struct InvalidValueTests {
    @Test(arguments: [
        ("bijsluiters/rekentuin.md", "soort: leermiddel", "soort: 1️⃣lesmateriaal", "VALUE", "BS-SOORT"),
        ("bijsluiters/rekentuin.md", "versie: \"2.1\"\ndatum: 2026-09-01", "versie: \"2.1\"\ndatum: 1️⃣31-02-2026", "DATE", "BS-VERSION"),
        ("privacyverklaring.md", "grondslag: publieke-taak", "grondslag: 1️⃣wet", "VALUE", "PV-GROUND"),
        ("bijsluiters/schoolapp.md", "waarborg: dpf", "waarborg: 1️⃣geen", "VALUE", "BS-EER"),
        ("toegankelijkheid.yaml", "status: C", "status: 1️⃣F", "VALUE", "TG-STATUS"),
        ("privacystatement.md", "soort: analytisch", "soort: 1️⃣marketing", "VALUE", "PS-COOKIE"),
        ("organisatie.yaml", "soort: po", "soort: 1️⃣basis", "VALUE", "ORG-REQUIRED"),
    ])
    func onlyTheValueError(file: String, old: String, new: String, valueCode: String, ruleCode: String) throws {
        let content = TestContent.valid.replacing(old, with: new, in: file)
        expectDiagnostic(valueCode, in: content)
        let run = try content.check()
        let missing = run.diagnostics(ruleCode).filter { $0.message.contains("ontbreekt") }
        #expect(missing.isEmpty, "\(run.summary)")
    }

    @Test func aKeyThatIsReallyMissingIsStillReported() throws {
        // An invalid soort next to a missing datum: the datum is still missing.
        let run = try TestContent.valid
            .replacing("soort: leermiddel", with: "soort: lesmateriaal", in: "bijsluiters/rekentuin.md")
            .replacing("versie: \"2.1\"\ndatum: 2026-09-01\n", with: "versie: \"2.1\"\n", in: "bijsluiters/rekentuin.md")
            .check()
        #expect(run.diagnostics("BS-VERSION").map(\.message) == ["de datum van deze versie (datum) ontbreekt"], "\(run.summary)")
        #expect(run.diagnostics("BS-SOORT").isEmpty, "\(run.summary)")
    }
}
