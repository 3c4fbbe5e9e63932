/// The rows of every change, newest first, as `OtherPages.allChanges` lists them for the change
/// page and the feed. Under `serve` the last render pass's list is kept and patched: after one
/// product changed, only its rows (and the few of the top-level documents, made anew on every
/// pass) are taken out and put in again, instead of 2 000 products' rows being collected and
/// 5 000 rows sorted.
///
/// The order is the one a stable sort by date gives (`ListedChange.listDate`): newest first, and
/// among rows of the same date (ISO text; "" when unknown, which sorts last) the order of the documents, then of the
/// products, then of each one's changes.
struct SortedChangeRows<Row: ListedChange> {
    private(set) var rows: [ViewFragment<Row>]
    private var dates: [String]
    /// Each row's group (the top-level documents first, one group each, then each product in
    /// `SiteContext.products` order) and its place in its group.
    private var groups: [Int]
    private var ordinals: [Int]
    /// The products the rows were taken from, with what the session keeps of each parse: a
    /// product whose kept fragments are the same object has the same rows. Held, so that no
    /// other parse's fragments can take their place in memory.
    private var products: [ListedProduct]
    private let documentCount: Int

    /// How many changed products are patched in; more are sorted anew.
    static var patchLimit: Int { 32 }

    /// Every row sorted: `documents` (each top-level document's rows, one group each, also when
    /// empty) and the rows of each of `products`.
    init(documents: [[ViewFragment<Row>]], products: [ListedProduct], rows productRows: (ListedProduct) -> [ViewFragment<Row>]) {
        var result: [ViewFragment<Row>] = []
        var groups: [Int] = [], ordinals: [Int] = []
        func add(_ rows: [ViewFragment<Row>], group: Int) {
            result += rows
            groups += repeatElement(group, count: rows.count)
            ordinals += 0..<rows.count
        }
        for (group, rows) in documents.enumerated() { add(rows, group: group) }
        for (index, product) in products.enumerated() { add(productRows(product), group: documents.count + index) }
        // Each row's date read once (5 000 rows for 2 000 products), not per comparison, and
        // ranked among the few dates there are: the rows are sorted by a number, not a text.
        let dates = result.map(Self.date)
        var rankOf: [String: Int] = [:]
        for (rank, date) in Set(dates).sorted().enumerated() { rankOf[date] = rank }
        let ranks = dates.map { rankOf[$0] ?? 0 }
        let order = ranks.withUnsafeBufferPointer { ranks in
            result.indices.sorted { a, b in ranks[a] != ranks[b] ? ranks[a] > ranks[b] : a < b }
        }
        rows = order.map { result[$0] }
        self.dates = order.map { dates[$0] }
        self.groups = order.map { groups[$0] }
        self.ordinals = order.map { ordinals[$0] }
        self.products = products
        documentCount = documents.count
    }

    /// Puts the rows of `documents` and of each product whose kept fragments changed in place of
    /// their old rows; false, with nothing changed, when the products are not the same list
    /// (one added or removed), one has no kept fragments, or more than `patchLimit` changed.
    mutating func patch(documents: [[ViewFragment<Row>]], products now: [ListedProduct],
                        rows productRows: (ListedProduct) -> [ViewFragment<Row>]) -> Bool {
        guard documents.count == documentCount, now.count == products.count else { return false }
        var changed: [Int] = []
        for index in now.indices {
            guard let kept = now[index].kept, let last = products[index].kept else { return false }
            if kept !== last {
                changed.append(index)
                guard changed.count <= Self.patchLimit else { return false }
            }
        }
        let replaced = Set(0..<documentCount).union(changed.map { documentCount + $0 })
        for index in groups.indices.reversed() where replaced.contains(groups[index]) {
            rows.remove(at: index)
            dates.remove(at: index)
            groups.remove(at: index)
            ordinals.remove(at: index)
        }
        let added = documents.enumerated().map { (group: $0.offset, rows: $0.element) }
            + changed.map { (group: documentCount + $0, rows: productRows(now[$0])) }
        for (group, newRows) in added {
            for (ordinal, row) in newRows.enumerated() {
                let day = Self.date(row)
                let at = position(date: day, group: group, ordinal: ordinal)
                rows.insert(row, at: at)
                dates.insert(day, at: at)
                groups.insert(group, at: at)
                ordinals.insert(ordinal, at: at)
            }
        }
        products = now
        return true
    }

    /// The date a row is sorted by: as a listing snapshot kept it with the row, without reading
    /// the row's view, or the view's own.
    private static func date(_ row: ViewFragment<Row>) -> String {
        row.keptSource?.listDate ?? row.view.listDate
    }

    /// Where a row of `date`, `group` and `ordinal` goes: before the first row it comes before.
    private func position(date: String, group: Int, ordinal: Int) -> Int {
        rows.indices.partitionPoint { index in
            dates[index] > date || (dates[index] == date && (groups[index] < group || (groups[index] == group && ordinals[index] < ordinal)))
        }
    }
}

/// A row of the change list or the feed: sorted by its date (ISO text, "" when unknown).
/// A row of a list sorted by date: its date as the list sorts by it.
protocol DatedFragment: AnyObject {
    var listDate: String { get }
}

extension ViewFragment: DatedFragment where View: ListedChange {
    /// As a listing snapshot kept it with the row, without reading the row's view, or the view's own.
    var listDate: String { keptSource?.listDate ?? view.listDate }
}

protocol ListedChange: MustacheFields {
    var listDate: String { get }
}

extension ChangeView: ListedChange {
    var listDate: String { datum?.iso ?? "" }
}

extension FeedView.Entry: ListedChange {
    var listDate: String { date }
}
