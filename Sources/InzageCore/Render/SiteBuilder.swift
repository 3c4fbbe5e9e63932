import Foundation

/// One file of the output: a path relative to the output folder and its bytes.
public struct OutputFile: Sendable {
    public let path: String
    public let data: Data
    /// Whether the published site holds this file as it is (`BuildRecord`): the publication then
    /// knows the file is unchanged without comparing it again.
    let isPublished: Bool
    /// Whether `data` was left unread (empty): the published file, known by its stat to be as
    /// recorded, holds the bytes. Only a one-off build takes such a file (`BuildRecord`).
    let isUnread: Bool

    public init(path: String, data: Data) {
        self.init(path: path, data: data, isPublished: false)
    }

    init(path: String, data: Data, isPublished: Bool) {
        self.path = path
        self.data = data
        self.isPublished = isPublished
        isUnread = false
    }

    /// A file of the published site that was not read: the file there holds its bytes.
    init(unreadPublishedAt path: String) {
        self.path = path
        data = Data()
        isPublished = true
        isUnread = true
    }
}

/// Pure rendering: validated content and templates in, output files out.
public struct SiteBuilder {
    /// Page paths the site generates itself; extra pages may not take them.
    public static let reservedPaths: Set<String> = [
        "privacyverklaring", "privacystatement", "reglement", "bewaartermijnen", "bijsluiters", "scholen", "fotos-en-video",
        "contact", "wijzigingen", "toegankelijkheid", "assets", "bestanden", "feed.xml", "sitemap.xml", "robots.txt", "404.html",
    ]

    let content: Content
    let templates: TemplateSet
    let session: BuildSession?
    /// What the last build left in the output folder: for `inzage build`, and for the first
    /// build of a `serve` session.
    let record: BuildRecord?
    /// The bijsluiters a patch build (`PatchBuild`) did not load, each with its page's record key
    /// and what the listing pages' record key holds of it: their pages and the listing pages must
    /// come from the published site (`record`), or the build stops with `PatchBuild.Declined`.
    let kept: [KeptBijsluiter]
    /// The record keys of `kept`'s pages, by file.
    private let keptInputs: [String: StableDigest]
    /// For bijsluiters a patch build loaded whose front matter changed but not what the lists
    /// show of them: what the listing pages' record key held of them before (`FindingsRecord.Entry.listed`).
    let listedKeys: [String: StableDigest]
    /// The listing snapshot of the build before, for a patch build whose lists changed: the listing
    /// pages are then made from it and the loaded bijsluiters (`snapshotListing`).
    let listingSnapshot: ListingSnapshot?
    /// Its products' values, being read (`ListingSnapshot.Decoding`).
    let snapshotValues: ListingSnapshot.Decoding?
    /// Where a one-off build leaves the listing snapshot it made (`ListingSnapshot.Slot`); nil: none is made.
    let snapshotSlot: ListingSnapshot.Slot?
    /// How a patch build whose lists changed puts its bijsluiters' rows in place in the published
    /// listing pages (`splicedListing`), when it can.
    let listingSplice: ListingSplice?

    public init(content: Content, templates: TemplateSet, session: BuildSession? = nil) {
        self.init(content: content, templates: templates, session: session, record: nil)
    }

    init(content: Content, templates: TemplateSet, session: BuildSession?, record: BuildRecord?, kept: [KeptBijsluiter] = [],
         listedKeys: [String: StableDigest] = [:], listingSnapshot: ListingSnapshot? = nil, snapshotValues: ListingSnapshot.Decoding? = nil,
         snapshotSlot: ListingSnapshot.Slot? = nil, listingSplice: ListingSplice? = nil) {
        self.content = content
        self.templates = templates
        self.session = session
        self.record = record
        self.kept = kept
        self.listedKeys = listedKeys
        self.listingSnapshot = listingSnapshot
        self.snapshotValues = snapshotValues
        self.snapshotSlot = snapshotSlot
        self.listingSplice = listingSplice
        keptInputs = Dictionary(kept.map { ($0.file, $0.pageInputs) }, uniquingKeysWith: { first, _ in first })
    }

