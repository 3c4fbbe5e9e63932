import Foundation

/// The pages that show many files: the home and section pages (the product list, the
/// privacyverklaring with every recipient, the change list), the school pages, 404, the feed and
/// the sitemap. They are made from the content *without the bodies* of bijsluiters and extra
/// pages (`Content.forListing`), so under `serve` an edit to a body alone cannot change them:
/// when every global input and every body-less bijsluiter and page is what it was in the last
/// build, these pages are taken from it as they are, without making a view.
struct ListingPages {
    /// The main and footer menus, which every page shows.
    let nav: [(path: String, title: String)]
    let footer: [(path: String, title: String)]
    /// The rendered pages: made already, or still being made on other threads while the item
    /// pages are made (`makeListingPages`), and waited for when first asked for.
    private let made: Made
    /// Whether these pages came from the last build as they were.
    var reused = false

    /// The rendered listing pages.
    struct Files {
        /// Home and section pages.
        var sections: [OutputFile]
        /// School pages.
        var schools: [OutputFile]
        /// 404.html, feed.xml and sitemap.xml.
        var rest: [OutputFile]
        /// The session's keys of these rendered pages, kept for the next build.
        var cacheKeys: Set<String>
    }

    /// Files made already, or being made.
    private final class Made: @unchecked Sendable {
        let ready: Files?
        let making: Background<Files>?

        init(ready: Files?, making: Background<Files>?) {
            self.ready = ready
            self.making = making
        }

        func value() throws -> Files {
            if let ready { return ready }
            return try making!.value()
        }
    }

    init(nav: [(path: String, title: String)], footer: [(path: String, title: String)], files: Files, reused: Bool = false) {
        self.nav = nav
        self.footer = footer
        made = Made(ready: files, making: nil)
        self.reused = reused
    }

    /// Listing pages whose files `make` makes on another thread, starting now.
    init(nav: [(path: String, title: String)], footer: [(path: String, title: String)], making make: @escaping @Sendable () throws -> Files) {
        self.nav = nav
        self.footer = footer
        made = Made(ready: nil, making: Background(make))
    }

    /// The rendered pages, once they are made; an error of their making is thrown here.
    func files() throws -> Files {
        try made.value()
    }
}

extension Content {
    /// The content as the listing pages see it: every top-level document whole; bijsluiters and
    /// extra pages without their bodies; none of the sources, trees or texts the rules read.
    /// Built field by field on purpose: a field added to `Content` later reaches the listing
    /// pages only when it is added here, so it cannot silently escape the listing key.
    var forListing: Content {
        var listed = Content(today: today)
        listed.root = root
        listed.organisatie = organisatie
        listed.privacyverklaring = privacyverklaring
        listed.privacystatement = privacystatement
        listed.reglement = reglement
        listed.bewaartermijnen = bewaartermijnen
        listed.fototoestemming = fototoestemming
        listed.toegankelijkheid = toegankelijkheid
        listed.bestanden = bestanden
        listed.bijsluiters = bijsluiters.map(self.listed)
        listed.paginas = paginas.map(\.withoutBody)
        return listed
    }

    /// The content as the pages of the board's own documents that list no bijsluiter see it
    /// (the reglement, the photo page, contact, …), made from `forListing`'s content: without
    /// bijsluiters and extra pages, so what they show is a function of the global inputs alone.
    var forBoardPages: Content {
        var board = self
        board.bijsluiters = []
        board.paginas = []
        return board
    }
}

