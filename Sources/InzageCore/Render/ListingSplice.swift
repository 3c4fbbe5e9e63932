import Foundation

/// How a patch build puts the rows of the bijsluiters it loaded in place of their old rows in the
/// published listing pages, byte for byte where `ListingPlaces` says they stand (`plan`), decided
/// beside the rules across documents: when it cannot, the listing pages are made from the
/// snapshot (`SiteBuilder.snapshotListing`), whose values are then read from that moment on.
///
/// The listing pages are a function of the global inputs and of what each product keeps for
/// the lists (`FileFragments`: its sort keys, its schools, its rows) besides its file, page
/// and date, which is all a product taken from the snapshot stands in the lists with
/// (`ListingSnapshot.standIn`); its date shows only in its sitemap row, which it keeps. A page
/// around its rows reads of a product's rows no more than how many there are, their row
/// templates and their dates (the change list, the feed). So when every loaded bijsluiter
/// keeps, besides its rows' HTML, what it kept before (the same kinds of values; equal sort
/// keys, schools, row templates and dates; the same page), and its name still sorts where it
/// stood among the others (its neighbours' names are read from the snapshot), every list holds
/// the same rows in the same order and every page around them is the same: only the loaded
/// bijsluiters' rows change. Where they move (a change added, another verwerker, other schools,
/// a name that sorts elsewhere), the lists sorted by date or by names are kept in the places
/// whole, with every row's date and every product's names, and made anew in their order
/// (`remade`); the only page around them that reads their rows, the feed, prints its first
/// entry's date, whose place is kept too. A list that would become empty, or was, is not made
/// anew (a template sees an empty list differently).
///
/// Their new rows are made as the listing pages of a site of the loaded bijsluiters alone make
/// them: what a product keeps is a function of its bijsluiter and the global inputs.
// MARK: Planning: whether and how a patch build's rows can be put in place

struct ListingSplice {
    let places: ListingPlaces
    /// Every product's file, in file order.
    let files: [String]
    /// What each loaded bijsluiter keeps for the lists now, in the content's order.
    let fragments: [FileFragments]
    /// What changes in each file that changes (by its place in `places.files`).
    let work: [FileWork]

    struct FileWork {
        let file: Int
        /// Rows put in place of a slot's: the slot, its HTML before (which must stand there) and now.
        var rows: [(slot: Int, old: String, html: String)] = []
        /// Lists sorted by date made anew (a loaded bijsluiter's changes were added, taken out or
        /// dated otherwise): the list (by its place in the file's lists), its rows in their new
        /// order, and the rows taken out (by their place in the old list) with the HTML that must
        /// stand there.
        var lists: [(list: Int, rows: [ListRow], dropped: [(row: Int, expected: String)])] = []
        /// The text the file prints of its list's first row (the feed's date), before and now.
        var frame: (old: String, new: String)?
    }

    /// A row of a list sorted by date made anew: one that stays (by its place in the old list), or
    /// a loaded bijsluiter's row now.
    enum ListRow {
        case kept(Int)
        case made(html: String, owner: Int, kind: Int, item: Int, date: String)
    }

