/// What every page of the site shares: the content, the renderer and the page list for navigation.
/// A class: the views of a list take it into closures per product, where copying the content and
/// the organisation (dozens of references) cost more than the rows themselves. It is set up
/// before any view is made and only read from then on, on all cores.
final class SiteContext {
    let content: Content
    let organisatie: Organisatie
    let siteURL: String
    let siteTitle: String
    var markdown: MarkdownRenderer
    let aanspreekvorm: Aanspreekvorm
    /// Keeps fragments of pages between rebuilds under `serve`.
    let session: BuildSession?
    /// The theme, for the fragments that render themselves with a row template (`ViewFragment.html`).
    let templates: TemplateSet
    /// Every bijsluiter as the lists see it, in the content's order; empty for a context made
    /// without `sortingProducts` (the one per-item pages get: they list nothing).
    private(set) var products: [ListedProduct] = []
    /// `products` in alphabetical order of their titles, sorted once for all lists.
    private(set) var productsByName: [ListedProduct] = []
    /// For each school of the organisation, in its order, the products it uses by name.
    private(set) var productsBySchool: [[ListedProduct]] = []
    /// The menus as rows (`menu`), by where a page stands and which entry it is, each with the
    /// links it was made of.
    private var menus: [String: [(links: [(path: String, title: String)], rows: MenuRows)]] = [:]
    private let menusLock = PThreadMutex()
    /// Fragments many pages show alike (`sharedFragment`), by row template and view.
    private var sharedFragments: [SharedFragmentKey: Any] = [:]
    private let sharedFragmentsLock = PThreadMutex()
    /// The layout's frames (`layoutFrame`), by root path and menus.
    private var layoutFrames: [LayoutFrameKey: LayoutFrame] = [:]
    private let layoutFramesLock = PThreadMutex()
    /// The layout cut where each page's own texts go, for each kind of page.
    let layoutStencils = LayoutStencils()
    /// The page templates of extra pages cut where the page's text goes, for each template.
    let bodyStencils = BodyStencils()

    /// - Parameter productFragments: what each bijsluiter of `content` keeps for the lists, in its
    ///   order, in place of what the session keeps (a one-off build's listing snapshot, `ListingSnapshot`).
    init(content: Content, organisatie: Organisatie, templates: TemplateSet, session: BuildSession? = nil, sortingProducts: Bool = true,
         productFragments: [FileFragments?]? = nil) {
        self.session = session
        self.templates = templates
        self.content = content
        self.organisatie = organisatie
        var url = organisatie.site?.url.nonBlank ?? "https://example.invalid/"
        if !url.hasSuffix("/") { url += "/" }
        siteURL = url
        siteTitle = organisatie.site?.titel.nonBlank ?? "Privacy bij \(organisatie.naam.nonBlank ?? "de school")"
        markdown = MarkdownRenderer(siteHost: URLHost.of(url))
        aanspreekvorm = organisatie.site?.aanspreekvorm?.value ?? .u
        fg = ContactView(organisatie.fg)
        footerFG = fg.map(SharedView.init)
        texts = SharedView(SiteTexts(aanspreekvorm))
        kleur = organisatie.site?.kleur.nonBlank.flatMap { RGBColour(hex: $0)?.hex } ?? "#1d4f91"
        guard sortingProducts else { return }
        // What the session keeps of each parse, taken under one lock for all lists.
        var kept = [FileFragments?](repeating: nil, count: content.bijsluiters.count)
        if let productFragments {
            precondition(productFragments.count == kept.count, "one product's fragments for each bijsluiter")
            kept = productFragments
        } else if let session {
            let known = session.parseKeys(for: content.bijsluiters.map(\.file)).enumerated()
                .compactMap { index, parse in parse.map { (index: index, parse: $0) } }
            for (product, fragments) in zip(known, session.fragments(forParses: known.map(\.parse))) { kept[product.index] = fragments }
        }
        products = kept.indices.map { ListedProduct(index: $0, kept: kept[$0]) }
        productsByName = products.sortedByName(keyed: { [self] in sortKey(.title, of: $0) })
        if !content.scholen.isEmpty {
            // Which schools use a product is kept with its parse: one look-up per product, not one
            // per product on each school page.
            let scholen = content.scholen
            productsBySchool = Array(repeating: [], count: scholen.count)
            for product in productsByName {
                let used = self.kept("scholen", of: product) { [self] in scholen.indices.filter { bijsluiter(product).isUsed(byBRIN: scholen[$0].brinCode ?? "") } }
                for index in used { productsBySchool[index].append(product) }
            }
        }
    }

