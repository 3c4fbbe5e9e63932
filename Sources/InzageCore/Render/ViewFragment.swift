import Mustache
import Synchronization

/// A part of a page that shows one file (a product's row in a list): converted for Mustache
/// once, with its fingerprint. Under `serve` a fragment is kept per parse of its file, so a list
/// of two thousand products is put together again from kept rows after an edit, and only the
/// changed product's rows are made and converted anew.
/// A class: where a row stands in a page is noted by the fragment's identity (`ListingPlaces`).
protocol ConvertedFragment: AnyObject, MustacheParent, MustacheConvertible {
    var fingerprint: ViewFingerprint { get }
    /// The fragment rendered with its row template, without a last line break.
    var html: String { get }
    /// Whether `html` is rendered already.
    var isRendered: Bool { get }
    /// Where its HTML stands in a listing snapshot, for a fragment read back from one.
    var keptSource: KeptFragmentSource? { get }
    /// The length of `html` in UTF-8 bytes.
    var htmlLength: Int { get }
    /// The name of the row template that renders it.
    var templateName: String { get }
}

extension ConvertedFragment {
    var keptSource: KeptFragmentSource? { nil }
    var htmlLength: Int { html.utf8.count }
}

extension ConvertedFragment {
    /// Converted already.
    var mustacheValue: Any? { self }

    /// Rows: a list that also places every row's HTML at once.
    static func mustacheList(_ list: [Self]) -> Any {
        FragmentRows.converted(list)
    }
}

/// The template a fragment is rendered with on its own (a theme's row template, such as
/// `bijsluiters-rij.mustache`), and the theme it comes from.
struct RowTemplate {
    let templates: TemplateSet
    let name: String
}

final class ViewFragment<View: MustacheFields>: ConvertedFragment, @unchecked Sendable {
    /// The view, when the fragment was made from one; nil for a fragment read back from a listing
    /// snapshot, whose view is read when first asked for (`KeptSource`).
    private let madeView: View?
    /// The view converted for Mustache: up front for a kept fragment, else at its first use
    /// (`fields`), which is in the rendering of its list, on whichever core renders it: a list of
    /// 10 000 links was converted row by row on the thread that made the page's view.
    private let convertedUpFront: ConvertedView?
    private let keptFingerprint: ViewFingerprint?
    private let template: RowTemplate
    /// Where a fragment read back from a listing snapshot finds its view and its HTML.
    private let source: KeptFragmentSource?
    /// What is made at first use: the view converted (unless up front), the rendered row, and a
    /// read-back fragment's view. A lock inside the fragment itself: a list of 10 000 rows makes
    /// 10 000 of them. Of no generic type (the view is held as `Any`): the state of every
    /// fragment would otherwise be a type looked up at run time on each use.
    private let made = Mutex<(converted: ConvertedView?, rendered: String?, view: Any?)>((nil, nil, nil))

    /// - Parameters:
    ///   - kept: whether the fragment is kept between builds; only then is it converted and its
    ///     fingerprint made up front (a one-off build never asks for the fingerprint).
    ///   - template: the row template that renders it as `html`.
    init(_ view: View, kept: Bool = true, template: RowTemplate) {
        madeView = view
        if kept {
            let fields = Self.convert(view)
            convertedUpFront = fields
            keptFingerprint = ViewFingerprint(fields)
        } else {
            convertedUpFront = nil
            keptFingerprint = nil
        }
        self.template = template
        source = nil
    }

    /// A fragment read back from a listing snapshot (`ListingSnapshot`): its view and HTML come
    /// from `source` when first asked for; converted, and its fingerprint made, only then too.
    init(kept source: KeptFragmentSource, template: RowTemplate) {
        madeView = nil
        convertedUpFront = nil
        keptFingerprint = nil
        self.template = template
        self.source = source
    }

    var view: View {
        if let madeView { return madeView }
        // Out of the lock as unchecked: a view is only read once made.
        return made.withLock { made in
            if let view = made.view { return UncheckedSendable(view as! View) }
            let view = source!.reading.view(View.self, at: source!.view)
            made.view = view
            return UncheckedSendable(view)
        }.value
    }

    /// The name of the row template that renders it.
    var templateName: String { template.name }

    /// Converted from the fields the view lists (`MustacheFields`), known when the fragment is
    /// made: the general conversion first asks the runtime whether the view is a text, a flag, a
    /// number, a dictionary or a list (a few failed casts for each of thousands of rows).
    private static func convert(_ view: View) -> ConvertedView {
        MustacheValue.convert(view.mustacheFields)
    }

    var fields: ConvertedView {
        if let convertedUpFront { return convertedUpFront }
        if let converted = made.withLock({ $0.converted }) { return converted }
        // Converted outside the lock: a read-back view is read under it (`view`). Two threads that
        // convert at once make equal fields, and the first kept is the one every reader gets.
        let fields = Self.convert(view)
        return made.withLock { made in
            if let converted = made.converted { return converted }
            made.converted = fields
            return fields
        }
    }

    var fingerprint: ViewFingerprint { keptFingerprint ?? ViewFingerprint(fields) }

    /// The fragment rendered with its row template, without the template's last line break, so a
    /// list template can put `{{{html}}}` on a line of its own. Rendered once per fragment: a list
    /// made again from kept fragments renders only the new ones. The row template sees the
    /// fragment's own fields and nothing else.
    /// Read from where a fragment read back from a snapshot holds it, without a text.
    var htmlLength: Int { source?.html.count ?? html.utf8.count }