    /// The splice of `content`'s bijsluiters (the ones a patch build loaded) into the listing pages
    /// `places` describes, or nil when it would not give what making them gives.
    /// - Parameter files: every product's file, in file order.
    static func plan(content: Content, templates: TemplateSet, snapshot: ListingSnapshot, places: ListingPlaces,
                     files: [String]) -> ListingSplice? {
        guard let organisatie = content.organisatie, places.byName.count == files.count,
              places.products == ListingPlaces.digest(ofFiles: files) else { return nil }
        // The loaded bijsluiters' places in file order, by their index in the content.
        let placeOfFile = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var placeOf: [Int: Int] = [:]
        for (index, b) in content.bijsluiters.enumerated() {
            guard let place = placeOfFile[b.file] else { return nil }
            placeOf[index] = place
        }
        var timer = PhaseTimer()
        // What each loaded bijsluiter keeps for the lists now, its rows rendered by swift-mustache
        // (a few rows: making the theme's stencils would cost more).
        let fragments = content.bijsluiters.map { _ in FileFragments() }
        var plain = templates
        plain.usesStencils = false
        SiteBuilder(content: content, templates: plain, session: nil, record: nil)
            .makeListingRows(content.forListing, organisatie: organisatie, productFragments: fragments)
        let now = fragments.map(\.keptByKind)
        timer.lap("    splice: rows made")

        // What they kept before, and what their neighbours in the order of names keep.
        var position = [Int](repeating: 0, count: files.count)
        for (rank, place) in places.byName.enumerated() { position[place] = rank }
        var wanted = Set(placeOf.values)
        for place in placeOf.values {
            let rank = position[place]
            if rank > 0 { wanted.insert(places.byName[rank - 1]) }
            if rank + 1 < files.count { wanted.insert(places.byName[rank + 1]) }
        }
        let products = wanted.sorted().compactMap { snapshot.products[files[$0]] }
        guard products.count == wanted.count,
              let before = snapshot.values(ofOnly: products, templates: templates, misses: FileFragments.Misses()) else { return nil }

        // What changed for the lists of each loaded bijsluiter besides its rows' HTML: the kinds of
        // rows that changed in number or date (`moved`: a change added, a transfer or a recipient
        // more or less), and whether its verwerker, its schools or (below) where its name sorts
        // changed (`reordered`). The lists that hold such rows are made anew (`remade`).
        var moved: [Int: Set<String>] = [:]
        var reordered = Set<Int>(), otherVerwerker = Set<Int>(), otherSchools = Set<Int>()
        for (index, b) in content.bijsluiters.enumerated() {
            guard let product = snapshot.products[b.file], let was = before[b.file], product.slug == b.slug,
                  Set(was.keys) == Set(now[index].keys), let place = placeOf[index] else { return nil }
            for (kind, value) in now[index] where kind != NameKind.title.key {
                guard let old = was[kind] else { return nil }
                if KeptValueCoding.sameForLists(old, value) { continue }
                if kind == NameKind.verwerker.key {
                    otherVerwerker.insert(place)
                    continue
                }
                if ObjectIdentifier(type(of: value)) == ObjectIdentifier([Int].self) {
                    otherSchools.insert(place)
                    continue
                }
                guard let oldRows = KeptValueCoding.rows(in: old), KeptValueCoding.rows(in: value) != nil,
                      !KeptValueCoding.isDatedList(value) || oldRows.allSatisfy({ $0.date != nil }) else { return nil }
                moved[place, default: []].insert(kind)
            }
        }
        // Every loaded bijsluiter's name still sorts between its neighbours' (as `sortedByName`).
        var loadedAt: [Int: Int] = [:]
        for (index, place) in placeOf { loadedAt[place] = index }
        func name(_ place: Int) -> NameKey? {
            if let index = loadedAt[place] { return now[index][NameKind.title.key] as? NameKey }
            return before[files[place]]?[NameKind.title.key] as? NameKey
        }
        func sorted(_ first: Int, _ second: Int) -> Bool {
            guard let a = name(first), let b = name(second) else { return false }
            if a.key != b.key { return a.key < b.key }
            if a.exact != b.exact { return a.exact < b.exact }
            return first < second
        }
        for place in placeOf.values {
            let rank = position[place]
            if !(rank == 0 || sorted(places.byName[rank - 1], place)) || !(rank + 1 == files.count || sorted(place, places.byName[rank + 1])) {
                reordered.insert(place)
            }
        }
        // Each product's names as the lists sort by them now, and the order of names.
        var names = places.names
        for (index, place) in placeOf {
            func name(_ kind: NameKind) -> ListingPlaces.SortName? {
                (now[index][kind.key] as? NameKey).map { ListingPlaces.SortName(key: $0.key, exact: $0.exact) }
            }
            names[place] = ListingPlaces.ProductNames(title: name(.title), verwerker: name(.verwerker))
        }
        var byName = places.byName
        if !reordered.isEmpty {
            // Where a name sorts elsewhere, the order of names is made again.
            guard names.allSatisfy({ $0.title != nil }) else { return nil }
            byName = files.indices.sorted { a, b in
                let x = names[a].title!, y = names[b].title!
                return x.key != y.key ? x.key < y.key : x.exact != y.exact ? x.exact < y.exact : a < b
            }
        }
        /// Each loaded bijsluiter's schools now (by their places in the organisation's list).
        func schools(_ place: Int) -> [Int]? {
            loadedAt[place].flatMap { now[$0]["scholen"] as? [Int] }
        }

        // The rows that changed (each compared with its HTML in the snapshot: a file none of whose
        // rows changed is not read), and the lists sorted by date that a loaded bijsluiter's moved
        // rows stand in or go into.
        func rows(_ place: Int, _ kind: String, now isNow: Bool) -> [KeptValueCoding.KeptRow]? {
            if isNow { return loadedAt[place].flatMap { now[$0][kind] }.flatMap(KeptValueCoding.rows(in:)) }
            return before[files[place]]?[kind].flatMap(KeptValueCoding.rows(in:))
        }
        let movedKinds = Set(moved.values.flatMap { $0 })
        /// Whether a list sorted by names, of rows of `kind`, of the school `school` if it is a
        /// school page's, must be made anew for the bijsluiter at `place`: its name sorts
        /// elsewhere, its verwerker changed and the list sorts by verwerkers, or its schools
        /// changed and the list is a school page's.
        func reorders(_ place: Int, kind: String, order: ListingPlaces.Order, school: Int?) -> Bool {
            guard order != .date else { return false }
            return reordered.contains(place) || (order == .verwerker && otherVerwerker.contains(place)) || (school != nil && otherSchools.contains(place))
        }
        let reordering = reordered.union(otherVerwerker).union(otherSchools)
        /// The kinds of rows a bijsluiter has, now or before.
        func kinds(of place: Int) -> Set<String> {
            var kinds = Set<String>()
            let values: [[String: Any]] = [loadedAt[place].map { now[$0] } ?? [:], before[files[place]] ?? [:]]
            for kept in values {
                for (kind, value) in kept where !(KeptValueCoding.rows(in: value) ?? []).isEmpty { kinds.insert(kind) }
            }
            return kinds
        }
        let reorderingKinds = Dictionary(uniqueKeysWithValues: reordering.map { ($0, kinds(of: $0)) })
        var work: [FileWork] = []
        var placedMoves = Set<String>()
        var schoolLists = Set<String>()
        for (fileIndex, file) in places.files.enumerated() {
            var change = FileWork(file: fileIndex)
            // The lists made anew: those holding a row of a kind some loaded bijsluiter moved, or,
            // sorted by names, of a kind a reordered one has.
            var remade: [Range<Int>] = []
            for (listIndex, list) in file.lists.enumerated() {
                // A list of no product's rows (a change list of the top-level documents alone) stays
                // as it is; the places hold lists of one kind of product rows.
                guard let kindIndex = list.rows.first(where: { $0.owner != nil })?.kind else { continue }
                let kind = places.kinds[kindIndex]
                if let school = list.school { schoolLists.insert(kind + "\u{0}\(school)") }
                let reorder = reordering.contains { reorders($0, kind: kind, order: list.order, school: list.school) && reorderingKinds[$0]?.contains(kind) == true }
                guard movedKinds.contains(kind) || reorder else { continue }
                placedMoves.insert(kind)
                guard let (listRows, dropped) = Self.remade(list, kind: kindIndex, loaded: Set(loadedAt.keys),
                                                            names: { names.indices.contains($0) ? names[$0] : nil },
                                                            oldNames: { places.names.indices.contains($0) ? places.names[$0] : nil },
                                                            schools: schools, rows: { rows($0, kind, now: $1) }) else { return nil }
                change.lists.append((listIndex, listRows, dropped))
                remade.append(list.offset..<(list.offset + list.length))
                // The text the file prints of its first row (the feed's date), when that row changes.
                if let frame = file.frame, !frame.isEmpty {
                    guard file.lists.count == 1, let first = list.rows.first, let newFirst = listRows.first else { return nil }
                    let newDate: String
                    switch newFirst {
                    case .kept(let index): newDate = list.rows[index].date
                    case .made(_, _, _, _, let date): newDate = date
                    }
                    if newDate != first.date { change.frame = (FeedBuilder.updated(date: first.date), FeedBuilder.updated(date: newDate)) }
                } else if file.frame == nil {
                    return nil
                }
            }
            for (slotIndex, slot) in file.slots.enumerated() {
                guard loadedAt[slot.owner] != nil, !remade.contains(where: { $0.contains(slot.offset) }) else { continue }
                let kind = places.kinds[slot.kind]
                // A moved kind's rows stand only in lists made anew; a reordered bijsluiter's row of a
                // kind sorted by names may stay where it is only in a list the places hold whole
                // (which was made anew if its order changed).
                let inList = file.lists.contains { $0.offset <= slot.offset && slot.offset < $0.offset + $0.length }
                guard moved[slot.owner]?.contains(kind) != true,
                      inList || !(reordering.contains(slot.owner) && ListingPlaces.order(ofKind: kind) != nil),
                      let made = rows(slot.owner, kind, now: true), slot.item < made.count,
                      let was = rows(slot.owner, kind, now: false), slot.item < was.count else { return nil }
                let html = made[slot.item].html, old = was[slot.item].html
                if !html.utf8.elementsEqual(old.utf8) { change.rows.append((slotIndex, old, html)) }
            }
            if !change.rows.isEmpty || !change.lists.isEmpty || change.frame != nil { work.append(change) }
        }
        // Every moved kind goes into a list of its kind, or has no rows left; a reordered
        // bijsluiter's row of a school page goes into a list of that school's page.
        for (place, kinds) in moved {
            for kind in kinds where !placedMoves.contains(kind) && !(rows(place, kind, now: true) ?? []).isEmpty { return nil }
        }
        for place in reordering.union(moved.keys) {
            for kind in (reorderingKinds[place] ?? []).union(moved[place] ?? []) where schoolLists.contains(where: { $0.hasPrefix(kind + "\u{0}") }) {
                guard !(rows(place, kind, now: true) ?? []).isEmpty else { continue }
                for school in schools(place) ?? [] where !schoolLists.contains(kind + "\u{0}\(school)") { return nil }
            }
        }
        timer.lap("    splice: planned")
        var planned = places
        planned.names = names
        planned.byName = byName
        return ListingSplice(places: planned, files: files, fragments: fragments, work: work)
    }
}

