import Foundation
@testable import InzageCore
import Testing

/// The listing pages are made from each bijsluiter as listed (`Bijsluiter.listed`), which leaves
/// out what they do not show, so `serve` can keep them when only such a field changed.
@Suite("Listing pages")
struct ListingPagesTests {
    /// Every listing page made from the listed bijsluiters equals the one made from the whole
    /// bijsluiters (bodies aside): `listed` leaves out nothing a listing page shows.
    @Test(arguments: ["demo", "fixture"])
    func listedBijsluitersShowWhatWholeOnesShow(_ board: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = board == "demo" ? InzagePaths.defaultContent.path : try folder.write(.valid)
        let (content, _) = try CheckPipeline.run(contentRoot: root, today: Fixture.today)
        let organisatie = try #require(content.organisatie)
        #expect(content.bijsluiters.contains { !$0.countriesOutsideEER.isEmpty }, "the board should transfer data outside the EER")
        let builder = SiteBuilder(content: content, templates: try TemplateSet(override: nil))
        var whole = content.forListing
        whole.bijsluiters = content.bijsluiters.map(\.withoutBody)
        let fromListed = try builder.makeListingPages(content.forListing, organisatie: organisatie).files()
        let fromWhole = try builder.makeListingPages(whole, organisatie: organisatie).files()
        let listedFiles = fromListed.sections + fromListed.schools + fromListed.rest
        let wholeFiles = fromWhole.sections + fromWhole.schools + fromWhole.rest
        // Rendered on other threads, beside the item pages, they are the same.
        let beside = try builder.makeListingPages(content.forListing, organisatie: organisatie, besideItems: true).files()
        #expect((beside.sections + beside.schools + beside.rest).map(\.data) == listedFiles.map(\.data))
        #expect(listedFiles.map(\.path) == wholeFiles.map(\.path))
        #expect(listedFiles.count > 5)
        for (listed, whole) in zip(listedFiles, wholeFiles) where listed.data != whole.data {
            Issue.record("\(listed.path) shows something Bijsluiter.listed leaves out")
        }
    }

    /// The listing pages are laid out largest first: a page's weight is the rows of its long lists.
    @Test func aPageWeighsTheRowsOfItsLongLists() throws {
        let (content, _) = try CheckPipeline.run(contentRoot: InzagePaths.defaultContent.path, today: Fixture.today)
        let site = SiteContext(content: content, organisatie: try #require(content.organisatie), templates: try TemplateSet(override: nil))
        let products = content.bijsluiters.count
        #expect(products > 2)
        // The product table and the matrix: one row each per product.
        #expect(BijsluiterPages.overview(site).listedRows == 2 * products)
        let schoolIndex = try #require(site.productsBySchool.indices.first)
        #expect(BijsluiterPages.school(site, at: schoolIndex).listedRows == site.productsBySchool[schoolIndex].count)
        // A page without long lists weighs nothing.
        #expect(HomePage.make(site, pages: []).listedRows == 0)
    }

    /// What `listed` leaves out is really gone, so it cannot reach a listing page's key.
    @Test func listedLeavesOutWhatNoListShows() throws {
        let (content, _) = try CheckPipeline.run(contentRoot: InzagePaths.defaultContent.path, today: Fixture.today)
        for b in content.bijsluiters.map(\.listed) {
            #expect(b.body.text.isEmpty && b.omschrijving == nil && b.bewaartermijn == nil && b.beveiliging == nil && b.doeleinden == nil)
            #expect(b.verwerker?.contact == nil && b.verwerker?.datalek == nil && b.verwerker?.adres == nil)
            #expect((b.opslag + b.subverwerkers).allSatisfy { $0.naam == nil && $0.plaats == nil && $0.taak == nil })
            #expect(b.categorieen.allSatisfy { if case .verwerkt(let text, _) = $0.answer { text.value.isEmpty } else { true } })
        }
    }
}
