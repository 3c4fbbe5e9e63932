/// The products in alphabetical order of their titles, and per school the ones it uses, as the
/// listing pages show them (`SiteContext`). Under `serve` the last render pass's order is kept
/// and patched: after one product changed, only it is taken out and put in again (a binary
/// search per list) instead of 2 000 products being sorted and grouped anew.
///
/// The order is `sortedByName`'s: by each name's sort key, then by the exact name, then by the
/// product's place in the content.
struct SortedProducts {
    private(set) var products: [ListedProduct]
    private(set) var byName: [ListedProduct]
    /// For each school of the organisation, in its order, the products it uses, by name.
    private(set) var bySchool: [[ListedProduct]]
    /// Each product's name key, by its place in the content.
    private var keys: [(key: String, exact: String)]
    /// The schools' BRIN codes the products were grouped by.
    private let schools: [String]

    /// How many changed products are patched in; more are sorted anew.
    static var patchLimit: Int { 32 }

    /// - Parameters: key: a product's name key (`SiteContext.sortKey`); used: the indices of the
    ///   schools (of `schools`) that use a product.
    init(_ products: [ListedProduct], schools: [String], key: (ListedProduct) -> (key: String, exact: String), used: (ListedProduct) -> [Int]) {
        self.products = products
        self.schools = schools
        keys = products.map(key)
        let keys = self.keys
        byName = products.sortedByName(keyed: { keys[$0.index] })
        var bySchool = [[ListedProduct]](repeating: [], count: schools.count)
        if !schools.isEmpty {
            for product in byName {
                for school in used(product) { bySchool[school].append(product) }
            }
        }
        self.bySchool = bySchool
    }

    /// Puts each product whose kept fragments changed in its new places; false, with nothing
    /// changed, when the products are not the same list (one added or removed, or in another
    /// order), one has no kept fragments, the schools differ, or more than `patchLimit` changed.
    mutating func patch(_ now: [ListedProduct], schools: [String], key: (ListedProduct) -> (key: String, exact: String),
                        used: (ListedProduct) -> [Int]) -> Bool {
        guard now.count == products.count, schools == self.schools else { return false }
        var changed: [Int] = []
        for index in now.indices {
            guard now[index].index == index, let kept = now[index].kept, let last = products[index].kept else { return false }
            if kept !== last {
                changed.append(index)
                guard changed.count <= Self.patchLimit else { return false }
            }
        }
        guard !changed.isEmpty else {
            products = now
            return true
        }
        let out = Set(changed)
        byName.removeAll { out.contains($0.index) }
        for school in bySchool.indices { bySchool[school].removeAll { out.contains($0.index) } }
        for index in changed {
            let product = now[index]
            keys[index] = key(product)
            byName.insert(product, at: position(of: index, in: byName))
            for school in used(product) { bySchool[school].insert(product, at: position(of: index, in: bySchool[school])) }
        }
        products = now
        return true
    }

    /// Where the product at content place `index` goes in `list` (in name order).
    private func position(of index: Int, in list: [ListedProduct]) -> Int {
        let name = keys[index]
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            let other = keys[list[middle].index]
            let before = other.key != name.key ? other.key < name.key
                : other.exact != name.exact ? other.exact < name.exact : list[middle].index < index
            if before { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