    /// Everything a page can read besides its own file: the theme, the date, every top-level
    /// document, the list of extra pages and files. Any change here re-renders every page.
    var globalKey: String {
        let itemFiles = Set(content.bijsluiters.map(\.file) + content.paginas.map(\.file))
        var key = templates.fingerprint + "\u{1}" + content.today.iso + "\u{1}" + content.bestanden.joined(separator: "\u{0}")
        for path in content.sources.keys.filter({ !itemFiles.contains($0) }).sorted() {
            key += "\u{1}" + path + "\u{0}" + (content.sources[path] ?? "")
        }
        // Appended piece by piece: joined with `+` first, each page's part was four texts made
        // and let go (10 000 pages, on the main thread before the rendering starts).
        key.reserveCapacity(key.utf8.count + content.paginas.count * 64)
        for p in content.paginas {
            key.append("\u{1}")
            key.append(p.slug)
            key.append("\u{0}")
            key.append(p.titel?.value ?? "")
            key.append("\u{0}")
            key.append(String(p.volgorde?.value ?? 0))
        }
        return key
    }

    /// The cache key of a page that depends on one file only: its parse in the session
    /// (`BuildSession.parseKey`, a short key for exactly these bytes, of which the page's path
    /// is a function too), or else its path, its file's name and whole text.
    private func itemKey(_ file: String, path: String, parse: String?) -> String {
        parse.map { "\u{2}" + $0 } ?? path + "\u{0}" + file + "\u{0}" + (content.sources[file] ?? "")
    }

    /// The key in the build record of a page made from one file alone: a digest of its path, its
    /// file's name and whole text.
    static func recordInputs(page path: String, file: String, source: String) -> StableDigest {
        StableDigest([path, file, source])
    }

    /// `recordInputs` of the page at `path` made from `file`: kept, or from the file's text.
    private func recordInputs(page path: String, file: String) -> StableDigest {
        keptInputs[file] ?? Self.recordInputs(page: path, file: file, source: content.sources[file] ?? "")
    }

    /// A bijsluiter's page to publish: one of the content's, or one a patch build did not load.
    private enum BijsluiterItem {
        case loaded(Int)
        case kept(KeptBijsluiter)
    }

    /// Every bijsluiter, in file order: the content's and the kept ones.
    private var bijsluiterItems: [BijsluiterItem] {
        let loaded = content.bijsluiters.indices.map(BijsluiterItem.loaded)
        guard !kept.isEmpty else { return loaded }
        return (loaded + kept.map(BijsluiterItem.kept)).sorted { file(of: $0) < file(of: $1) }
    }

    private func file(of item: BijsluiterItem) -> String {
        switch item {
        case .loaded(let index): content.bijsluiters[index].file
        case .kept(let kept): kept.file
        }
    }

    /// Every output file of the site, in one array (for tests and small sites).
    public func build() throws -> [OutputFile] {
        var files: [OutputFile] = []
        try build { files += $0 }
        return files
    }

    /// How many per-item pages (extra pages, bijsluiters) are made and handed on at a time.
    static let batchSize = 256

