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
    private let keptFingerprint: ViewFingerprint?

    /// - Parameter kept: whether the fragment is kept between builds; only then is its
    ///   fingerprint made up front (a one-off build never asks for it).
    init(_ view: View, kept: Bool = true) {
        self.view = view
        fields = MustacheValue.convert(view) as? [String: Any] ?? [:]
        keptFingerprint = kept ? ViewFingerprint(fields) : nil
    }

    var fingerprint: ViewFingerprint { keptFingerprint ?? ViewFingerprint(fields) }

    func child(named name: String) -> Any? { fields[name] }
}

extension SiteContext {
    /// What `make` computes from bijsluiter `b` alone: kept in the session for as long as the same
    /// parse of its file is used (and the global inputs stay), made on the spot without a session.
    func kept<T>(_ kind: String, of b: Bijsluiter, _ make: () -> T) -> T {
        guard let session, let parse = session.parseKey(for: b.file) else { return make() }
        return session.fragment(for: kind + "\u{0}" + parse, make: make)
    }

    /// The fragment `kind` of bijsluiter `b`, kept like `kept`.
    func fragment<View>(_ kind: String, of b: Bijsluiter, _ make: () -> View) -> ViewFragment<View> {
        kept(kind, of: b) { ViewFragment(make(), kept: session != nil) }
    }

    /// A name's sort key (`nameSortKey`) and the name, kept per bijsluiter.
    func sortKey(_ kind: String, of b: Bijsluiter, _ name: (Bijsluiter) -> String) -> (key: String, exact: String) {
        kept("sortKey\u{0}" + kind, of: b) { () -> (key: String, exact: String) in
            let exact = name(b)
            return (exact.nameSortKey, exact)
        }
    }
}