extension SiteBuilder {
    /// The listing pages, from the last build when nothing they read changed (see `ListingPages`).
    /// Their key is everything they read: the global inputs (`beginRender`), a fingerprint of
    /// each bijsluiter as listed (`Bijsluiter.listed`) and of each page without its body
    /// (`Content.bodylessFingerprints`).
    /// - Parameter globalKey: the global inputs (`SiteBuilder.globalKey`), for the build record.
    func listingPages(_ organisatie: Organisatie, globalKey: String) throws -> ListingPages {
        /// From the build record when it holds them for these inputs, else made (and noted).
        func recordedOrMade() throws -> ListingPages {
            guard let record else { return try makeListingPages(content.forListing, organisatie: organisatie) }
            let listedDigests = self.listedDigests()
            let inputs = listingRecordKey(globalKey: globalKey, listedDigests: listedDigests)
            if let published = record.publishedListing(inputs: inputs) { return published }
            snapshotSlot?.madeListing = true
            let listing: ListingPages
            if !kept.isEmpty {
                // Without the bijsluiters a patch build did not load, they are made from the snapshot.
                listing = try snapshotListing(organisatie, globalKey: globalKey, listedDigests: listedDigests, inputs: inputs)
            } else {
                // A one-off build renders them beside the item pages (`makeListingPages`), and
                // keeps what its lists made of each bijsluiter for its snapshot.
                let listed = content.forListing
                let fragments = snapshotSlot.map { _ in listed.bijsluiters.map { _ in FileFragments() } }
                let notes = fragments.map { _ in PlacementNotes() }
                listing = try makeListingPages(listed, organisatie: organisatie, besideItems: session == nil, productFragments: fragments, notes: notes)
                if let notes, let fragments {
                    notePlaces(listing, notes: notes, inputs: inputs, files: content.bijsluiters.map(\.file), fragments: fragments)
                }
                if let snapshotSlot, let fragments, let identity = ListingSnapshot.identity(contentRoot: content.root) {
                    let making = ListingSnapshot.Making(
                        identity: identity, global: ListingSnapshot.globalDigest(globalKey),
                        entries: content.bijsluiters.indices.map { .made(content.bijsluiters[$0], listed: listedDigests[$0].digest, fragments: fragments[$0]) },
                        source: nil)
                    // Its records are made as soon as the lists are rendered.
                    let made = UncheckedSendable(listing)
                    making.prepare { _ = try made.value.files() }
                    snapshotSlot.making = making
                }
            }
            record.noteListing(listing, inputs: inputs)
            return listing
        }
        guard let session else { return try recordedOrMade() }
        let key = ViewFingerprint([], named: content.bijsluiters.map { ($0.file, content.listedFingerprint(of: $0)) }
                                      + content.paginas.map { ($0.file, content.bodylessFingerprint(of: $0)) })
        if var kept = session.listing(for: key) {
            kept.reused = true
            return kept
        }
        let listing = try recordedOrMade()
        session.keepListing(listing, for: key)
        return listing
    }

    /// The listing pages' key in the build record, the same in every run: the global inputs and
    /// the name and a digest of the front matter (as written) of every bijsluiter and page.
    /// That is more than `Content.forListing` keeps of them, never less: their bodies are all it
    /// leaves out. A file whose text does not end in its body counts whole.
    func listingRecordKey(globalKey: String, listedDigests: [(file: String, digest: StableDigest)]? = nil) -> StableDigest {
        var files = listedDigests ?? self.listedDigests()
        if !kept.isEmpty {
            // In file order, as a full load has them.
            files = (files + kept.map { ($0.file, $0.listed) }).sorted { $0.file < $1.file }
        }
        files += content.paginas.map { p in (p.file, Self.listedDigest(content.sources[p.file] ?? "", body: p.body.text)) }
        // Part by part, as `StableDigest([globalKey, file, digest, …])` takes them, without
        // the texts of 20 000 parts.
        var key = StableDigest()
        key.update(part: globalKey)
        for (file, digest) in files {
            key.update(part: file)
            key.update(partOf: digest)
        }
        return key
    }

    /// What the listing pages' key holds of each bijsluiter of the content, in its order.
    func listedDigests() -> [(file: String, digest: StableDigest)] {
        content.bijsluiters.map { b in (b.file, listedKeys[b.file] ?? Self.listedDigest(content.sources[b.file] ?? "", body: b.body.text)) }
    }