// MARK: A list made anew in its order

extension ListingSplice {
    /// `list` (of rows of value `kind`) made anew: the rows of the loaded bijsluiters (by their
    /// places in file order) taken out and their rows now put in, each where the list's order
    /// puts it. A list of changes is sorted newest first, and rows of one date in the order of
    /// their documents (the top-level documents', then each product's in file order) and their
    /// places in them (`SortedChangeRows`). Nil when the list is not in that order as it stands
    /// (its places would not be what this says), or would be empty.
    static func remade(_ list: ListingPlaces.SortedList, kind: Int, loaded: Set<Int>,
                       names: (Int) -> ListingPlaces.ProductNames? = { _ in nil }, oldNames: (Int) -> ListingPlaces.ProductNames? = { _ in nil },
                       schools: (Int) -> [Int]? = { _ in nil },
                       rows: (_ place: Int, _ now: Bool) -> [KeptValueCoding.KeptRow]?) -> (rows: [ListRow], dropped: [(row: Int, expected: String)])? {
        /// A row's order: by date, its date (newest first), then its document (a top-level
        /// document's before every product's) and its place there; by names, the board's own rows
        /// first, then the products' names (`ListingPlaces.key`).
        typealias Key = (first: String, second: String, third: String, fourth: String, group: Int, ordinal: Int)
        let byDate = list.order == .date
        func before(_ a: Key, _ b: Key) -> Bool {
            if byDate { return a.first != b.first ? a.first > b.first : (a.group, a.ordinal) < (b.group, b.ordinal) }
            return a < b
        }
        func key(_ row: ListingPlaces.ListedRow, at index: Int, names: (Int) -> ListingPlaces.ProductNames?) -> Key? {
            if byDate { return row.owner.map { (row.date, "", "", "", $0, row.item) } ?? (row.date, "", "", "", -1, index) }
            return ListingPlaces.key(row, at: index, order: list.order, names: names).map { ($0.0, $0.1, $0.2, $0.3, $0.4, $0.5) }
        }
        var keys: [Key] = []
        for (index, row) in list.rows.enumerated() {
            guard let key = key(row, at: index, names: oldNames) else { return nil }
            keys.append(key)
        }
        guard zip(keys, keys.dropFirst()).allSatisfy({ before($0, $1) }) else { return nil }
        var entries: [(key: Key, row: ListRow)] = []
        var dropped: [(row: Int, expected: String)] = []
        for (index, row) in list.rows.enumerated() {
            guard let owner = row.owner, loaded.contains(owner) else {
                entries.append((keys[index], .kept(index)))
                continue
            }
            // A loaded bijsluiter's old row: it must stand there as the snapshot kept it.
            guard row.kind == kind, let was = rows(owner, false), row.item < was.count else { return nil }
            dropped.append((index, was[row.item].html))
        }
        for owner in loaded.sorted() {
            guard let made = rows(owner, true) else { continue }
            // A school page lists the products its school uses.
            if let school = list.school, !(schools(owner) ?? []).contains(school) { continue }
            for (item, row) in made.enumerated() {
                let date = row.date ?? ""
                guard byDate == (row.date != nil) else { return nil }
                let listed = ListingPlaces.ListedRow(length: 0, owner: owner, kind: kind, item: item, date: date)
                guard let key = key(listed, at: 0, names: names) else { return nil }
                entries.append((key, .made(html: row.html, owner: owner, kind: kind, item: item, date: date)))
            }
        }
        guard !entries.isEmpty else { return nil }
        return (entries.sorted { before($0.key, $1.key) }.map(\.row), dropped)
    }
}

