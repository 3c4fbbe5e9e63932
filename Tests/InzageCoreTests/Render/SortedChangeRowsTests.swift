import Foundation
@testable import InzageCore
import Testing

/// The change rows kept between render passes under `serve` (`SortedChangeRows`): patched at the
/// products that changed, they must stand exactly where sorting every row anew puts them.
@Suite("Render: sorted change rows")
struct SortedChangeRowsTests {
    struct Change: ListedChange {
        let date: String; let label: String
        var mustacheFields: KeyValuePairs<String, Any?> { ["date": date, "label": label] }
        var listDate: String { date }
    }

    typealias Generator = SeededGenerator

    let template = RowTemplate(templates: try! TemplateSet(override: nil), name: "wijziging")
    /// Few dates, so many rows share one; "" is a change without a date.
    let days = ["", "2025-01-01", "2025-06-01", "2026-01-15", "2026-09-01"]

    func rows(_ label: String, count: Int, using random: inout Generator) -> [ViewFragment<Change>] {
        (0..<count).map { ViewFragment(Change(date: days[Int(random.next() % UInt64(days.count))], label: "\(label)-\($0)"), template: template) }
    }

    /// The rows sorted the plain way: newest first, otherwise in the order they were listed.
    func expected(_ documents: [[ViewFragment<Change>]], _ products: [[ViewFragment<Change>]]) -> [String] {
        let all = (documents + products).flatMap { $0 }
        return all.indices.sorted { a, b in
            all[a].view.date != all[b].view.date ? all[a].view.date > all[b].view.date : a < b
        }.map { all[$0].view.label }
    }

    @Test func patchedRowsStandWhereSortingPutsThem() {
        var random = Generator(seed: 7)
        var products = (0..<60).map { ListedProduct(index: $0, kept: FileFragments()) }
        var productRows = products.indices.map { rows("p\($0)", count: Int(random.next() % 4), using: &random) }
        var documents = (0..<3).map { rows("d\($0)", count: Int(random.next() % 3), using: &random) }
        func lookup(_ product: ListedProduct) -> [ViewFragment<Change>] { productRows[product.index] }
        var sorted = SortedChangeRows(documents: documents, products: products, rows: lookup)
        #expect(sorted.rows.map(\.view.label) == expected(documents, productRows))
        for round in 0..<40 {
            // One to five products get a new parse (new kept fragments, new rows); the documents' rows are made anew.
            for _ in 0..<(1 + Int(random.next() % 5)) {
                let index = Int(random.next() % UInt64(products.count))
                products[index] = ListedProduct(index: index, kept: FileFragments())
                productRows[index] = rows("p\(index)r\(round)", count: Int(random.next() % 5), using: &random)
            }
            documents = (0..<3).map { rows("d\($0)r\(round)", count: Int(random.next() % 3), using: &random) }
            let patched = sorted.patch(documents: documents, products: products, rows: lookup)
            #expect(patched)
            #expect(sorted.rows.map(\.view.label) == expected(documents, productRows), "round \(round)")
        }
    }

    @Test func anotherListOfProductsIsSortedAnew() {
        var random = Generator(seed: 11)
        let products = (0..<40).map { ListedProduct(index: $0, kept: FileFragments()) }
        let productRows = products.indices.map { rows("p\($0)", count: 2, using: &random) }
        func lookup(_ product: ListedProduct) -> [ViewFragment<Change>] { productRows[product.index] }
        var sorted = SortedChangeRows(documents: [[], [], []], products: products, rows: lookup)
        let before = sorted.rows.map(\.view.label)
        // A product added, every product changed, and a product without kept fragments: no patch, nothing changed.
        let added = sorted.patch(documents: [[], [], []], products: products + [ListedProduct(index: 0, kept: FileFragments())], rows: lookup)
        #expect(!added)
        let allChanged = sorted.patch(documents: [[], [], []], products: products.map { ListedProduct(index: $0.index, kept: FileFragments()) }, rows: lookup)
        #expect(!allChanged)
        let withoutFragments = sorted.patch(documents: [[], [], []], products: products.map { ListedProduct(index: $0.index, kept: $0.index == 3 ? nil : $0.kept) }, rows: lookup)
        #expect(!withoutFragments)
        #expect(sorted.rows.map(\.view.label) == before)
        // The same products: nothing to patch but the documents.
        let documentsOnly = sorted.patch(documents: [[], [], []], products: products, rows: lookup)
        #expect(documentsOnly)
        #expect(sorted.rows.map(\.view.label) == before)
    }
}