    /// The bijsluiter a listed product stands for.
    func bijsluiter(_ product: ListedProduct) -> Bijsluiter { content.bijsluiters[product.index] }

    /// A menu's links as rows rendered with the row template `menu-link`, from a page whose
    /// path back to the site root is `root` and whose own path is `current` (nil: no entry is the
    /// current page). Made once per build for each such place: the thousands of pages of a large
    /// site stand in a few, and the layout puts their menus together from rendered rows.
    func menu(_ links: [(path: String, title: String)], root: String, current: String?) -> MenuRows {
        let here = current.flatMap { current in links.contains { $0.path == current } ? current : nil }
        // Keyed by place; the links are compared, not made part of the key: a page's menus are
        // the site's few lists, whose texts compare by their shared storage.
        let key = root + "\u{0}" + (here ?? "\u{1}")
        func kept() -> MenuRows? {
            guard let made = menus[key] else { return nil }
            for index in made.indices where Self.sameLinks(made[index].links, links) { return made[index].rows }
            return nil
        }
        if let kept = menusLock.withLock(kept) { return kept }
        let made = MenuRows(links.map { fragment(LinkView(href: root + $0.path, text: $0.title, current: $0.path == here), template: "menu-link") })
        return menusLock.withLock {
            if let kept = kept() { return kept }
            menus[key, default: []].append((links, made))
            return made
        }
    }

    /// Whether two menus have the same links: every page passes the site's own menus, so the
    /// very same array (one look at where its elements are) is the common case; else the links
    /// are compared one by one.
    static func sameLinks(_ a: [(path: String, title: String)], _ b: [(path: String, title: String)]) -> Bool {
        guard a.count == b.count else { return false }
        let sameStorage = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        return sameStorage || a.elementsEqual(b) { $0.path == $1.path && $0.title == $1.title }
    }

    /// The layout's frame of the pages at `root` with these menus (`menu`'s, which the site keeps):
    /// made by `make` once, so thousands of pages share one, and with it the layout's stencil.
    func layoutFrame(root: String, nav: MenuRows, footer: MenuRows, make: () -> LayoutFrame) -> LayoutFrame {
        let key = LayoutFrameKey(root: root, nav: ObjectIdentifier(nav), footer: ObjectIdentifier(footer))
        if let kept = layoutFramesLock.withLock({ layoutFrames[key] }) { return kept }
        let made = make()
        return layoutFramesLock.withLock {
            if let kept = layoutFrames[key] { return kept }
            layoutFrames[key] = made
            return made
        }
    }

    /// A fragment that many pages show alike, such as a row of a bijsluiter's categories table
    /// (most products leave most of the 14 categories out, and every row repeats the model's
    /// explanation): made and rendered with `template` once per build for each distinct view.
    /// `parts` are the view's fields as texts, all of them: equal parts mean an equal view. They
    /// are compared instead of a fingerprint of the converted view, which would cost more than
    /// rendering the row.
    func sharedFragment<View: MustacheFields>(_ view: View, parts: [String], template: String) -> ViewFragment<View> {
        let key = SharedFragmentKey(template: template, parts: parts)
        if let kept = sharedFragmentsLock.withLock({ sharedFragments[key] }) as? ViewFragment<View> { return kept }
        let made = ViewFragment(view, kept: session != nil, template: RowTemplate(templates: templates, name: template))
        return sharedFragmentsLock.withLock {
            if let kept = sharedFragments[key] as? ViewFragment<View> { return kept }
            sharedFragments[key] = made
            return made
        }
    }

