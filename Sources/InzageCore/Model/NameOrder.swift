import Foundation

extension String {
    /// The key a name sorts by in lists people read: case and diacritics do not count, so
    /// "Édukos Software" sorts among the E's and "itslearning" among the I's.
    var nameSortKey: String {
        folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

extension Sequence {
    /// The elements in alphabetical order of `name`, ignoring case and diacritics (each key is
    /// computed once). Equal keys fall back to the exact name, then keep their order.
    func sortedByName(_ name: (Element) -> String) -> [Element] {
        sortedByName(keyed: { element in
            let exact = name(element)
            return (exact.nameSortKey, exact)
        })
    }

    /// The same order with each element's sort key given (`nameSortKey` of its name), for keys
    /// kept between rebuilds.
    func sortedByName(keyed: (Element) -> (key: String, exact: String)) -> [Element] {
        enumerated()
            .map { (name: keyed($0.element), offset: $0.offset, element: $0.element) }
            .sorted { ($0.name.key, $0.name.exact, $0.offset) < ($1.name.key, $1.name.exact, $1.offset) }
            .map(\.element)
    }
}
