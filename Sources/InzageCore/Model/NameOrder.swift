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
        let elements = Array(self)
        let names = elements.map(keyed)
        // Positions are sorted, with the names compared in place: sorting the elements with their
        // names would copy (and retain) both on every comparison.
        let order = names.withUnsafeBufferPointer { names in
            elements.indices.sorted { a, b in
                if names[a].key != names[b].key { return names[a].key < names[b].key }
                if names[a].exact != names[b].exact { return names[a].exact < names[b].exact }
                return a < b
            }
        }
        return order.map { elements[$0] }
    }
}
