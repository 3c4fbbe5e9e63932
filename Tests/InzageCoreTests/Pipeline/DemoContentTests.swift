import InzageCore
import Testing

/// The repository ships a complete demo board in `content/`; `swift run inzage build` must work on
/// a fresh clone, so the demo has no errors.
@Suite("Demo content")
struct DemoContentTests {
    @Test func demoHasNoErrors() throws {
        let today = try #require(SchoolDate(year: 2026, month: 11, day: 23))
        let (content, diagnostics) = try CheckPipeline.run(contentRoot: InzagePaths.defaultContent.path, today: today)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.location): \($0.message) [\($0.code)]" }.joined(separator: "\n"))")
        #expect(content.organisatie != nil)
        #expect(!content.bijsluiters.isEmpty)
    }
}