    /// Every output file of the site, handed to `emit` batch by batch in a fixed order, so a large
    /// site never has to be in memory as a whole: the extra pages and the bijsluiters a batch at a
    /// time (each batch on all cores), then the home and section pages, the school pages and the
    /// rest. A one-off build renders the listing pages beside the item pages (`ListingPages`).
    public func build(emit: ([OutputFile]) throws -> Void) throws {
        guard let organisatie = content.organisatie else { return }
        var timer = PhaseTimer()
        // The session's render pass starts before any view is made: views take kept fragments.
        let globalKey = globalKey
        session?.beginRender(globalKey: globalKey)
        // The record also names the content folder: nothing it recorded is taken for another.
        record?.begin(globalKey: content.root + "\u{1}" + globalKey)
        timer.lap("  globalKey")
        // Pages that list many files are made from the content without bodies (`ListingPages`).
        let listing = try listingPages(organisatie, globalKey: globalKey)
        timer.lap(listing.reused ? "  listing pages (kept)" : "  listing pages (made)")
        let site = SiteContext(content: content, organisatie: organisatie, templates: templates, session: session, sortingProducts: false)
        site.markdown.reservedIDs = templates.fixedIDs
        let sharedSite = UncheckedSendable(site)
        // Under a session, the keys of every page this pass made or took (the listing pages' too).
        var cacheKeys: Set<String> = []

        /// Makes and lays out the pages of one file each, a batch at a time; with a session, a page
        /// whose file and global inputs are unchanged is taken from the last build without rendering.
        func publishItems<Item>(_ items: [Item], path: (Item) -> String, file: (Item) -> String, make: @escaping (Item) throws -> Page) throws {
            /// A page whose key is the one the last build recorded is taken from the published
            /// site (`BuildRecord`); the others are made, and noted for the next build.
            func recordedOrMade(_ item: Item, make: () throws -> OutputFile) throws -> OutputFile {
                guard let record else { return try make() }
                let inputs = recordInputs(page: path(item), file: file(item))
                if let published = record.publishedPage(at: path(item) + "index.html", inputs: inputs) { return published }
                let made = try make()
                record.note(made, inputs: inputs)
                return made
            }
            for start in stride(from: 0, to: items.count, by: Self.batchSize) {
                let batch = Array(items[start..<min(start + Self.batchSize, items.count)])
                let work = UncheckedSendable(make)
                guard let session else {
                    try emit(Parallel.map(batch) { item in
                        try recordedOrMade(item, make: { try layoutItem(work.value(item), site: sharedSite.value, listing: listing) })
                    })
                    continue
                }
                // Cache keys name the file's parse (or hold its whole text); kept pages are taken
                // under one lock, and only the others are made, on all cores.
                let parses = session.parseKeys(for: batch.map(file))
                let keys = batch.indices.map { itemKey(file(batch[$0]), path: path(batch[$0]), parse: parses[$0]) }
                cacheKeys.formUnion(keys)
                var files = session.renderedPages(for: keys)
                let missing = files.indices.filter { files[$0] == nil }
                let made = try Parallel.map(missing, minimumBatch: 1) { index in
                    try session.renderedPage(for: keys[index]) {
                        try recordedOrMade(batch[index], make: { try layoutItem(work.value(batch[index]), site: sharedSite.value, listing: listing) })
                    }
                }
                for (index, file) in zip(missing, made) { files[index] = file }
                try emit(files.compactMap { $0 })
            }
        }

        try publishItems(Self.sortedExtraPages(content.paginas), path: Self.path(of:), file: \.file) { OtherPages.pagina(site, $0) }
        try publishItems(bijsluiterItems, path: { item in
            switch item {
            case .loaded(let index): BijsluiterPages.path(of: content.bijsluiters[index])
            case .kept(let kept): kept.page
            }
        }, file: file(of:)) { item in
            switch item {
            case .loaded(let index): return BijsluiterPages.detail(site, content.bijsluiters[index])
            // Only asked for when the published site does not hold the page as recorded.
            case .kept(let kept): throw PatchBuild.Declined("de pagina \(kept.page) staat niet meer zoals vastgelegd in de gepubliceerde site")
            }
        }
        timer.lap("  items published")
        // A file in bestanden/ may change without its name changing: each is looked at on every
        // build, before the record is made (it notes the files it read).
        let bestanden = content.bestanden.compactMap(bestand)
        session?.keepOnlyBestanden(Set(bestanden.map(\.path)))
        timer.lap("  bestanden")
        // Every page is noted now: the record is made while the last pages are written.
        record?.prepareBeside()
        // The listing pages after the item pages: a one-off build renders them meanwhile.
        let listed = try listing.files()
        timer.lap("  listing pages (waited for)")
        try emit(listed.sections)
        try emit(listed.schools)
        session?.keepOnly(cacheKeys.union(listed.cacheKeys), listingReused: listing.reused)

        var files = listed.rest
        files.append(OutputFile(path: "robots.txt", data: Data("User-agent: *\nAllow: /\n\nSitemap: \(site.absolute("sitemap.xml"))\n".utf8)))
        for (path, data) in templates.assets.sorted(by: { $0.key < $1.key }) where path.hasPrefix("assets/") {
            files.append(OutputFile(path: path, data: data))
        }
        files += bestanden
        try emit(files)
        timer.lap("  rest")
        // A one-off build is about to end: its lists are freed beside it.
        if session == nil { BackgroundRelease.release((consume listing, consume site)) }
    }

