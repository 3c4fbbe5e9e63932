import Mustache

/// A part of a page that shows one file (a product's row in a list): converted for Mustache
/// once, with its fingerprint. Under `serve` a fragment is kept per parse of its file, so a list
/// of two thousand products is put together again from kept rows after an edit, and only the
/// changed product's rows are made and converted anew.
protocol ConvertedFragment: MustacheParent, MustacheConvertible {
    var fingerprint: ViewFingerprint { get }
    /// The fragment rendered with its row template, without a last line break.
    var html: String { get }
}

extension ConvertedFragment {
    /// Converted already.
    var mustacheValue: Any? { self }

    /// Rows: a list that also places every row's HTML at once.
    static func mustacheList(_ list: [Self]) -> Any {
        FragmentRows.converted(list.map { $0 })
    }
}

/// The template a fragment is rendered with on its own (a theme's row template, such as
/// `bijsluiters-rij.mustache`), and the theme it comes from.
struct RowTemplate {
    let templates: TemplateSet
    let name: String
}

final class ViewFragment<View>: ConvertedFragment, @unchecked Sendable {
    let view: View
    let fields: [String: Any]
    private let keptFingerprint: ViewFingerprint?
    private let template: RowTemplate
    private let lock = PThreadMutex()
    private var rendered: String?

    /// - Parameters:
    ///   - kept: whether the fragment is kept between builds; only then is its fingerprint made
    ///     up front (a one-off build never asks for it).
    ///   - template: the row template that renders it as `html`.
    init(_ view: View, kept: Bool = true, template: RowTemplate) {
        self.view = view
        fields = MustacheValue.convert(view) as? [String: Any] ?? [:]
        keptFingerprint = kept ? ViewFingerprint(fields) : nil
        self.template = template
    }

    var fingerprint: ViewFingerprint { keptFingerprint ?? ViewFingerprint(fields) }

    /// The fragment rendered with its row template, without the template's last line break, so a
    /// list template can put `{{{html}}}` on a line of its own. Rendered once per fragment: a list
    /// made again from kept fragments renders only the new ones. The row template sees the
    /// fragment's own fields and nothing else.
    var html: String {
        if let rendered = lock.withLock({ rendered }) { return rendered }
        var html = template.templates.library.render(fields, withTemplate: template.name) ?? ""
        if html.hasSuffix("\n") { html.removeLast() }
        lock.withLock { rendered = html }
        return html
    }

    func child(named name: String) -> Any? {
        name == "html" ? html : fields[name]
    }
}

extension SiteContext {
    /// What `make` computes from bijsluiter `b` alone: kept in the session for as long as the same
    /// parse of its file is used (and the global inputs stay), made on the spot without a session.
    func kept<T>(_ kind: String, of b: Bijsluiter, _ make: () -> T) -> T {
        if let kept = keptFragments[b.file] { return kept.value(kind, make: make) }
        guard let session, let parse = session.parseKey(for: b.file) else { return make() }
        return session.fragments(forParses: [parse])[0].value(kind, make: make)
    }

    /// The fragment `kind` of bijsluiter `b`, kept like `kept`, rendered as `html` with the row
    /// template `template` of the theme.
    func fragment<View>(_ kind: String, of b: Bijsluiter, template: String, _ make: () -> View) -> ViewFragment<View> {
        kept(kind + "\u{0}" + template, of: b) { fragment(make(), template: template) }
    }

    /// A fragment of no one file (a change of a top-level document, a recipient the board names),
    /// rendered as `html` with the row template `template`.
    func fragment<View>(_ view: View, template: String) -> ViewFragment<View> {
        ViewFragment(view, kept: session != nil, template: RowTemplate(templates: templates, name: template))
    }

    /// A name's sort key (`nameSortKey`) and the name, kept per bijsluiter.
    func sortKey(_ kind: String, of b: Bijsluiter, _ name: (Bijsluiter) -> String) -> (key: String, exact: String) {
        // Kept as a struct: taking a labelled tuple out of `Any` costs a cast that compares labels.
        struct NameKey { let key: String; let exact: String }
        let kept = kept("sortKey\u{0}" + kind, of: b) { () -> NameKey in
            let exact = name(b)
            return NameKey(key: exact.nameSortKey, exact: exact)
        }
        return (kept.key, kept.exact)
    }
}
