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
/// bijsluiters' rows change.
///
/// Their new rows are made as the listing pages of a site of the loaded bijsluiters alone make
/// them: what a product keeps is a function of its bijsluiter and the global inputs.
struct ListingSplice {
    let places: ListingPlaces
    /// Every product's file, in file order.
    let files: [String]
    /// What each loaded bijsluiter keeps for the lists now, in the content's order.
    let fragments: [FileFragments]
    /// For each file (by its place in `places.files`) that shows a row that changed: each such
    /// row's slot, its HTML before and its HTML now.
    let work: [(file: Int, rows: [(slot: Int, old: String, html: String)])]

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

        for (index, b) in content.bijsluiters.enumerated() {
            guard let product = snapshot.products[b.file], let was = before[b.file], product.slug == b.slug,
                  Set(was.keys) == Set(now[index].keys) else { return nil }
            for (kind, value) in now[index] where kind != NameKind.title.key {
                guard let old = was[kind], KeptValueCoding.sameForLists(old, value) else { return nil }
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
            guard rank == 0 || sorted(places.byName[rank - 1], place), rank + 1 == files.count || sorted(place, places.byName[rank + 1]) else {
                return nil
            }
        }

        // The rows that changed (each compared with its HTML in the snapshot: a file none of whose
        // rows changed is not read).
        var work: [(file: Int, rows: [(slot: Int, old: String, html: String)])] = []
        for (fileIndex, file) in places.files.enumerated() {
            var rows: [(slot: Int, old: String, html: String)] = []
            for (slotIndex, slot) in file.slots.enumerated() {
                guard let index = loadedAt[slot.owner] else { continue }
                let kind = places.kinds[slot.kind], product = files[slot.owner]
                guard let value = now[index][kind], let made = KeptValueCoding.rows(in: value), slot.item < made.count,
                      let was = before[product]?[kind].flatMap(KeptValueCoding.rows(in:)), slot.item < was.count else { return nil }
                let html = made[slot.item].html, old = was[slot.item].html
                if !html.utf8.elementsEqual(old.utf8) { rows.append((slotIndex, old, html)) }
            }
            if !rows.isEmpty { work.append((fileIndex, rows)) }
        }
        timer.lap("    splice: planned")
        return ListingSplice(places: places, files: files, fragments: fragments, work: work)
    }
}

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
        let digests = Dictionary(listedDigests.map { ($0.file, $0.digest) }, uniquingKeysWith: { first, _ in first })
        snapshotSlot?.making = ListingSnapshot.Making(
            identity: snapshot.identity, global: snapshot.global,
            entries: items.map { item in
                switch item.item {
                case .loaded(let index): .made(content.bijsluiters[index], listed: digests[item.file]!, fragments: splice.fragments[index])
                case .taken(let product): .taken(product)
                }
            },
            source: snapshot)
        let shared = UncheckedSendable((published: published, work: splice.work, record: record))
        let making = Background { () throws -> (files: ListingPages.Files, places: ListingPlaces) in
            let (published, work, record) = shared.value
            let done = try Parallel.map(work, minimumBatch: 1) { fileIndex, rows -> (data: Data, slots: [ListingPlaces.Slot])? in
                let file = places.files[fileIndex]
                guard let old = published.file(at: file.path).flatMap(record.publishedBytes(of:)), old.count == file.length else { return nil }
                return Self.splice(old, slots: file.slots, rows: rows)
            }
            var spliced: [String: OutputFile] = [:]
            var newPlaces = places
            newPlaces.inputs = inputs
            for ((fileIndex, _), result) in zip(work, done) {
                let path = places.files[fileIndex].path
                guard let (data, slots) = result else { throw PatchBuild.Declined("\(path) houdt de rijen niet waar ze stonden") }
                spliced[path] = OutputFile(path: path, data: data)
                newPlaces.files[fileIndex].slots = slots
                newPlaces.files[fileIndex].length = data.count
            }
            // The files, the spliced ones made anew and the others taken as they are.
            let files = try published.files()
            func taking(_ group: [OutputFile]) -> [OutputFile] { group.map { spliced[$0.path] ?? $0 } }
            record.countTaken((files.sections + files.schools + files.rest).filter { spliced[$0.path] == nil })
            return (ListingPages.Files(sections: taking(files.sections), schools: taking(files.schools), rest: taking(files.rest), cacheKeys: []),
                    newPlaces)
        }
        snapshotSlot?.places = Background { try? making.value().places }
        snapshotSlot?.spliced = true
        return ListingPages(nav: published.nav, footer: published.footer) { try making.value().files }
    }

    /// `old` with each of `rows` (for the slot at its index: the row's HTML before, which must be
    /// what stands there, and its new HTML) in place of its slot's bytes, and the slots where they
    /// stand then; nil when a slot does not hold the row it was said to.
    static func splice(_ old: Data, slots: [ListingPlaces.Slot], rows: [(slot: Int, old: String, html: String)]) -> (data: Data, slots: [ListingPlaces.Slot])? {
        var data = Data(capacity: old.count + rows.reduce(0) { $0 + $1.html.utf8.count })
        var slots = slots
        var from = old.startIndex, shift = 0, next = 0
        for index in slots.indices {
            let start = old.startIndex + slots[index].offset, length = slots[index].length
            slots[index].offset += shift
            guard next < rows.count, rows[next].slot == index else { continue }
            guard start + length <= old.endIndex, old[start..<(start + length)].elementsEqual(rows[next].old.utf8) else { return nil }
            data.append(old[from..<start])
            let bytes = Array(rows[next].html.utf8)
            data.append(contentsOf: bytes)
            from = start + length
            slots[index].length = bytes.count
            shift += bytes.count - length
            next += 1
        }
        guard next == rows.count else { return nil }
        data.append(old[from...])
        return (data, slots)
    }
}

extension ListingPages {
    /// The file at `path` among the rendered pages, when they are made already.
    func file(at path: String) -> OutputFile? {
        guard let files = try? files() else { return nil }
        return (files.sections + files.schools + files.rest).first { $0.path == path }
    }
}