    var html: String {
        if let rendered = made.withLock({ $0.rendered }) { return rendered }
        if let source {
            let html = source.reading.text(source.html)
            made.withLock { $0.rendered = html }
            return html
        }
        var html = template.templates.rowStencils.render(fields, template: template.name, templates: template.templates)
            ?? template.templates.library.render(fields, withTemplate: template.name) ?? ""
        if html.hasSuffix("\n") { html.removeLast() }
        made.withLock { $0.rendered = html }
        return html
    }

    var isRendered: Bool { made.withLock { $0.rendered != nil } }

    var keptSource: KeptFragmentSource? { source }

    func child(named name: String) -> Any? {
        name == "html" ? html : fields.child(named: name)
    }
}

/// Where a fragment's view and HTML stand in a listing snapshot (`KeptValueCoding`), read when
/// first asked for: most rows of a long list are only placed by their HTML, on all cores.
struct KeptFragmentSource: Sendable {
    let reading: KeptValueCoding.Reading
    let html: Range<Int>
    let view: Range<Int>
    /// A change's date, which the change list and the feed sort by (`ListedChange.listDate`).
    var listDate: String? = nil
}

/// One text of a list on a page (what a product processes, an Entree attribute, …), rendered with
/// a row template whose context is the text itself (`{{.}}`). A template that goes through the
/// list itself sees each text as a text: it prints as one (`{{.}}`), and has no names.
final class TextRow: ConvertedFragment, MustacheCustomRenderable, @unchecked Sendable {
    let text: String
    private let template: RowTemplate
    private let rendered = Mutex<String?>(nil)

    init(_ text: String, template: RowTemplate) {
        self.text = text
        self.template = template
    }

    var fingerprint: ViewFingerprint { ViewFingerprint(text) }

    /// The text rendered with its row template, without the template's last line break.
    var html: String {
        if let rendered = rendered.withLock({ $0 }) { return rendered }
        var html = template.templates.rowStencils.render(text: text, template: template.name, templates: template.templates)
            ?? template.templates.library.render(text, withTemplate: template.name) ?? ""
        if html.hasSuffix("\n") { html.removeLast() }
        rendered.withLock { $0 = html }
        return html
    }

    var isRendered: Bool { rendered.withLock { $0 != nil } }

    var templateName: String { template.name }

    func child(named name: String) -> Any? { nil }

    var renderText: String { text }
    var isNull: Bool { false }
}

/// A bijsluiter as the lists see it: its place in the content, and what the session keeps of its
/// parse. A list of thousands of products goes through these, not through copies of the
/// bijsluiters (each a few dozen references to retain) or a look-up by file name per row.
struct ListedProduct {
    let index: Int
    /// Nil without a session.
    let kept: FileFragments?
}

/// One kind of fragment a list keeps of each product: its name among the product's kept values
/// and the row template that renders it. Made once per list, not once per row.
struct FragmentKind {
    let key: String
    let template: String

    /// - Parameters: name: the list's own name for it; root: the page's path back to the site
    ///   root, which the links in the row start with.
    init(_ name: String, root: String, template: String) {
        key = name + "\u{0}" + root + "\u{0}" + template
        self.template = template
    }
}

/// A product's name as a list sorts by it: what it is read from, and its kept key.
struct NameKind: Sendable {
    let key: String
    let name: @Sendable (Bijsluiter) -> String

    static let title = NameKind(key: "sortKey\u{0}title", name: \.title)
    static let verwerker = NameKind(key: "sortKey\u{0}verwerker") { $0.verwerker?.naam.nonBlank ?? "" }
}

extension SiteContext {
    /// What `make` computes from one product's bijsluiter alone: kept in the session for as long
    /// as the same parse of its file is used (and the global inputs stay), made on the spot
    /// without a session.
    func kept<T>(_ kind: String, of product: ListedProduct, _ make: () -> T) -> T {
        product.kept?.value(kind, make: make) ?? make()
    }

    /// The fragment `kind` of a product, kept like `kept`, rendered as `html` with the kind's row
    /// template.
    func fragment<View: MustacheFields>(_ kind: FragmentKind, of product: ListedProduct, _ make: () -> View) -> ViewFragment<View> {
        kept(kind.key, of: product) { fragment(make(), template: kind.template) }
    }

    /// A fragment of no one file (a change of a top-level document, a recipient the board names),
    /// rendered as `html` with the row template `template`.
    func fragment<View: MustacheFields>(_ view: View, template: String) -> ViewFragment<View> {
        ViewFragment(view, kept: session != nil, template: RowTemplate(templates: templates, name: template))
    }

    /// The texts of a list, each rendered as `html` with the row template `template`.
    func textRows(_ texts: [String], template: String) -> [TextRow] {
        let row = RowTemplate(templates: templates, name: template)
        return texts.map { TextRow($0, template: row) }
    }

    /// A long list of rows at `place` (a page's path and the list's field), put together from
    /// the last render pass's under a session (`RowList`).
    func rows<View: MustacheFields>(_ fragments: [ViewFragment<View>], at place: String) -> RowList<View> {
        RowList(fragments, place: place, session: session)
    }

    /// A name's sort key (`nameSortKey`) and the name, kept per product.
    func sortKey(_ kind: NameKind, of product: ListedProduct) -> (key: String, exact: String) {
        let kept = kept(kind.key, of: product) { () -> NameKey in
            let exact = kind.name(bijsluiter(product))
            return NameKey(key: exact.nameSortKey, exact: exact)
        }
        return (kept.key, kept.exact)
    }
}

/// A name's sort key and the name, as a product keeps them (`SiteContext.sortKey`). A struct:
/// taking a labelled tuple out of `Any` costs a cast that compares labels.
struct NameKey {
    let key: String
    let exact: String
}
