import Foundation
@testable import InzageCore
import Testing

/// The products in name order and per school, kept between render passes under `serve`
/// (`SortedProducts`): patched at the products that changed, they must stand exactly where
/// sorting every product anew puts them.
@Suite("Render: sorted products")
struct SortedProductsTests {
    /// A small generator with a fixed seed, so a failure can be repeated.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    /// Few names, some alike but for case or accents (the same sort key), some the very same.
    let names = ["Rekentuin", "rekentuin", "Rékentuin", "Basispoort", "Snappet", "snappet", "Gynzy", "Ääp", "Aap", "Zuluconnect"]
    let schools = ["01AA", "02BB", "03CC"]

    struct Board {
        var products: [ListedProduct]
        var titles: [String]
        var used: [[Int]]
        func key(_ product: ListedProduct) -> (key: String, exact: String) { (titles[product.index].nameSortKey, titles[product.index]) }
        func usedBy(_ product: ListedProduct) -> [Int] { used[product.index] }
    }

    func title(_ random: inout Generator) -> String { names[Int(random.next() % UInt64(names.count))] }
    func use(_ random: inout Generator) -> [Int] { schools.indices.filter { _ in random.next() % 2 == 0 } }

    func labels(_ list: [ListedProduct]) -> [Int] { list.map(\.index) }

    @Test func patchedProductsStandWhereSortingPutsThem() {
        var random = Generator(state: 5)
        var board = Board(products: (0..<80).map { ListedProduct(index: $0, kept: FileFragments()) }, titles: [], used: [])
        board.titles = board.products.map { _ in title(&random) }
        board.used = board.products.map { _ in use(&random) }
        var sorted = SortedProducts(board.products, schools: schools, key: board.key, used: board.usedBy)
        for round in 0..<40 {
            for _ in 0..<(Int(random.next() % 6)) {
                let index = Int(random.next() % UInt64(board.products.count))
                board.products[index] = ListedProduct(index: index, kept: FileFragments())
                board.titles[index] = title(&random)
                board.used[index] = use(&random)
            }
            let current = board
            let patched = sorted.patch(current.products, schools: schools, key: current.key, used: current.usedBy)
            #expect(patched)
            let fresh = SortedProducts(current.products, schools: schools, key: current.key, used: current.usedBy)
            #expect(labels(sorted.byName) == labels(fresh.byName), "round \(round)")
            #expect(sorted.bySchool.map(labels) == fresh.bySchool.map(labels), "round \(round)")
            #expect(labels(fresh.byName) == labels(current.products.sortedByName { current.titles[$0.index] }))
        }
    }

    @Test func anotherListOfProductsOrSchoolsIsSortedAnew() {
        var random = Generator(state: 9)
        let products = (0..<40).map { ListedProduct(index: $0, kept: FileFragments()) }
        let titles = products.map { _ in title(&random) }
        let board = Board(products: products, titles: titles, used: products.map { _ in [0] })
        var sorted = SortedProducts(products, schools: schools, key: board.key, used: board.usedBy)
        let before = labels(sorted.byName)
        let added = sorted.patch(products + [ListedProduct(index: 40, kept: FileFragments())], schools: schools, key: board.key, used: board.usedBy)
        #expect(!added)
        let otherSchools = sorted.patch(products, schools: ["01AA"], key: board.key, used: board.usedBy)
        #expect(!otherSchools)
        let allChanged = sorted.patch(products.map { ListedProduct(index: $0.index, kept: FileFragments()) }, schools: schools, key: board.key, used: board.usedBy)
        #expect(!allChanged)
        let withoutFragments = sorted.patch(products.map { ListedProduct(index: $0.index, kept: $0.index == 2 ? nil : $0.kept) }, schools: schools, key: board.key, used: board.usedBy)
        #expect(!withoutFragments)
        #expect(labels(sorted.byName) == before)
        let unchanged = sorted.patch(products, schools: schools, key: board.key, used: board.usedBy)
        #expect(unchanged)
        #expect(labels(sorted.byName) == before)
        #expect(sorted.bySchool[0].count == 40 && sorted.bySchool[1].isEmpty)
    }
}
