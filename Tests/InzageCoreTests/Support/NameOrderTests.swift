@testable import InzageCore
import Testing

/// Lists people read are in alphabetical order of a name: case and diacritics do not count,
/// equal keys fall back to the exact name, and then to the order they came in.
@Suite("Name order")
struct NameOrderTests {
    @Test func ignoresCaseAndDiacriticsThenTheExactNameThenTheOrderGiven() {
        let names = ["itslearning", "Édukos", "Basispoort", "edukos", "Zermelo", "basispoort", "Édukos", "Apps"]
        let tagged = names.enumerated().map { (name: $0.element, place: $0.offset) }
        let sorted = tagged.sortedByName(\.name)
        #expect(sorted.map(\.name) == ["Apps", "Basispoort", "basispoort", "edukos", "Édukos", "Édukos", "itslearning", "Zermelo"])
        // The two equal names keep the order they came in.
        #expect(sorted.filter { $0.name == "Édukos" }.map(\.place) == [1, 6])
    }

    @Test func sortsEmptyAndSingleLists() {
        #expect([String]().sortedByName { $0 }.isEmpty)
        #expect(["één"].sortedByName { $0 } == ["één"])
    }
}
