import Foundation
@testable import InzageCore
import Testing

/// `HTMLFixups` changes cmark-gfm's HTML in one pass over its bytes. Its tags are told apart by
/// their second byte and its searches use `memchr`; it must change exactly what a plain reading
/// tag by tag (`Reference`, the pass as it was first written) changes.
@Suite("HTML fixups")
struct HTMLFixupsTests {
    /// The first implementation, tag by tag and byte by byte.
    struct Reference {
        var ids: [String]
        var siteHost: String?

        static let tableOpen = Array("<table>".utf8)
        static let tableClose = Array("</table>".utf8)
        static let tableWrapOpen = Array("<div class=\"tabel\" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\"><table>".utf8)
        static let tableWrapClose = Array("</table></div>".utf8)
        static let headerCell = Array("<th".utf8)
        static let headerScope = Array(" scope=\"col\"".utf8)
        static let linkOpen = Array("<a href=\"".utf8)
        static let linkClose = Array("</a>".utf8)
        static let externClass = Array(" class=\"extern\"".utf8)
        static let externNote = Array("<span class=\"visueel-verborgen\"> (externe website)</span>".utf8)

        func apply(to html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(html.count + ids.count * 24 + 256)
            var index = 0
            var heading = 0
            let count = html.count
            guard let base = html.baseAddress else { return [] }
            while index < count {
                // Text up to the next tag is copied as it is, in one go.
                let tag = memchr(base + index, Int32(UInt8(ascii: "<")), count - index).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                if tag > index {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: html[index..<tag]))
                    index = tag
                    continue
                }
                let byte = html[index]
                guard index + 1 < count else {
                    out.append(byte)
                    index += 1
                    continue
                }
                let next = html[index + 1]
                // <h1>…<h6>
                if next == UInt8(ascii: "h"), heading < ids.count, index + 3 < count,
                   (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[index + 2]), html[index + 3] == UInt8(ascii: ">") {
                    out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "h"), html[index + 2]])
                    out.append(contentsOf: " id=\"".utf8)
                    out.append(contentsOf: HTML.escape(ids[heading]).utf8)
                    out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ">")])
                    heading += 1
                    index += 4
                    continue
                }
                if Reference.matches(Reference.tableOpen, in: html, at: index) {
                    out.append(contentsOf: Reference.tableWrapOpen)
                    index += Reference.tableOpen.count
                    continue
                }
                if Reference.matches(Reference.tableClose, in: html, at: index) {
                    out.append(contentsOf: Reference.tableWrapClose)
                    index += Reference.tableClose.count
                    continue
                }
                // <th> or <th style="…">, not <thead>
                if Reference.matches(Reference.headerCell, in: html, at: index), index + 3 < count,
                   html[index + 3] == UInt8(ascii: ">") || html[index + 3] == UInt8(ascii: " ") {
                    out.append(contentsOf: Reference.headerCell)
                    out.append(contentsOf: Reference.headerScope)
                    index += Reference.headerCell.count
                    continue
                }
                if Reference.matches(Reference.linkOpen, in: html, at: index) {
                    let urlStart = index + Reference.linkOpen.count
                    if let quote = Reference.find(UInt8(ascii: "\""), in: html, from: urlStart),
                       let close = Reference.find(Reference.linkClose, in: html, from: quote),
                       ExternalLink.isExternal(UnsafeBufferPointer(rebasing: html[urlStart..<quote]), siteHost: siteHost) {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[index...quote]))
                        out.append(contentsOf: Reference.externClass)
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[(quote + 1)..<close]))
                        out.append(contentsOf: Reference.externNote)
                        out.append(contentsOf: Reference.linkClose)
                        index = close + Reference.linkClose.count
                        continue
                    }
                }
                out.append(byte)
                index += 1
            }
            return out
        }

        @inline(__always)
        private static func matches(_ pattern: [UInt8], in html: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            guard index + pattern.count <= html.count else { return false }
            for offset in 0..<pattern.count where html[index + offset] != pattern[offset] { return false }
            return true
        }

        private static func find(_ byte: UInt8, in html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            var index = start
            while index < html.count {
                if html[index] == byte { return index }
                index += 1
            }
            return nil
        }

        private static func find(_ pattern: [UInt8], in html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            var index = start
            while index + pattern.count <= html.count {
                if html[index] == pattern[0], matches(pattern, in: html, at: index) { return index }
                index += 1
            }
            return nil
        }

    }

    private func both(_ html: String, ids: [String], host: String?) -> (fixed: String, reference: String) {
        var html = html
        return html.withUTF8 { bytes in
            (String(decoding: HTMLFixups(ids: ids, siteHost: host).apply(to: bytes), as: UTF8.self),
             String(decoding: Reference(ids: ids, siteHost: host).apply(to: bytes), as: UTF8.self))
        }
    }

    @Test(arguments: [
        "", "<", "<h", "<h2", "<h2>", "<h7>Kop</h7>", "<hr /><h1>A</h1><h3>B</h3><h2>C</h2>",
        "<table><thead><tr><th>A</th><th style=\"text-align: left\">B</th></tr></thead></table>",
        "<th", "<thx>", "</table", "</tab>", "<a href=\"https://x.nl/\">x</a>", "<a href=\"https://x.nl/\">x",
        "<a href=\"https://x.nl/", "<a href=\"/intern/\">i</a>", "<a href=\"https://privacy.delinde.nl/a\">e</a>",
        "<a href=\"HTTPS://PRIVACY.DELINDE.NL/\">e</a>", "<a href=\"http://user@evil.example:8080/\">u</a> <a title=\"t\">",
        "<p>a &lt; b &amp; c</p><p>é ü — 😀</p>", "<<<>>>", "tekst zonder tags",
    ])
    func aPieceFixesAsTheReadingTagByTagFixesIt(_ html: String) {
        for host in [nil, "privacy.delinde.nl"] {
            let (fixed, reference) = both(html, ids: ["a", "b&c", "a"], host: host)
            #expect(fixed == reference, "\(html.debugDescription) \(host ?? "-")")
        }
    }

    /// Pages rendered by cmark from Markdown put together from pieces that make every fixup.
    @Test func generatedPagesFixAsTheReadingTagByTagFixesThem() {
        let pieces = ["# Kop\n", "## Tweede\n", "### Derde kop\n", "Tekst met [een link](https://www.example.org/pad) erin.\n",
                      "[intern](/paginas/x/) en [site](https://privacy.delinde.nl/x)\n", "| A | B |\n|:--|--:|\n| 1 | 2 |\n",
                      "- een\n- twee\n", "> citaat\n", "`<table>` in code\n", "<https://auto.example/>\n", "***\n",
                      "Een zin met é, ü en — tekens.\n", "1. eerste\n2. tweede\n", "    code <a href=\"x\">\n"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let renderer = MarkdownRenderer(siteHost: nil)
        for _ in 0..<300 {
            let markdown = (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined(separator: "\n")
            // The renderer's HTML with its headings' ids taken off again, so they are fixed anew.
            let html = renderer.render(markdown).replacing(#/<h([1-6]) id="[^"]*">/#) { "<h\($0.output.1)>" }
            let ids = (0..<next(6)).map { "kop-\($0)" }
            for host in [nil, "privacy.delinde.nl"] {
                let (fixed, reference) = both(html, ids: ids, host: host)
                #expect(fixed == reference, "\(markdown.debugDescription)")
            }
        }
    }
}