    /// A page of the board's own documents as a function of the site, and whether it lists
    /// bijsluiters: a page that does not is made from a site without any (`Content.forBoardPages`).
    struct SectionBuilder {
        let listsBijsluiters: Bool
        let make: (SiteContext) -> Page
    }

    /// The pages of the board's own documents, in menu order.
    static func sectionBuilders(_ content: Content) -> [SectionBuilder] {
        var builders: [SectionBuilder] = []
        func add(listing: Bool, _ make: @escaping (SiteContext) -> Page) { builders.append(SectionBuilder(listsBijsluiters: listing, make: make)) }
        if let pv = content.privacyverklaring { add(listing: true) { PrivacyverklaringPage.make($0, pv) } }
        add(listing: true, BijsluiterPages.overview)
        if let ft = content.fototoestemming { add(listing: false) { OtherPages.fotos($0, ft) } }
        if let r = content.reglement { add(listing: false) { OtherPages.reglement($0, r) } }
        if let bt = content.bewaartermijnen { add(listing: false) { BewaartermijnenPage.make($0, bt) } }
        if let ps = content.privacystatement { add(listing: false) { OtherPages.privacystatement($0, ps) } }
        add(listing: false, OtherPages.contact)
        add(listing: true, OtherPages.wijzigingen)
        if let t = content.toegankelijkheid { add(listing: false) { OtherPages.toegankelijkheid($0, t) } }
        return builders
    }

    static func path(of pagina: Pagina) -> String { "\(pagina.slug)/" }
    static func title(of pagina: Pagina) -> String { pagina.titel.nonBlank ?? pagina.slug }

    /// The main menu: the pages readers look for first, the same on every page.
    static func navigation(pages: [Page]) -> [(path: String, title: String)] {
        let order = ["", PrivacyverklaringPage.path, "bijsluiters/", "fotos-en-video/", "reglement/", "contact/"]
        return order.compactMap { path in
            guard let page = pages.first(where: { $0.path == path }) else { return nil }
            let short: String
            switch path {
            case "": short = "Home"
            case "bijsluiters/": short = "Producten"
            case "contact/": short = "Contact"
            default: short = page.title
            }
            return (path, short)
        }
    }

    /// The footer menu, the same on every page: the fixed pages that exist, then at most
    /// `footerPageLimit` extra pages in `volgorde` (the home page links all of them), so a board
    /// with thousands of pages does not get a footer of thousands of links on every page.
    static let footerPageLimit = 8

    /// - Parameter extraPages: the content's extra pages in menu order (`sortedExtraPages`).
    static func footerLinks(_ content: Content, extraPages: [Pagina]) -> [(path: String, title: String)] {
        var links: [(path: String, title: String)] = [("privacystatement/", "Privacy statement")]
        if content.bewaartermijnen != nil { links.append(("bewaartermijnen/", "Bewaartermijnen")) }
        links.append(("wijzigingen/", "Wijzigingen"))
        if content.toegankelijkheid != nil { links.append(("toegankelijkheid/", "Toegankelijkheid")) }
        links += extraPages.prefix(Self.footerPageLimit).map { ("\($0.slug)/", $0.titel.nonBlank ?? $0.slug) }
        return links
    }

