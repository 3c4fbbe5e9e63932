#if canImport(Glibc)
import Glibc
#endif

/// The changes Inzage makes to cmark-gfm's HTML, in one pass over its bytes:
/// - the first `ids.count` headings get their `id` (`<h2>` → `<h2 id="…">`);
/// - tables are wrapped in a focusable, labelled region so a wide table scrolls on its own at
///   320 px, and header cells get `scope="col"`;
/// - links that leave the site get `class="extern"` and a hidden "(externe website)".
///
/// cmark escapes every `<` in text, code and attributes, so in its output these byte patterns
/// can only be the tags cmark wrote itself. Byte matching keeps this linear and cheap: Foundation's
/// string search used to cost more than parsing the Markdown.
struct HTMLFixups {
    var ids: [String]
    var siteHost: String?

    private static let tableOpen = Array("<table>".utf8)
    private static let tableClose = Array("</table>".utf8)
    private static let tableWrapOpen = Array("<div class=\"tabel\" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\"><table>".utf8)
    private static let tableWrapClose = Array("</table></div>".utf8)
    private static let headerCell = Array("<th".utf8)
    private static let headerScope = Array(" scope=\"col\"".utf8)
    private static let linkOpen = Array("<a href=\"".utf8)
    private static let linkClose = Array("</a>".utf8)
    private static let externClass = Array(" class=\"extern\"".utf8)
    private static let externNote = Array("<span class=\"visueel-verborgen\"> (externe website)</span>".utf8)

    /// The fixed HTML: valid UTF-8 when `html` is (it adds ASCII and escaped ids only).
    func apply(to html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = html.baseAddress else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + ids.count * 24 + 256)
        // The patterns, each taken once per page: a static is a look at its lazy initialisation
        // (and a retain) each time it is used, and a page has hundreds of tags.
        let tableOpen = Self.tableOpen, tableClose = Self.tableClose, headerCell = Self.headerCell, linkOpen = Self.linkOpen
        let linkClose = Self.linkClose
        var heading = 0
        let count = html.count
        // The bytes from `copied` on are not in `out` yet: they are copied in one go, up to a tag
        // that changes (most tags stay as they are).
        var copied = 0
        /// Copies what stands before `tag`, then `replacement`'s bytes; the bytes up to `next` are done.
        func replace(from tag: Int, upTo next: Int, with replacement: (inout [UInt8]) -> Void) {
            out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: tag - copied))
            replacement(&out)
            copied = next
        }
        var index = 0
        while let tag = Self.find(UInt8(ascii: "<"), in: html, from: index), tag + 1 < count {
            index = tag + 1
            // Which fixup a tag may need is told by its second byte.
            switch html[tag + 1] {
            case UInt8(ascii: "h"):
                // <h1>…<h6>
                if heading < ids.count, tag + 3 < count,
                   (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[tag + 2]), html[tag + 3] == UInt8(ascii: ">") {
                    let id = ids[heading]
                    replace(from: tag, upTo: tag + 4) { out in
                        out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "h"), html[tag + 2]])
                        out.append(contentsOf: " id=\"".utf8)
                        out.append(contentsOf: HTML.escape(id).utf8)
                        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ">")])
                    }
                    heading += 1
                    index = tag + 4
                }
            case UInt8(ascii: "t"):
                if Self.matches(tableOpen, in: html, at: tag) {
                    replace(from: tag, upTo: tag + tableOpen.count) { $0.append(contentsOf: Self.tableWrapOpen) }
                    index = tag + tableOpen.count
                } else if Self.matches(headerCell, in: html, at: tag), tag + 3 < count,
                          html[tag + 3] == UInt8(ascii: ">") || html[tag + 3] == UInt8(ascii: " ") {
                    // <th> or <th style="…">, not <thead>
                    replace(from: tag, upTo: tag + headerCell.count) { out in
                        out.append(contentsOf: headerCell)
                        out.append(contentsOf: Self.headerScope)
                    }
                    index = tag + headerCell.count
                }
            case UInt8(ascii: "/"):
                if Self.matches(tableClose, in: html, at: tag) {
                    replace(from: tag, upTo: tag + tableClose.count) { $0.append(contentsOf: Self.tableWrapClose) }
                    index = tag + tableClose.count
                }
            case UInt8(ascii: "a"):
                let urlStart = tag + linkOpen.count
                if Self.matches(linkOpen, in: html, at: tag),
                   let quote = Self.find(UInt8(ascii: "\""), in: html, from: urlStart),
                   let close = Self.find(linkClose, in: html, from: quote),
                   ExternalLink.isExternal(UnsafeBufferPointer(rebasing: html[urlStart..<quote]), siteHost: siteHost) {
                    replace(from: tag, upTo: close + linkClose.count) { out in
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[tag...quote]))
                        out.append(contentsOf: Self.externClass)
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[(quote + 1)..<close]))
                        out.append(contentsOf: Self.externNote)
                        out.append(contentsOf: linkClose)
                    }
                    index = close + linkClose.count
                }
            default:
                break
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: count - copied))
        return out
    }

    @inline(__always)
    private static func matches(_ pattern: [UInt8], in html: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= html.count else { return false }
        for offset in 0..<pattern.count where html[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The first `byte` at or after `start`, found with `memchr`.
    private static func find(_ byte: UInt8, in html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < html.count, let base = html.baseAddress,
              let found = memchr(base + start, Int32(byte), html.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The first place at or after `start` where `pattern` stands.
    private static func find(_ pattern: [UInt8], in html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first else { return start }
        var index = start
        while let at = find(first, in: html, from: index) {
            if matches(pattern, in: html, at: at) { return at }
            index = at + 1
        }
        return nil
    }
}
