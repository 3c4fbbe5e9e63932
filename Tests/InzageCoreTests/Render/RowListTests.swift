import Foundation
@testable import InzageCore
import Testing

/// A long list under `serve` is put together from the last pass's list (`KeptRowList`): whatever
/// changed between the two, the text and fingerprints are those of a list made from nothing.
@Suite("Render: long lists kept between passes")
struct RowListTests {
    private let templates: TemplateSet

    init() throws {
        templates = try TemplateSet(override: nil)
    }

    /// A row of the product list with `name`; each call makes a new fragment.
    private func row(_ name: String) -> ViewFragment<BijsluitersView.Row> {
        ViewFragment(BijsluitersView.Row(product: name, href: "../bijsluiters/\(name.lowercased())/", verwerker: "Leverancier \(name)",
                                         soort: "Leermiddel", bijzonder: "Nee", buitenEER: "Nee", versie: "1"),
                     template: RowTemplate(templates: templates, name: "bijsluiters-rij"))
    }

    /// Expects `list` to be what a list made without a previous one would be.
    private func expectFresh(_ list: KeptRowList, _ fragments: [ViewFragment<BijsluitersView.Row>], after change: String = "",
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let html = fragments.map(\.html).joined(separator: "\n")
        #expect(list.html == html, "after \(change)", sourceLocation: sourceLocation)
        #expect(list.fingerprints == fragments.map(\.fingerprint), "after \(change)", sourceLocation: sourceLocation)
        var end = 0
        let ends = fragments.enumerated().map { index, fragment in
            end += (index > 0 ? 1 : 0) + fragment.html.utf8.count
            return end
        }
        #expect(list.ends == ends, "after \(change)", sourceLocation: sourceLocation)
        #expect(list.rows == fragments.map(ObjectIdentifier.init), sourceLocation: sourceLocation)
    }

    @Test func everyChangeToAListGivesTheListMadeFromNothing() {
        let names = ["Äpfel", "Bingel", "Cito", "Diddit", "Eekhoorn", "Flits", "Gynzy", "Hoi", "Iris", "Jaap"]
        let rows = names.map(row)
        let first = KeptRowList.make(rows, from: nil)
        expectFresh(first, rows)
        #expect(first.html.contains("Äpfel"), "the rows were rendered")

        var changes: [(String, [ViewFragment<BijsluitersView.Row>])] = []
        changes.append(("nothing", rows))
        var renamed = rows
        renamed.remove(at: 2)
        renamed.insert(row("Zwaluw"), at: 9)
        changes.append(("a row renamed and moved to another place", renamed))
        changes.append(("the first row replaced", [row("Aap")] + rows.dropFirst()))
        changes.append(("the last row removed", Array(rows.dropLast())))
        changes.append(("a row added at the end", rows + [row("Kees")]))
        changes.append(("the order reversed", rows.reversed()))
        changes.append(("every row new", names.map(row)))
        changes.append(("one row left", [rows[4]]))
        changes.append(("two rows swapped", [rows[1], rows[0]] + rows.dropFirst(2)))
        for (change, fragments) in changes {
            let list = KeptRowList.make(fragments, from: first)
            expectFresh(list, fragments, after: change)
            // And back again from that list, as the pass after it would.
            expectFresh(KeptRowList.make(rows, from: list), rows, after: change + ", and back")
        }
    }

    @Test func aListIsMadeOncePerPassAndKeptForTheNext() throws {
        let session = BuildSession()
        let rows = ["Bingel", "Cito"].map(row)
        let list = RowList(rows, place: "bijsluiters/#rows", session: session)
        #expect(list.fingerprints == rows.map(\.fingerprint))
        let kept = try #require(session.rowList(at: "bijsluiters/#rows"))
        let converted = try #require(list.mustacheValue as? FragmentRows)
        #expect(converted.html == rows.map(\.html).joined(separator: "\n"))
        #expect(session.rowList(at: "bijsluiters/#rows") === kept, "made once, at its first use")
        // Without a session, the same text.
        let plain = try #require(RowList(rows, place: "bijsluiters/#rows", session: nil).mustacheValue as? FragmentRows)
        #expect(plain.html == converted.html)
        // An empty list converts as an empty list, with or without a session.
        #expect((RowList([ViewFragment<BijsluitersView.Row>](), place: "x", session: session).mustacheValue as? [Any])?.isEmpty == true)
    }
}