    /// Extra pages in menu order: `volgorde` first, then by name. Their places are sorted, by
    /// keys taken once, and the pages are then copied once: a page is a large value (a few dozen
    /// references to retain whenever it is moved), and sorting 10 000 of them took one core 15 ms.
    static func sortedExtraPages(_ paginas: [Pagina]) -> [Pagina] {
        let keys = paginas.map { (order: $0.volgorde?.value ?? Int.max, slug: $0.slug) }
        let places = paginas.indices.filter { !Self.reservedPaths.contains(keys[$0].slug) }
            .sorted { (keys[$0].order, keys[$0].slug) < (keys[$1].order, keys[$1].slug) }
        return places.map { paginas[$0] }
    }

    /// A page in the layout as an output file. With a session the page is keyed by everything it
    /// shows (its view, read as it is, and the fields the layout reads from the page; the rest of
    /// the layout is global input): an unchanged page comes from the last build without rendering.
    /// - Parameter notes: where the file's lists of rows stand in it are noted there (`ListingPlaces`).
    func laidOut(_ page: Page, file: String, site: SiteContext, nav: [(path: String, title: String)],
                 footer: [(path: String, title: String)], absolute: Bool = false, notes: PlacementNotes? = nil) throws -> (file: OutputFile, key: String?) {
        if let notes {
            let (data, placed) = try placedLayout(page, site: site, nav: nav, footer: footer, absolute: absolute)
            notes.note(file, placed)
            return (OutputFile(path: file, data: data), nil)
        }
        let render = { try layoutFile(page, file: file, site: site, nav: nav, footer: footer, absolute: absolute) }
        guard let session else { return (try render(), nil) }
        let context = PageContext(t: site.texts, page: page.view)
        let key = "view\u{0}" + file + "\u{0}" + ViewFingerprint(page.path, page.template, page.title, page.description,
                                                                page.lastModified?.iso ?? "", absolute, context).description
        return (try session.renderedPage(for: key, make: render), key)
    }

    /// A file rendered from one view without the layout (feed, sitemap), keyed like `laidOut`.
    func renderedFile(_ file: String, view: Any, template: String) throws -> (file: OutputFile, key: String?) {
        try renderedFile(file, template: template, key: { ViewFingerprint(view) }, view: { view })
    }

    /// A file rendered from a view that is made only when its key is new in the session; `key`
    /// must cover everything the view shows, and is only computed under a session.
    /// - Parameter frameText: a text of the view that is read from its rows (the feed's date, its
    ///   first entry's): where it stands is noted with the rows (`PlacementNotes`).
    func renderedFile(_ file: String, template: String, key: () -> ViewFingerprint, view: @escaping () -> Any,
                      notes: PlacementNotes? = nil, frameText: [String]? = nil) throws -> (file: OutputFile, key: String?) {
        if let notes {
            let context = MustacheValue.convert(view())
            if let converted = context as? ConvertedView,
               let (filled, placed, frame) = templates.rowStencils.placedFilling(converted, template: template, templates: templates, frameText: frameText) {
                notes.note(file, placed, frame: frame)
                return (OutputFile(path: file, data: filled.data), nil)
            }
            notes.note(file, nil)
            return (OutputFile(path: file, data: Data(try templates.render(context, with: template).utf8)), nil)
        }
        // From the theme's stencil for files of its shape, as a page's body (`RowStencils`): the
        // feed's thousands of entries are placed as bytes, never made one text.
        let render = {
            let context = MustacheValue.convert(view())
            if let converted = context as? ConvertedView, let filled = templates.rowStencils.filling(converted, template: template, templates: templates) {
                return OutputFile(path: file, data: filled.data)
            }
            return OutputFile(path: file, data: Data(try templates.render(context, with: template).utf8))
        }
        guard let session else { return (try render(), nil) }
        let key = "view\u{0}" + file + "\u{0}" + ViewFingerprint(template, key().description).description
        return (try session.renderedPage(for: key, make: render), key)
    }

