import InzageCore
import Testing

/// Dates are accepted as `2026-08-01`, `01-08-2026` and `1 augustus 2026`; anything else,
/// including impossible dates, is a DATE error at the value.
@Suite("Dates")
struct DateTests {
    @Test(arguments: ["2026-08-01", "01-08-2026", "1-8-2026", "1 augustus 2026", "1 Augustus 2026"])
    func threeFormsMeanTheSameDay(written: String) throws {
        #expect(SchoolDate(parsing: written) == SchoolDate(year: 2026, month: 8, day: 1))
        let run = try TestContent.valid.replacing("ingangsdatum: 2026-08-01", with: "ingangsdatum: \(written)", in: "privacyverklaring.md").check()
        #expect(run.content.privacyverklaring?.ingangsdatum?.value == SchoolDate(year: 2026, month: 8, day: 1))
        #expect(run.diagnostics.isEmpty, "\(run.summary)")
    }

    @Test(arguments: ["31-02-2026", "2026-02-30", "2026-0a-01", "2026+08-01", "29-02-2027", "32 augustus 2026", "2026-13-01", "1 augustos 2026", "2026-8", "morgen", "01-08-26"])
    func impossibleOrUnknownDateIsAnError(written: String) {
        let d = expectDiagnostic("DATE", in: .valid.replacing("ingangsdatum: 2026-08-01", with: "ingangsdatum: 1️⃣\(written)", in: "privacyverklaring.md"))
        #expect(d?.message == "'ingangsdatum' is geen geldige datum: '\(written)'")
        #expect(d?.hint == "schrijf de datum als 2026-08-01, 01-08-2026 of 1 augustus 2026")
    }

    @Test func leapDay() {
        #expect(SchoolDate(parsing: "29-02-2028") == SchoolDate(year: 2028, month: 2, day: 29))
        #expect(SchoolDate(parsing: "29-02-2100") == nil)
        #expect(SchoolDate(parsing: "29-02-2000") != nil)
    }

    @Test func shownInDutchAndISO() throws {
        let date = try #require(SchoolDate(year: 2026, month: 8, day: 1))
        #expect(date.dutch == "1 augustus 2026")
        #expect(date.iso == "2026-08-01")
    }

    @Test(arguments: [(2026, 11, 23, 2026), (2026, 8, 1, 2026), (2026, 7, 31, 2025), (2027, 1, 5, 2026)])
    func schoolYearStartsOnTheFirstOfAugust(year: Int, month: Int, day: Int, startYear: Int) throws {
        let date = try #require(SchoolDate(year: year, month: month, day: day))
        #expect(date.schoolYearStart == SchoolDate(year: startYear, month: 8, day: 1))
    }

    @Test func dateInAFlowMapInAList() {
        expectDiagnostic("DATE", in: .valid.replacing("{ versie: \"1.0\", datum: 2025-06-01", with: "{ versie: \"1.0\", datum: 1️⃣31-02-2026", in: "bijsluiters/schoolapp.md"))
    }
}
