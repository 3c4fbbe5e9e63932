import Mustache

/// A part of a page that shows one file (a product's row in a list): converted for Mustache
/// once, with its fingerprint. Under `serve` a fragment is kept per parse of its file, so a list
/// of two thousand products is put together again from kept rows after an edit, and only the
/// changed product's rows are made and converted anew.
protocol ConvertedFragment: MustacheParent {
    var fingerprint: ViewFingerprint { get }
}

final class ViewFragment<View>: ConvertedFragment, @unchecked Sendable {
    let view: View
    let fields: [String: Any]
    let fingerprint: ViewFingerprint

    init(_ view: View) {
        self.view = view
        fields = MustacheValue.convert(view) as? [String: Any] ?? [:]
        fingerprint = ViewFingerprint(fields)
    }

    func child(named name: String) -> Any? { fields[name] }
}

extension SiteContext {
    /// The fragment `kind` of bijsluiter `b`: kept in the session for as long as the same parse of
    /// its file is used (and the global inputs stay), made on the spot without a session.
    func fragment<View>(_ kind: String, of b: Bijsluiter, _ make: () -> View) -> ViewFragment<View> {
        guard let session, let parse = session.parseKey(for: b.file) else { return ViewFragment(make()) }
        return session.fragment(for: kind + "\u{0}" + parse) { ViewFragment(make()) }
    }
}
