import Foundation
import InzageCore
import Testing

@Suite("inzage new")
struct SkeletonTests {
    /// The skeleton is valid YAML with every key of the format: `check` reports only what the
    /// school still has to fill in, never a syntax, key or category-list problem.
    @Test func bijsluiterSkeletonListsOnlyWhatIsMissing() throws {
        let skeleton = Skeleton.text(for: .bijsluiter, slug: "nieuw-product", today: Fixture.today)
        let run = try TestContent.valid.setting("bijsluiters/nieuw-product.md", to: .text(skeleton)).check()
        let mine = run.diagnostics.filter { $0.location.file.hasSuffix("bijsluiters/nieuw-product.md") }
        let codes = Set(mine.map(\.code))
        #expect(!mine.isEmpty)
        #expect(codes.isDisjoint(with: ["YAML-SYNTAX", "YAML-TYPE", "KEY-UNKNOWN", "BS-CAT", "VALUE", "DATE", "TXT-PLACEHOLDER"]), "\(run.summary)")
        #expect(codes.isSuperset(of: ["BS-PRODUCT", "BS-SOORT", "BS-RETENTION"]), "\(run.summary)")
        for info in Categories.all { #expect(skeleton.contains("  \(info.key): nee")) }
    }

    @Test func paginaSkeletonAsksForATitle() throws {
        let run = try TestContent.valid.setting("paginas/nieuw.md", to: .text(Skeleton.text(for: .pagina, slug: "nieuw", today: Fixture.today))).check()
        let codes = Set(run.diagnostics.filter { $0.location.file.hasSuffix("paginas/nieuw.md") }.map(\.code))
        #expect(codes == ["PG-PAGE"], "\(run.summary)")
    }
}
