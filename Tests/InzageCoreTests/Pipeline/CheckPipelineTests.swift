import InzageCore
import Testing

@Suite("CheckPipeline")
struct CheckPipelineTests {
    @Test func missingContentFolderIsALoadError() {
        #expect(throws: LoadError.self) {
            try CheckPipeline.run(contentRoot: "/nonexistent/inzage-content", today: Fixture.today)
        }
    }

    @Test func diagnosticsComeSortedByFileAndLine() throws {
        let run = try TestContent.valid
            .replacing("brin: 15AK", with: "brin: AB12", in: "organisatie.yaml")
            .replacing(##"kleur: "#1d4f91""##, with: ##"kleur: "#ffcc00""##, in: "organisatie.yaml")
            .replacing("  bsn: nee\n  eck_id: nee\n", with: "  bsn: nee\n", in: "bijsluiters/rekentuin.md")
            .replacing("ip_anoniem: true", with: "ip_anoniem: false", in: "privacystatement.md")
            .check()
        let locations = run.diagnostics.map(\.location)
        #expect(locations == locations.sorted())
        #expect(run.diagnostics.map(\.code) == ["BS-CAT", "ORG-BRIN", "ORG-COLOUR", "PS-STATS"])
    }

    @Test func everyProblemInOneRun() throws {
        let run = try TestContent.valid
            .replacing("brin: 15AK", with: "brin: O4AB", in: "organisatie.yaml")
            .replacing("naam: Stichting", with: "naaam: Stichting", in: "organisatie.yaml")
            .replacing("datum: 2026-09-15\n  afzender", with: "datum: 31-02-2026\n  afzender", in: "fototoestemming.yaml")
            .check()
        #expect(Set(run.diagnostics.map(\.code)).isSuperset(of: ["ORG-BRIN", "KEY-UNKNOWN", "DATE", "ORG-REQUIRED"]), "\(run.summary)")
    }

    @Test func todayIsFixedForTheWholeRun() throws {
        // The same content is stale a year later: rules use the given today, not the clock.
        let later = try #require(SchoolDate(year: 2027, month: 11, day: 23))
        let run = try TestContent.valid.check(today: later)
        #expect(run.diagnostics.map(\.code).contains("BS-STALE"))
        #expect(run.content.today == later)
    }

    @Test func todayCanBeForcedForTests() {
        #expect(Today.date(environment: ["INZAGE_VANDAAG": "2026-11-23"]) == Fixture.today)
    }
}