    /// The listing pages of a patch build (`PatchBuild`), from the bijsluiters it loaded and, for
    /// the others, what the listing snapshot of the build before kept of them (`ListingSnapshot`):
    /// each stands in the lists by its kept values, sealed, so a value not kept abandons the build.
    /// - Parameter inputs: the listing pages' key in the build record (`listingRecordKey`).
    private func snapshotListing(_ organisatie: Organisatie, globalKey: String, listedDigests: [(file: String, digest: StableDigest)],
                                 inputs: StableDigest) throws -> ListingPages {
        guard let snapshot = listingSnapshot else {
            throw PatchBuild.Declined("de overzichtspagina's staan niet zoals vastgelegd in de gepubliceerde site")
        }
        guard snapshot.global == ListingSnapshot.globalDigest(globalKey) else {
            throw PatchBuild.Declined("de lijsten van de vorige build horen bij andere algemene invoer")
        }
        // In file order, as a full load has them: the loaded bijsluiters and the kept ones, each
        // in file order, merged (a product is large to move about while sorting).
        var items: [(file: String, item: SnapshotItem)] = []
        items.reserveCapacity(content.bijsluiters.count + kept.count)
        var nextLoaded = content.bijsluiters.startIndex
        func takeLoaded(before file: String?) {
            while nextLoaded < content.bijsluiters.endIndex, file.map({ content.bijsluiters[nextLoaded].file < $0 }) ?? true {
                items.append((content.bijsluiters[nextLoaded].file, .loaded(nextLoaded)))
                nextLoaded += 1
            }
        }
        for bijsluiter in kept {
            guard let product = snapshot.products[bijsluiter.file], product.listed == bijsluiter.listed,
                  BijsluiterPages.path(ofSlug: product.slug) == bijsluiter.page else {
                throw PatchBuild.Declined("de lijsten van de vorige build kennen \(bijsluiter.file) niet zoals het nu is")
            }
            takeLoaded(before: bijsluiter.file)
            items.append((bijsluiter.file, .taken(product)))
        }
        takeLoaded(before: nil)
        if zip(items, items.dropFirst()).contains(where: { !($0.file < $1.file) }) { items.sort { $0.file < $1.file } }
        var timer = PhaseTimer()
        if let splice = listingSplice, let spliced = try splicedListing(splice, items: items, snapshot: snapshot, inputs: inputs,
                                                                         listedDigests: listedDigests) {
            timer.lap("   listing pages spliced")
            return spliced
        }
        // The taken products' values, read on all cores since the patch build found it needs them
        // (or from now on, when it meant to put its rows in place of the old ones).
        let templates = self.templates
        let decoding = snapshotValues ?? ListingSnapshot.Decoding({ snapshot }, templates: { templates })
        guard let values = decoding.values() else { throw PatchBuild.Declined("de lijsten van de vorige build zijn niet te lezen") }
        let misses = decoding.misses
        let fragments = try items.map { item -> FileFragments in
            switch item.item {
            case .loaded: return FileFragments()
            case .taken(let product):
                guard let kept = values[product.file] else { throw PatchBuild.Declined("de lijsten van de vorige build zijn niet te lezen") }
                return FileFragments(sealed: kept, misses: misses)
            }
        }
        timer.lap("   snapshot: values read")
        let loadedListed = content.forListing
        var listed = loadedListed
        listed.bijsluiters = items.map { item in
            switch item.item {
            case .loaded(let index): loadedListed.bijsluiters[index]
            case .taken(let product): ListingSnapshot.standIn(for: product)
            }
        }
        let notes = PlacementNotes()
        // With the theme's stencils, which a patch build that meant to put rows in place left off.
        var stencils = templates
        stencils.usesStencils = true
        let maker = SiteBuilder(content: content, templates: stencils, session: session, record: record, snapshotSlot: snapshotSlot)
        let listing = try maker.makeListingPages(listed, organisatie: organisatie, besideItems: session == nil, productFragments: fragments, notes: notes) {
            if let kind = misses.firstMissed {
                throw PatchBuild.Declined("de lijsten van de vorige build bewaren geen '\(kind.replacingOccurrences(of: "\u{0}", with: " "))'")
            }
        }
        notePlaces(listing, notes: notes, inputs: inputs, files: items.map(\.file), fragments: fragments)
        snapshotSlot?.making = snapshotMaking(items: items, snapshot: snapshot, listedDigests: listedDigests) { _, index in fragments[index] }
        return listing
    }

    /// The listing snapshot a patch build keeps (`ListingSnapshot.Making`): the bijsluiters it
    /// loaded made anew, with what the listing pages' key holds of them and the values their
    /// lists kept (`fragments`, by their index in the content and their place in `items`), the
    /// others taken as they were. Nil when the key holds nothing of a loaded one (then none is kept).
    func snapshotMaking(items: [(file: String, item: SnapshotItem)], snapshot: ListingSnapshot,
                        listedDigests: [(file: String, digest: StableDigest)],
                        fragments: (_ content: Int, _ item: Int) -> FileFragments) -> ListingSnapshot.Making? {
        let digests = Dictionary(listedDigests.map { ($0.file, $0.digest) }, uniquingKeysWith: { first, _ in first })
        var entries: [ListingSnapshot.Making.Entry] = []
        for (place, item) in items.enumerated() {
            switch item.item {
            case .loaded(let index):
                guard let listed = digests[item.file] else { return nil }
                entries.append(.made(content.bijsluiters[index], listed: listed, fragments: fragments(index, place)))
            case .taken(let product):
                entries.append(.taken(product))
            }
        }
        return ListingSnapshot.Making(identity: snapshot.identity, global: snapshot.global, entries: entries, source: snapshot)
    }