    /// The path of the site root on its host, e.g. "/" or "/privacy/".
    var sitePath: String {
        guard let start = siteURL.range(of: "://"), let slash = siteURL[start.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(siteURL[slash...])
    }

    /// Relative prefix from a page folder ("bijsluiters/x/") back to the site root.
    static func root(for pagePath: String) -> String {
        // Its names counted byte by byte: every page asks, some more than once, and splitting
        // the path made an array of its names each time.
        var depth = 0, inName = false
        for byte in pagePath.utf8 {
            if byte == UInt8(ascii: "/") {
                inName = false
            } else if !inName {
                inName = true
                depth += 1
            }
        }
        switch depth {
        case 0: return "./"
        case 1: return "../"
        case 2: return "../../"
        default: return String(repeating: "../", count: depth)
        }
    }

    /// Absolute URL of a page folder, for sitemap, feed and letters.
    func absolute(_ pagePath: String) -> String { siteURL + pagePath }

    /// The FG as the pages about privacy and contact show it, made once.
    let fg: ContactView?
    /// The FG as every page's footer shows it, converted once.
    let footerFG: SharedView<ContactView>?
    /// The texts every page reads (`{{t.…}}`) in the board's form of address, converted once.
    let texts: SharedView<SiteTexts>
    /// The site's colour as the layout prints it (`site.kleur`, else the default blue), worked out once.
    let kleur: String

    /// Schools get their own page only when the board has more than one.
    var hasSchoolPages: Bool { content.scholen.count > 1 }

    static func schoolPath(_ school: School) -> String { "scholen/\((school.brinCode ?? "school").lowercased())/" }
}

/// A menu's rows (`SiteContext.menu`), converted for Mustache once: the thousands of pages of a
/// large site place the same few menus, and converting them joined their rows again per page.
final class MenuRows: MustacheConvertible, Equatable, @unchecked Sendable {
    let mustacheValue: Any?

    /// The same rows: the site keeps one for each menu, place and entry (`SiteContext.menu`).
    static func == (lhs: MenuRows, rhs: MenuRows) -> Bool { lhs === rhs }

    init(_ fragments: [ViewFragment<LinkView>]) {
        mustacheValue = ViewFragment<LinkView>.mustacheList(fragments)
    }
}

/// Where a page stands for the layout's frame (`SiteContext.layoutFrame`): its root path and its
/// menus, which the site keeps (so their identities stand for them while it does).
struct LayoutFrameKey: Hashable {
    let root: String
    let nav: ObjectIdentifier
    let footer: ObjectIdentifier
}

/// A shared fragment's row template and view (`SiteContext.sharedFragment`): the view's fields
/// as texts, kept apart (not joined), so no two lists of parts make the same key.
struct SharedFragmentKey: Hashable {
    let template: String
    let parts: [String]

    init(template: String, parts: [String]) {
        self.template = template
        self.parts = parts
    }

    /// Each part's length and first bytes: equal keys hash alike, and a long text many rows
    /// share (a category's explanation from the model, the same for every product) is not read
    /// whole for every row. Equal keys are then told apart by `==`, part by part, where texts
    /// that share their storage compare at once.
    func hash(into hasher: inout Hasher) {
        hasher.combine(template)
        hasher.combine(parts.count)
        for part in parts {
            var part = part
            part.withUTF8 { bytes in
                hasher.combine(bytes.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(32))))
            }
        }
    }
}

enum URLHost {
    static func of(_ url: String) -> String? {
        guard let start = url.range(of: "://") else { return nil }
        return url[start.upperBound...].split(separator: "/").first.map { String($0).lowercased() }
    }
}
