import Dispatch
import Foundation
@testable import InzageCore
import Testing

/// Pages are parsed and rendered in a memory arena per thread (`CCmarkArena`), emptied after each
/// page: pages rendered on many threads at once, pages larger than an arena's block, and pages after
/// those must come out as they do one at a time.
@Suite("Markdown arena")
struct MarkdownArenaTests {
    let renderer = MarkdownRenderer(siteHost: "privacy.delinde.nl")

    /// A page of its own for `seed`: headings, lists, a table, links, text with and without marks.
    static func page(_ seed: Int) -> String {
        (0..<(5 + seed % 17)).map { part in
            """
            ## Kop \(seed)-\(part)

            Tekst over *gegevens* en [een link](https://www.example.org/\(seed)/\(part)) met é en ü, ~~oud~~ www.delinde.nl.

            - punt \(part)
            - nog een punt met `code`

            | Gegeven | Termijn |
            |---|---:|
            | naam \(seed) | \(part) jaar |

            """
        }.joined(separator: "\n")
    }

    @Test func pagesRenderedOnManyThreadsAtOnceAreThoseOfOneThread() {
        let pages = (0..<200).map(Self.page)
        let alone = pages.map { renderer.render($0) }
        let together = UnsafeResults(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            together.set(index, renderer.render(pages[index]))
        }
        #expect(together.values == alone)
        // The same pages again, on the arenas the threads kept.
        #expect(pages.map { renderer.render($0) } == alone)
    }

    /// A page many times larger than an arena's first block (256 KB), one long paragraph (a buffer
    /// that grows in place and moves), and a small page after each.
    @Test func largePagesAndLongParagraphsRenderWhole() {
        let small = renderer.render(Self.page(1))
        let paragraphs = (0..<20_000).map { "Alinea \($0) over de bewaartermijn van gegevens." }
        let large = renderer.render(paragraphs.joined(separator: "\n\n"))
        #expect(large.components(separatedBy: "<p>").count - 1 == paragraphs.count)
        #expect(large.hasSuffix("<p>Alinea 19999 over de bewaartermijn van gegevens.</p>\n"))
        #expect(renderer.render(Self.page(1)) == small)
        let words = (0..<300_000).map { "woord\($0)" }.joined(separator: " ")
        let long = renderer.render(words)
        #expect(long == "<p>" + words + "</p>\n")
        #expect(renderer.render(Self.page(1)) == small)
        #expect(renderer.render(paragraphs.joined(separator: "\n\n")) == large)
    }
}

/// Results written by index from many threads, each index once.
private final class UnsafeResults: @unchecked Sendable {
    private var slots: [String?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: String) { lock.withLock { slots[index] = value } }

    var values: [String] { lock.withLock { slots.map { $0 ?? "" } } }
}