    /// Works out where the rows stand in `listing`'s files (`ListingPlaces`) on another thread once
    /// they are made, for the snapshot's slot to save.
    /// - Parameters: files, fragments: each product's file and kept values, in file order.
    func notePlaces(_ listing: ListingPages, notes: PlacementNotes, inputs: StableDigest, files: [String], fragments: [FileFragments]) {
        guard let snapshotSlot, let identity = ListingPlaces.identity(contentRoot: content.root) else { return }
        let made = UncheckedSendable((listing: listing, files: files, fragments: fragments))
        snapshotSlot.notePlaces {
            let (listing, files, fragments) = made.value
            let made = try listing.files()
            var lengths: [String: Int] = [:]
            for file in made.sections + made.schools + made.rest { lengths[file.path] = file.data.count }
            return ListingPlaces.make(identity: identity, inputs: inputs, files: files, fragments: fragments, byName: notes.byName,
                                      noted: notes, lengths: lengths)
        }
    }

    /// A bijsluiter's entry in the sitemap.
    static func sitemapURL(_ site: SiteContext, _ b: Bijsluiter) -> SitemapView.URLEntry {
        SitemapView.URLEntry(loc: site.absolute(BijsluiterPages.path(of: b)), lastmod: BijsluiterPages.lastModified(of: b)?.iso)
    }

    /// A product's row of the sitemap, kept with it like its rows in the lists; `entry` makes it.
    static func sitemapEntry(_ site: SiteContext, _ product: ListedProduct, _ entry: () -> SitemapView.URLEntry) -> ViewFragment<SitemapView.URLEntry> {
        site.fragment(FragmentKind("sitemap", root: "", template: "sitemap-url"), of: product, entry)
    }

    /// What each bijsluiter of `listed` keeps for the listing pages (`productFragments`, one for
    /// each), asked for as `makeListingPages` asks, without making the pages: the views of the
    /// pages that list bijsluiters, the feed's entries and the sitemap's.
    func makeListingRows(_ listed: Content, organisatie: Organisatie, productFragments: [FileFragments]) {
        let site = SiteContext(content: listed, organisatie: organisatie, templates: templates, session: session, productFragments: productFragments)
        site.markdown.reservedIDs = templates.fixedIDs
        for builder in Self.sectionBuilders(listed) where builder.listsBijsluiters { _ = builder.make(site) }
        for index in listed.scholen.indices where site.hasSchoolPages { _ = BijsluiterPages.school(site, at: index) }
        _ = FeedBuilder.entries(site)
        for product in site.products { _ = Self.sitemapEntry(site, product) { Self.sitemapURL(site, site.bijsluiter(product)) } }
    }

    /// A bijsluiter in the lists of a patch build: one it loaded (by its place in the content), or
    /// one it took from the listing snapshot.
    enum SnapshotItem { case loaded(Int), taken(ListingSnapshot.Product) }