    /// A per-item page (one bijsluiter, one extra page) in the layout.
    private func layoutItem(_ page: Page, site: SiteContext, listing: ListingPages) throws -> OutputFile {
        try layoutFile(page, file: page.path + "index.html", site: site, nav: listing.nav, footer: listing.footer)
    }

    /// Renders a page (its view converted for Mustache) and puts it in the layout.
    private func layoutFile(_ page: Page, file: String, site: SiteContext, nav: [(path: String, title: String)],
                            footer: [(path: String, title: String)], absolute: Bool = false) throws -> OutputFile {
        OutputFile(path: file, data: try layout(page, site: site, nav: nav, footer: footer, absolute: absolute))
    }

    /// A page's own template with its view: from the site's stencil when the view is a text alone
    /// (an extra page), else from the theme's stencil for pages of its shape (`RowStencils`: a
    /// bijsluiter's page, whose lists are rows placed by their HTML), else rendered.
    private func body(of page: Page, site: SiteContext) throws -> Stencil.Filling {
        if let pagina = page.view as? PaginaView, let filled = site.bodyStencils.render(pagina, template: page.template, texts: site.texts, templates: templates) {
            return .html(filled)
        }
        let context = MustacheValue.convert(PageContext(t: site.texts, page: page.view))
        if let view = context as? ConvertedView, let filled = templates.rowStencils.filling(view, template: page.template, templates: templates) {
            return filled
        }
        return .text(try templates.render(context, with: page.template))
    }

    /// `layout`, with where the page's lists of rows stand in the file; nil when that is not known
    /// (its body or the layout has no stencil, or a list or the body is escaped).
    private func placedLayout(_ page: Page, site: SiteContext, nav: [(path: String, title: String)], footer: [(path: String, title: String)],
                              absolute: Bool) throws -> (data: Data, placed: [RowPlacement]?) {
        let context = MustacheValue.convert(PageContext(t: site.texts, page: page.view))
        guard page.view as? PaginaView == nil, let view = context as? ConvertedView,
              let (body, rows, _) = templates.rowStencils.placedFilling(view, template: page.template, templates: templates) else {
            return (try layout(page, site: site, nav: nav, footer: footer, absolute: absolute), nil)
        }
        let (data, bodies) = try layout(page, body: body, site: site, nav: nav, footer: footer, absolute: absolute, placing: true)
        guard let bodies, rows.allSatisfy(\.verbatim) else { return (data, nil) }
        return (data, bodies.flatMap { at in rows.map { RowPlacement(rows: $0.rows, offset: at + $0.offset, verbatim: true) } })
    }

    private func layout(_ page: Page, site: SiteContext, nav: [(path: String, title: String)], footer: [(path: String, title: String)],
                        absolute: Bool = false) throws -> Data {
        try layout(page, body: try body(of: page, site: site), site: site, nav: nav, footer: footer, absolute: absolute, placing: false).data
    }

    private func layout(_ page: Page, body: Stencil.Filling, site: SiteContext, nav: [(path: String, title: String)],
                        footer: [(path: String, title: String)], absolute: Bool, placing: Bool) throws -> (data: Data, bodyOffsets: [Int]?) {
        let root = absolute ? site.sitePath : SiteContext.root(for: page.path)
        let navRows = site.menu(nav, root: root, current: absolute ? nil : page.path)
        let footerRows = site.menu(footer, root: root, current: absolute ? nil : page.path)
        let frame = site.layoutFrame(root: root, nav: navRows, footer: footerRows) {
            let logo = site.organisatie.site?.logo.nonBlank.flatMap { path in content.bestanden.contains { "bestanden/\($0)" == path } ? root + path : nil }
            return LayoutFrame(siteTitle: site.siteTitle, organisatie: site.organisatie.naam.nonBlank ?? "", root: root, homeHref: root,
                               stylesheet: root + "assets/stijl.css", kleur: site.kleur, feedHref: root + "feed.xml", nav: navRows,
                               footerLinks: footerRows, fg: site.footerFG, contactHref: root + "contact/", logo: logo,
                               logoAlt: site.organisatie.site?.logoAlt.nonBlank, t: site.texts)
        }
        let view = LayoutView(
            frame: frame, title: page.title, headTitle: page.path.isEmpty && !absolute ? site.siteTitle : "\(page.title) - \(site.siteTitle)",
            description: page.description, canonical: site.absolute(page.path),
            body: { if case .text(let text) = body { text } else { "" } }(), gewijzigd: page.lastModified.map(DateView.init))
        guard placing else { return (try site.layoutStencils.render(view, body: body, templates: templates), nil) }
        return try site.layoutStencils.placedRender(view, body: body, templates: templates)
    }
}

