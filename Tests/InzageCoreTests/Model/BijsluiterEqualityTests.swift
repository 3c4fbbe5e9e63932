import Foundation
import Testing
@testable import InzageCore

/// A patch build compares a changed bijsluiter as the lists see it (`Bijsluiter.listed`) with the
/// same file as the build before saw it, by equality of the model.
struct BijsluiterEqualityTests {
    /// The fixture board in a folder of its own, whose Rekentuin is loaded from any text, always
    /// at the same path (the file's path is part of the model).
    private struct Board {
        let folder: TemporaryFolder

        init() throws {
            folder = try TemporaryFolder()
            try folder.write(TestContent.valid)
        }

        func bijsluiter(_ text: String) throws -> Bijsluiter {
            let root = folder.url.appendingPathComponent("content")
            try Data(text.utf8).write(to: root.appendingPathComponent("bijsluiters/rekentuin.md"))
            let (content, _) = try CheckPipeline.run(contentRoot: root.path, today: Fixture.today)
            return try #require(content.bijsluiters.first { $0.file.hasSuffix("rekentuin.md") })
        }
    }

    @Test func theSameFileLoadedTwiceIsEqual() throws {
        let board = try Board()
        defer { board.folder.remove() }
        let first = try board.bijsluiter(Fixture.rekentuin), second = try board.bijsluiter(Fixture.rekentuin)
        #expect(first == second)
        #expect(first.listed == second.listed)
    }

    @Test func aFieldNoListShowsLeavesTheListedViewEqual() throws {
        let board = try Board()
        defer { board.folder.remove() }
        let before = try board.bijsluiter(Fixture.rekentuin)
        let after = try board.bijsluiter(Fixture.rekentuin.replacingOccurrences(of: "bewaartermijn: Tot het account", with: "bewaartermijn: Zolang het account"))
        #expect(before != after)
        #expect(before.listed == after.listed)
        let body = try board.bijsluiter(Fixture.rekentuin.replacingOccurrences(of: "van de groep.", with: "van de hele groep."))
        #expect(before != body)
        #expect(before.listed == body.listed)
    }

    @Test(arguments: [
        ("product: Rekentuin", "product: Rekentuin Plus"),                       // the name every list shows
        ("naam: Oefenweb B.V.", "naam: Oefenweb Nederland B.V."),               // the supplier
        ("onderwijsdeelnemernummer: nee", "onderwijsdeelnemernummer: Voor de koppeling."), // a category processed
        ("- { plaats: Amsterdam, land: NL }", "- { plaats: Amsterdam, land: DE }"), // a country
        ("versie: \"2.1\"\ndatum", "versie: \"2.2\"\ndatum"),                    // the version
        ("soort: leermiddel\n", "soort: leermiddel\n\n"),                       // a field's line (the body moves down)
    ])
    func aChangeTheListsShowMakesTheListedViewDiffer(old: String, new: String) throws {
        #expect(Fixture.rekentuin.contains(old))
        let board = try Board()
        defer { board.folder.remove() }
        let before = try board.bijsluiter(Fixture.rekentuin)
        let after = try board.bijsluiter(Fixture.rekentuin.replacingOccurrences(of: old, with: new))
        #expect(before.listed != after.listed)
    }
}