// MARK: Putting the rows in place in the published files

extension SiteBuilder {
    /// The listing pages of a patch build as the published ones with the rows of the bijsluiters it
    /// loaded put in place (`ListingSplice`); nil when the published pages are not the ones the
    /// splice was planned for (they are then made from the snapshot).
    func splicedListing(_ splice: ListingSplice, items: [(file: String, item: SnapshotItem)], snapshot: ListingSnapshot,
                        inputs: StableDigest, listedDigests: [(file: String, digest: StableDigest)]) throws -> ListingPages? {
        let places = splice.places
        guard let record, splice.files.elementsEqual(items.lazy.map(\.file)),
              let published = record.recordedListing(inputs: places.inputs) else { return nil }
        // The files are put together on other threads, beside the item pages, which need only the
        // menus. A file that no longer holds the rows where they were said to stand abandons the
        // patch build (when it is waited for, before anything is written).
        guard let kept = snapshotMaking(items: items, snapshot: snapshot, listedDigests: listedDigests, fragments: { index, _ in splice.fragments[index] }) else {
            return nil
        }
        snapshotSlot?.making = kept
        let shared = UncheckedSendable((published: published, work: splice.work, record: record))
        let making = Background { () throws -> (files: ListingPages.Files, places: ListingPlaces) in
            let (published, work, record) = shared.value
            let done = try Parallel.map(work, minimumBatch: 1) { change -> (data: Data, file: ListingPlaces.File, changed: Bool)? in
                let file = places.files[change.file]
                guard let old = published.file(at: file.path).flatMap(record.publishedBytes(of:)), old.count == file.length,
                      let (data, placed) = Self.apply(change, to: old, file: file) else { return nil }
                return (data, placed, data != old)
            }
            var spliced: [String: OutputFile] = [:]
            var newPlaces = places
            newPlaces.inputs = inputs
            for (change, result) in zip(work, done) {
                let path = places.files[change.file].path
                guard let (data, file, changed) = result else { throw PatchBuild.Declined("\(path) houdt de rijen niet waar ze stonden") }
                // A list made anew in the same order gives the same file: it is taken as it is.
                if changed { spliced[path] = OutputFile(path: path, data: data) }
                newPlaces.files[change.file] = file
            }
            // The files, the spliced ones made anew and the others taken as they are.
            let files = try published.files()
            func taking(_ group: [OutputFile]) -> [OutputFile] { group.map { spliced[$0.path] ?? $0 } }
            record.countTaken((files.sections + files.schools + files.rest).filter { spliced[$0.path] == nil })
            return (ListingPages.Files(sections: taking(files.sections), schools: taking(files.schools), rest: taking(files.rest), cacheKeys: []),
                    newPlaces)
        }
        snapshotSlot?.notePlaces { try making.value().places }
        snapshotSlot?.spliced = true
        return ListingPages(nav: published.nav, footer: published.footer) { try making.value().files }
    }