/// `sitemap.xml`.
struct SitemapView {
    struct URLEntry { let loc: String; let lastmod: String? }
    /// One per page (10 000 on a large site): rows of `sitemap-url`.
    let urls: RowList<URLEntry>
}

// One per page and one per change: listed by hand so they convert without reflection.
extension SitemapView.URLEntry: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["loc": loc, "lastmod": lastmod] }
}

extension FeedView.Entry: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["id": id, "title": title, "link": link, "updated": updated, "summary": summary, "date": date] }
}

/// `feed.xml`: the change history as an Atom feed.
struct FeedView {
    struct Entry {
        let id: String; let title: String; let link: String; let updated: String; let summary: String
        /// The change's date (ISO, "" when unknown), which the feed is sorted by.
        let date: String
    }
    let title: String
    let id: String
    let selfLink: String
    let link: String
    let updated: String
    let author: String
    let entries: RowList<Entry>
}

// Listed by hand, like the rows: a view read with `Mirror` costs a conformance scan and a
// demangled type per field the first time, which a short build (the demo board) pays for each.
extension FeedView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["title": title, "id": id, "selfLink": selfLink, "link": link, "updated": updated, "author": author, "entries": entries] }
}

extension SitemapView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["urls": urls] }
}

enum FeedBuilder {
    /// Every change as a feed entry, newest first, in the order of the change page; a bijsluiter's
    /// entries are kept per parse. An entry's id names its document, its version (or, without
    /// one, its place in the document's changes counted from the oldest) and its date, so it
    /// stays the same when other changes are added.
    static func entries(_ site: SiteContext) -> [ViewFragment<FeedView.Entry>] {
        OtherPages.allChanges(site, root: site.siteURL, kind: "feed") { changes in
            changes.enumerated().map { index, change in
                let number = change.versie ?? String(changes.count - index)
                return site.fragment(FeedView.Entry(
                    id: "\(change.documentHref ?? site.siteURL)#wijziging-\(number)-\(change.datum?.iso ?? "")",
                    title: "\(change.document ?? "Wijziging")\(change.versie.map { ", versie \($0)" } ?? "")",
                    link: change.documentHref ?? site.siteURL, updated: updated(date: change.datum?.iso ?? ""),
                    summary: change.samenvatting, date: change.datum?.iso ?? ""), template: "feed-entry")
            }
        }
    }

    /// An entry's `updated` for a change of `date` (ISO, "" when unknown); the feed's is its
    /// first entry's (`ListingSplice` puts it in place when that entry changes).
    static func updated(date: String) -> String {
        "\(date.isEmpty ? "2000-01-01" : date)T00:00:00Z"
    }

    static func view(_ site: SiteContext, entries: [ViewFragment<FeedView.Entry>]) -> FeedView {
        FeedView(title: "Wijzigingen - \(site.siteTitle)", id: site.absolute("feed.xml"), selfLink: site.absolute("feed.xml"),
                 link: site.absolute("wijzigingen/"), updated: entries.first?.view.updated ?? updated(date: ""),
                 author: site.organisatie.naam.nonBlank ?? site.siteTitle, entries: site.rows(entries, at: "feed.xml#entries"))
    }
}
