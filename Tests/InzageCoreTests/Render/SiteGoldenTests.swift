import Foundation
@testable import InzageCore
import Testing

/// Representative pages of the fixture site, byte for byte. A change to a template, a view model
/// or the renderer shows up here as a diff to review; `INZAGE_UPDATE_GOLDEN=1 swift test` rewrites
/// the files in `Tests/InzageCoreTests/Golden/site/` after such a review.
@Suite("Site: golden pages")
struct SiteGoldenTests {
    @Test(arguments: [
        ("index.html", "home.html"),
        ("privacyverklaring/index.html", "privacyverklaring.html"),
        ("bijsluiters/schoolapp/index.html", "bijsluiter-schoolapp.html"),
        ("reglement/index.html", "reglement.html"),
        ("bijsluiters/index.html", "bijsluiters.html"),
    ])
    func pageMatchesItsGoldenFile(page: String, golden: String) throws {
        let site = try BuiltSite()
        defer { site.remove() }
        let data = try #require(FileManager.default.contents(atPath: site.output.appendingPathComponent(page).path), "\(page) was not built")
        expectSiteGolden(data, golden)
    }

    @Test func theGoldenPagesCarryTheirFacts() throws {
        // A rewritten golden file is only as good as its review: the key facts of the same pages
        // are asserted here too, so a wrong page cannot be blessed into a golden file silently.
        let site = try BuiltSite()
        defer { site.remove() }
        let home = site.text("index.html")
        #expect(home.contains("<h1>Privacy bij De Linde</h1>"))
        #expect(home.contains("<li><a href=\"./scholen/15ak/\">SBO Het Anker</a></li>"))
        #expect(home.contains("mr. P. Bakker is onze functionaris gegevensbescherming (FG)."))

        let schoolapp = site.text("bijsluiters/schoolapp/index.html")
        #expect(schoolapp.contains("<h1>Privacybijsluiter Schoolapp Ouderportaal</h1>"))
        #expect(schoolapp.contains("gegevens gaan ook naar landen buiten de Europese Economische Ruimte: de Verenigde Staten."))
        #expect(schoolapp.contains("<th scope=\"row\">Twilio Inc.</th><td>San Francisco</td><td>Verenigde Staten <strong class=\"label\">buiten de EER</strong></td>"))
        #expect(schoolapp.contains("met als waarborg het EU-US Data Privacy Framework"))
        #expect(occurrences(of: "<tr class=", in: schoolapp) == 14, "all 14 categories")

        let overview = site.text("bijsluiters/index.html")
        #expect(overview.contains("<td>Schoolapp Nederland B.V.</td><td>informatiemiddel</td><td>Nee</td><td>Ja: Verenigde Staten</td><td>1.0</td>"))
        #expect(overview.contains("<td>Oefenweb B.V.</td><td>leermiddel</td><td>Nee</td><td>Nee</td><td>2.1</td>"))

        #expect(site.text("privacyverklaring/index.html").contains("Onze functionaris gegevensbescherming (FG) is mr. P. Bakker."))
        #expect(site.text("reglement/index.html").contains("<p id=\"artikel-1-2\">1.2. Verwerker:"))
    }
}

/// Where a golden file of the site lives in the source tree.
func siteGoldenURL(_ name: String, filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/site/\(name)")
}

/// Compares output bytes with `Golden/site/<name>`; with `INZAGE_UPDATE_GOLDEN=1` the golden
/// file is (re)written instead.
func expectSiteGolden(_ data: Data, _ name: String, filePath: String = #filePath, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = siteGoldenURL(name, filePath: filePath)
    if ProcessInfo.processInfo.environment["INZAGE_UPDATE_GOLDEN"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            Issue.record("cannot write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let golden = FileManager.default.contents(atPath: url.path) else {
        Issue.record("golden file site/\(name) is missing; run with INZAGE_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
        return
    }
    guard golden != data else { return }
    let goldenLines = String(decoding: golden, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let index = Array(zip(goldenLines, lines)).firstIndex { $0.0 != $0.1 } ?? min(goldenLines.count, lines.count)
    let expected = index < goldenLines.count ? String(goldenLines[index]) : "<end>"
    let actual = index < lines.count ? String(lines[index]) : "<end>"
    Issue.record("site/\(name) differs from its golden file at line \(index + 1):\n  golden: \(expected)\n  actual: \(actual)\n(INZAGE_UPDATE_GOLDEN=1 rewrites it)",
                 sourceLocation: sourceLocation)
}