    /// `old` (the file `file` describes) with `change` made: rows put in place of their slots'
    /// (each checked to stand there first), lists sorted by date made anew (each loaded
    /// bijsluiter's old row checked first), the frame's text put in place; and where everything
    /// stands then. Nil when something does not stand where `file` says.
    static func apply(_ change: ListingSplice.FileWork, to old: Data, file: ListingPlaces.File) -> (data: Data, file: ListingPlaces.File)? {
        struct Edit {
            let range: Range<Int>
            let bytes: [UInt8]
        }
        var edits: [Edit] = []
        func holds(_ range: Range<Int>, _ text: String) -> Bool {
            range.upperBound <= old.count && old[(old.startIndex + range.lowerBound)..<(old.startIndex + range.upperBound)].elementsEqual(text.utf8)
        }
        for (slotIndex, expected, html) in change.rows {
            let slot = file.slots[slotIndex], range = slot.offset..<(slot.offset + slot.length)
            guard holds(range, expected) else { return nil }
            edits.append(Edit(range: range, bytes: Array(html.utf8)))
        }
        var remade: [Int: ListingPlaces.SortedList] = [:]
        for (listIndex, rows, dropped) in change.lists {
            let list = file.lists[listIndex]
            var starts: [Int] = [], at = list.offset
            for row in list.rows {
                starts.append(at)
                at += row.length + 1
            }
            guard list.offset + list.length <= old.count else { return nil }
            for (row, expected) in dropped where !holds(starts[row]..<(starts[row] + list.rows[row].length), expected) { return nil }
            var bytes: [UInt8] = [], newRows: [ListingPlaces.ListedRow] = []
            for (position, row) in rows.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: "\n")) }
                switch row {
                case .kept(let index):
                    let start = old.startIndex + starts[index]
                    bytes.append(contentsOf: old[start..<(start + list.rows[index].length)])
                    newRows.append(list.rows[index])
                case .made(let html, let owner, let kind, let item, let date):
                    let made = Array(html.utf8)
                    bytes.append(contentsOf: made)
                    newRows.append(ListingPlaces.ListedRow(length: made.count, owner: owner, kind: kind, item: item, date: date))
                }
            }
            edits.append(Edit(range: list.offset..<(list.offset + list.length), bytes: bytes))
            var made = list
            made.rows = newRows
            remade[listIndex] = made
        }
        if let (expected, text) = change.frame {
            guard let frame = file.frame else { return nil }
            for range in frame {
                guard holds(range, expected) else { return nil }
                edits.append(Edit(range: range, bytes: Array(text.utf8)))
            }
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (first, second) in zip(edits, edits.dropFirst()) where first.range.upperBound > second.range.lowerBound { return nil }
        guard !edits.isEmpty, edits.last!.range.upperBound <= old.count else { return nil }
        var data = Data(capacity: old.count + edits.reduce(0) { $0 + $1.bytes.count - $1.range.count })
        var from = 0
        for edit in edits {
            data.append(old[(old.startIndex + from)..<(old.startIndex + edit.range.lowerBound)])
            data.append(contentsOf: edit.bytes)
            from = edit.range.upperBound
        }
        data.append(old[(old.startIndex + from)...])
        /// Where an offset of the old file (not inside an edit) stands in the new one.
        func moved(_ offset: Int) -> Int {
            offset + edits.reduce(0) { $0 + ($1.range.upperBound <= offset ? $1.bytes.count - $1.range.count : 0) }
        }
        // The rows of the lists sorted by date that were put in place of their slots' keep their new length.
        var lists = file.lists
        for (slotIndex, _, html) in change.rows {
            let offset = file.slots[slotIndex].offset
            for listIndex in lists.indices where remade[listIndex] == nil {
                var at = file.lists[listIndex].offset
                for rowIndex in file.lists[listIndex].rows.indices {
                    if at == offset { lists[listIndex].rows[rowIndex].length = html.utf8.count }
                    at += file.lists[listIndex].rows[rowIndex].length + 1
                }
            }
        }
        var placed = file
        placed.length = data.count
        let remadeRanges = remade.keys.map { file.lists[$0].offset..<(file.lists[$0].offset + file.lists[$0].length) }
        let replaced = Dictionary(change.rows.map { ($0.slot, $0.html.utf8.count) }, uniquingKeysWith: { first, _ in first })
        var slots: [ListingPlaces.Slot] = []
        for (index, slot) in file.slots.enumerated() where !remadeRanges.contains(where: { $0.contains(slot.offset) }) {
            var kept = slot
            kept.offset = moved(slot.offset)
            if let length = replaced[index] { kept.length = length }
            slots.append(kept)
        }
        for (listIndex, list) in remade {
            var at = moved(file.lists[listIndex].offset)
            for row in list.rows {
                if let owner = row.owner { slots.append(ListingPlaces.Slot(offset: at, length: row.length, owner: owner, kind: row.kind, item: row.item)) }
                at += row.length + 1
            }
        }
        placed.slots = slots.sorted { $0.offset < $1.offset }
        placed.lists = lists.enumerated().map { index, list in
            var now = remade[index] ?? list
            now.offset = moved(list.offset)
            return now
        }
        placed.frame = file.frame.map { ranges in
            ranges.map { range in
                let start = moved(range.lowerBound)
                return start..<(start + (change.frame.map { $0.new.utf8.count } ?? range.count))
            }
        }
        return (data, placed)
    }
}

extension ListingPages {
    /// The file at `path` among the rendered pages, when they are made already.
    func file(at path: String) -> OutputFile? {
        guard let files = try? files() else { return nil }
        return (files.sections + files.schools + files.rest).first { $0.path == path }
    }
}