    /// A digest of `source` without `body` at its end, or of all of `source` when it does not end
    /// in `body` (`listedLength`): what the listing pages' key holds of one file.
    static func listedDigest(_ source: String, body: String) -> StableDigest {
        let length = listedLength(source, body: body)
        var source = source, digest = StableDigest()
        source.withUTF8 { digest.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[..<length]))) }
        return digest
    }

    /// `source` without `body` at its end, or all of `source` when it does not end in `body`.
    static func listedText(_ source: String, body: String) -> String {
        String(decoding: source.utf8.prefix(listedLength(source, body: body)), as: UTF8.self)
    }

    /// The length in UTF-8 bytes of `source` without `body` at its end (all of it when it does not
    /// end in `body`). Compared byte for byte: `String.hasSuffix` compares characters, which took
    /// seconds over the bodies of 10 000 pages.
    private static func listedLength(_ source: String, body: String) -> Int {
        var source = source, body = body
        return source.withUTF8 { whole in
            body.withUTF8 { end -> Int in
                guard end.count > 0, end.count <= whole.count, let start = whole.baseAddress, let tail = end.baseAddress,
                      memcmp(start + (whole.count - end.count), tail, end.count) == 0 else { return whole.count }
                return whole.count - end.count
            }
        }
    }

    /// Makes the listing pages from `listed` (`Content.forListing`).
    /// - Parameter besideItems: whether the pages are rendered on other threads while the caller
    ///   goes on to the item pages, which need only the menus: with 10 000 extra pages the home
    ///   page (10 000 links) is one piece of work, and one core waited for it at the end of the
    ///   listing pages. Their files are then waited for when first asked for.
    /// - Parameter productFragments: what each bijsluiter keeps for the lists, in place of the
    ///   session's (`SiteContext`); verify: run once the pages are made, before they are handed on.
    /// - Parameter notes: where the rows stand in the files that list bijsluiters is noted there,
    ///   with the products' order by name (`ListingPlaces`).
    func makeListingPages(_ listed: Content, organisatie: Organisatie, besideItems: Bool = false, productFragments: [FileFragments?]? = nil,
                          notes: PlacementNotes? = nil, verify: (@Sendable () throws -> Void)? = nil) throws -> ListingPages {
        var timer = PhaseTimer()
        let site = SiteContext(content: listed, organisatie: organisatie, templates: templates, session: session, productFragments: productFragments)
        site.markdown.reservedIDs = templates.fixedIDs
        notes?.byName = site.productsByName.map(\.index)
        timer.lap("   site (products sorted)")
        // The section and school views are independent and some are large: made on all cores.
        let schoolCount = site.hasSchoolPages ? listed.scholen.count : 0
        let viewSite = UncheckedSendable(site)
        let schoolBuilders = listed.scholen.indices.prefix(schoolCount).map { index in SectionBuilder(listsBijsluiters: true) { BijsluiterPages.school($0, at: index) } }
        let builders = Self.sectionBuilders(listed) + schoolBuilders
        // The pages that list no bijsluiter are made from a site without any: under `serve` they
        // are made once for the global inputs (`BuildSession.boardPages`).
        let boardSite = SiteContext(content: listed.forBoardPages, organisatie: organisatie, templates: templates, session: session, sortingProducts: false)
        boardSite.markdown.reservedIDs = templates.fixedIDs
        let sharedBoardSite = UncheckedSendable(boardSite)
        let boardIndices = builders.indices.filter { !builders[$0].listsBijsluiters }
        let keptBoardPages = session?.boardPages(count: boardIndices.count)
        let toMake = UncheckedSendable(builders.indices.filter { builders[$0].listsBijsluiters || keptBoardPages == nil }.map { builders[$0] })
        let made = try Parallel.map(Array(toMake.value.indices), minimumBatch: 1) { index in
            let builder = toMake.value[index]
            return builder.make(builder.listsBijsluiters ? viewSite.value : sharedBoardSite.value)
        }
        var madeRows = made.makeIterator(), keptRows = (keptBoardPages ?? []).makeIterator()
        let built = builders.map { builder in (builder.listsBijsluiters || keptBoardPages == nil ? madeRows.next() : keptRows.next())! }
        if keptBoardPages == nil { session?.keepBoardPages(boardIndices.map { built[$0] }) }
        timer.lap("   section and school views")
        let sections = Array(built.dropLast(schoolCount))
        let schools = Array(built.suffix(schoolCount))
        for (index, school) in schools.enumerated() { notes?.schools[school.path + "index.html"] = index }
        let extraPages = Self.sortedExtraPages(listed.paginas)
        // The home page links the sections and extra pages; products and schools have their own lists.
        let home = HomePage.make(site, pages: sections.map { ($0.path, $0.title) } + extraPages.map { (Self.path(of: $0), Self.title(of: $0)) })
        let nav = Self.navigation(pages: [home] + sections)
        let footer = Self.footerLinks(listed, extraPages: extraPages)
        // Every page of the site, in publication order.
        var sitemap = ([home] + sections).map { SitemapView.URLEntry(loc: site.absolute($0.path), lastmod: $0.lastModified?.iso) }
        sitemap += extraPages.map { SitemapView.URLEntry(loc: site.absolute(Self.path(of: $0)), lastmod: nil) }
        let bijsluiterEntries = sitemap.count..<(sitemap.count + listed.bijsluiters.count)
        sitemap += listed.bijsluiters.map { Self.sitemapURL(site, $0) }
        sitemap += schools.map { SitemapView.URLEntry(loc: site.absolute($0.path), lastmod: $0.lastModified?.iso) }

        let notFound = Page(path: "", title: "Pagina niet gevonden", template: "404", view: PaginaView(body: HTMLText("")),
                            description: "Deze pagina bestaat niet", lastModified: nil, sources: [])
        let laidOutPages = [home] + sections + schools
        // The pages whose lists may hold a product's rows: where those stand is noted.
        let listsBijsluiters = [false] + builders.map(\.listsBijsluiters)
        // Each page laid out, and 404.html, the feed and the sitemap made, as pieces of work on all
        // cores: these are few and some are large (a table of every product, the feed). Each with
        // its weight, for the order below (the feed is the largest piece).
        typealias Job = (weight: Int, make: () throws -> (file: OutputFile, key: String?))
        let rest: [Job] = [
            // 404.html is served at any depth, so it links from the site's root path ("/" or "/privacy/").
            (0, { try self.laidOut(notFound, file: "404.html", site: viewSite.value, nav: nav, footer: footer, absolute: true) }),
            (Int.max, {
                // The feed is a function of the site's names and its entries in order: keyed by their
                // kept fingerprints, it is only rendered (5 000 entries for 2 000 products) when one changed.
                let site = viewSite.value
                let entries = FeedBuilder.entries(site)
                return try self.renderedFile("feed.xml", template: "feed.xml",
                                             key: { ViewFingerprint([site.siteTitle, site.siteURL, site.organisatie.naam.nonBlank ?? ""],
                                                                    named: entries.map { ("", $0.fingerprint) }) },
                                             view: { FeedBuilder.view(site, entries: entries) }, notes: notes,
                                             // The feed's date is its first entry's (`FeedBuilder.view`).
                                             frameText: ["updated"])
            }),
            // Keyed by its texts: a walk of 2 000 entry views cost more than rendering a changed sitemap.
            // Weighed by its entries, one per page: with 10 000 extra pages it is one of the largest pieces.
            // A bijsluiter's entry is kept with it, like its rows in the lists.
            (sitemap.count, { try self.renderedFile("sitemap.xml", template: "sitemap.xml",
                                        key: { ViewFingerprint(sitemap.flatMap { [$0.loc, $0.lastmod ?? "-"] }, named: []) },
                                        view: {
                                            let site = viewSite.value
                                            let rows = sitemap.indices.map { index -> ViewFragment<SitemapView.URLEntry> in
                                                // The site lists every bijsluiter as a product, in the same order.
                                                guard bijsluiterEntries.contains(index), site.products.count == bijsluiterEntries.count else {
                                                    return site.fragment(sitemap[index], template: "sitemap-url")
                                                }
                                                return Self.sitemapEntry(site, site.products[index - bijsluiterEntries.lowerBound]) { sitemap[index] }
                                            }
                                            return SitemapView(urls: site.rows(rows, at: "sitemap.xml#urls"))
                                        }, notes: notes) }),
        ]
        let jobs: [Job] = rest + zip(laidOutPages, listsBijsluiters).map { page, listing in
            (page.listedRows, { try self.laidOut(page, file: page.path + "index.html", site: viewSite.value, nav: nav, footer: footer,
                                                 notes: listing ? notes : nil) })
        }
        let sharedJobs = UncheckedSendable(jobs)
        let sectionCount = sections.count, restCount = rest.count
        /// The pages, each piece of work on all cores.
        @Sendable func render() throws -> ListingPages.Files {
            let jobs = sharedJobs.value
            // The largest pieces first, so that both cores finish together: the feed, then the pages by
            // the rows of their long lists (every change, every product; the home page's links) and the
            // sitemap by its entries, then the rest as listed.
            let order = jobs.indices.sorted { (-jobs[$0].weight, $0) < (-jobs[$1].weight, $1) }
            let done = try Parallel.map(order, minimumBatch: 1) { (index: $0, made: try sharedJobs.value[$0].make()) }
            var results = done
            for job in done { results[job.index] = job }
            let files = results.map(\.made.file)
            try verify?()
            return ListingPages.Files(sections: Array(files[restCount..<(restCount + 1 + sectionCount)]),
                                      schools: Array(files[(restCount + 1 + sectionCount)...]), rest: Array(files[..<restCount]),
                                      cacheKeys: Set(results.compactMap(\.made.key)))
        }
        if besideItems { return ListingPages(nav: nav, footer: footer, making: render) }
        let files = try render()
        timer.lap("   pages laid out, 404, feed and sitemap")
        return ListingPages(nav: nav, footer: footer, files: files)
    }
}
