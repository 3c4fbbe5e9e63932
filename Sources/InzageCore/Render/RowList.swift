import Foundation

/// A long list of rows in a page's view (every product, every change), converted for Mustache
/// as `FragmentRows`. Under `serve` the list is put together from the same list of the last
/// render pass (`KeptRowList`): after one product is renamed, the rows of the 1 999 others are
/// copied from the last pass's text in a few runs, instead of being read one by one.
struct RowList<View: MustacheFields> {
    let fragments: [ViewFragment<View>]
    /// Where the list stands in the site (its page and field): its key in the session.
    let place: String
    /// The list as the session made it for this pass, made at its first use; nil without a session.
    private let kept: KeptRowList.Pass?

    init(_ fragments: [ViewFragment<View>], place: String, session: BuildSession?) {
        self.fragments = fragments
        self.place = place
        kept = session.map { KeptRowList.Pass(place: place, session: $0) }
    }

    var isEmpty: Bool { fragments.isEmpty }

    /// The list made from the last pass's, when there is a session.
    private func made() -> KeptRowList? {
        kept?.list(of: fragments)
    }
}

extension RowList: MustacheConvertible {
    var mustacheValue: Any? {
        guard !fragments.isEmpty, let list = made() else { return FragmentRows.converted(fragments) }
        return FragmentRows(fragments, html: list.html)
    }
}

extension RowList: FragmentList {
    var fingerprints: [ViewFingerprint] { made()?.fingerprints ?? fragments.map { $0.fingerprint } }
    var count: Int { fragments.count }
}

/// A list of rows as one render pass made it: the rows (held, so that no other row can take
/// one's place in memory while it is kept), their HTML joined with line breaks, where each row
/// ends in it, and their fingerprints.
final class KeptRowList: @unchecked Sendable {
    /// The rows themselves (an array of fragments), held so that no other fragment can take one's
    /// place in memory while it is kept.
    private let held: Any
    /// The rows, by identity.
    let rows: [ObjectIdentifier]
    let html: String
    /// For each row, the UTF-8 offset in `html` just past its text.
    let ends: [Int]
    let fingerprints: [ViewFingerprint]
    /// Each row's position, by identity; made when the next pass asks. Only that pass reads it
    /// (each place has its own list, and a place's list is made once per pass, under its lock).
    private lazy var positions: [ObjectIdentifier: Int] = Dictionary(
        rows.indices.map { (rows[$0], $0) }, uniquingKeysWith: { first, _ in first })

    private init(held: Any, rows: [ObjectIdentifier], html: String, ends: [Int], fingerprints: [ViewFingerprint]) {
        self.held = held
        self.rows = rows
        self.html = html
        self.ends = ends
        self.fingerprints = fingerprints
    }

    /// Where each of `rows` stood in this list, if it did: the next place when the row before it
    /// stood just before (the common case, without a look-up), else looked up.
    private func sources(of rows: [ObjectIdentifier]) -> [Int?] {
        var sources: [Int?] = []
        sources.reserveCapacity(rows.count)
        for row in rows {
            if let last = sources.last, let last, last + 1 < self.rows.count, self.rows[last + 1] == row {
                sources.append(last + 1)
            } else {
                sources.append(positions[row])
            }
        }
        return sources
    }

    /// `fragments` as a list, taking the text and fingerprint of every row that `previous` holds
    /// (the very same fragment: a kept fragment is never changed) from it, a run of neighbouring
    /// rows at a time; the other rows are rendered (on all cores) and read.
    static func make<View: MustacheFields>(_ fragments: [ViewFragment<View>], from previous: KeptRowList?) -> KeptRowList {
        // An array of class references holds their addresses, which is what an ObjectIdentifier
        // is: read as such, without touching (or retaining) the thousands of objects.
        let rows = fragments.withUnsafeBufferPointer { $0.withMemoryRebound(to: ObjectIdentifier.self) { Array($0) } }
        let source = previous?.sources(of: rows) ?? Array(repeating: nil, count: rows.count)
        let new = fragments.indices.filter { source[$0] == nil && !fragments[$0].isRendered }
        _ = try? Parallel.map(new, minimumBatch: 64) { fragments[$0].html }
        var fingerprints: [ViewFingerprint] = []
        fingerprints.reserveCapacity(fragments.count)
        var ends: [Int] = []
        ends.reserveCapacity(fragments.count)
        // Built by appending parts of strings: they are valid UTF-8 already, so nothing is
        // checked again (making a string from bytes checks every byte of several megabytes).
        var html = ""
        html.reserveCapacity(previous.map { $0.html.utf8.count + 4096 } ?? 0)
        var length = 0
        var index = 0
        while index < fragments.count {
            if index > 0 {
                html += "\n"
                length += 1
            }
            if let first = source[index], let previous {
                // A run of rows that stood side by side in the last pass: one copy.
                var last = first
                while index + (last - first) + 1 < fragments.count, source[index + (last - first) + 1] == last + 1 { last += 1 }
                let start = first == 0 ? 0 : previous.ends[first - 1] + 1
                let text = previous.html.utf8
                html += previous.html[text.index(text.startIndex, offsetBy: start)..<text.index(text.startIndex, offsetBy: previous.ends[last])]
                for row in first...last {
                    ends.append(length + previous.ends[row] - start)
                    fingerprints.append(previous.fingerprints[row])
                }
                length += previous.ends[last] - start
                index += last - first + 1
            } else {
                let text = fragments[index].html
                html += text
                length += text.utf8.count
                ends.append(length)
                fingerprints.append(fragments[index].fingerprint)
                index += 1
            }
        }
        return KeptRowList(held: fragments, rows: rows, html: html, ends: ends, fingerprints: fingerprints)
    }

    /// One list's making in one render pass: made once, at its first use (its fingerprint or its
    /// text), from the list the session kept for its place.
    final class Pass: @unchecked Sendable {
        let place: String
        let session: BuildSession
        private let lock = PThreadMutex()
        private var made: KeptRowList?

        init(place: String, session: BuildSession) {
            self.place = place
            self.session = session
        }

        func list<View: MustacheFields>(of fragments: [ViewFragment<View>]) -> KeptRowList {
            lock.withLock {
                if let made { return made }
                let list = KeptRowList.make(fragments, from: session.rowList(at: place))
                session.keepRowList(list, at: place)
                made = list
                return list
            }
        }
    }
}
