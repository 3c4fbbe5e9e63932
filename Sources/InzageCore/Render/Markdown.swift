import CCmarkArena
import CCmarkGFM
import CCmarkInlineCharacters
import Foundation

/// Markdown to an HTML fragment through libcmark-gfm in safe mode: raw HTML is dropped and
/// unsafe link schemes (javascript:, vbscript:, file:, data:) are emptied by cmark itself.
/// On top of that: heading levels fitted under the page's h1 with no skipped levels, stable
/// heading ids, links for references found in text, and external links marked.
public struct MarkdownRenderer: Sendable {
    /// Links to add inside text: for a text, the ranges to link and their targets.
    public typealias TextLinker = @Sendable (String) -> [(Range<String.Index>, String)]

    /// The host of the site, so links to it are not marked as external.
    public var siteHost: String?
    /// The level the body's top headings get (2 under a page's h1).
    public var topLevel: Int32 = 2
    /// Heading text → id; nil (the default) is a slug of the text (`Slug.suggest`).
    public var headingID: (@Sendable (String) -> String)?
    /// Ids the page around the body already uses; a heading with the same slug gets a suffix.
    public var reservedIDs: Set<String> = []
    public var linker: TextLinker?

    public init(siteHost: String?) {
        self.siteHost = siteHost
    }

    /// The syntax extensions every parser gets.
    private static let extensionNames = ["table", "autolink", "strikethrough"]

    /// libcmark-gfm 0.29 keeps the special inline characters of extensions in one process-wide
    /// table that every parser changes while it parses inlines, in `cmark_parser_finish`
    /// (upstream github/cmark-gfm#176; see `CCmarkInlineCharacters`). Every parser here attaches
    /// the same extensions, so their characters are put in the table once, for good, before the
    /// first parse, and inline parsing runs on all cores. Where that cannot be done (the library's
    /// calls do not reach Inzage's definition), inline parsing is serialised instead.
    static let inlineParsingIsShared: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = newParser() else { return false }
        defer { cmark_parser_free(parser) }
        return inzage_cmark_share_inline_characters(parser) == 1
    }()

    /// Serialises inline parsing when `inlineParsingIsShared` is false.
    private static let inlineParsing = PThreadMutex()

    /// A parser with the extensions every parser gets, its memory from `memory` (the C library's
    /// allocator when nil).
    private static func newParser(memory: UnsafeMutablePointer<cmark_mem>? = nil) -> OpaquePointer? {
        guard let parser = memory.map({ cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, $0) }) ?? cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        for name in extensionNames {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        return parser
    }

    public func render(_ markdown: String) -> String {
        renderHTML(markdown).string
    }

    /// `render`, as bytes: what an extra page's body is until it is written (`HTMLText`).
    func renderHTML(_ markdown: String) -> HTMLText {
        let shared = Self.inlineParsingIsShared
        // The page's parser, nodes and HTML are carved from this thread's arena (`CCmarkArena`)
        // and given back all at once here, after the HTML is copied out: nothing is freed one by one.
        defer { inzage_cmark_arena_reset() }
        guard let memory = UnsafeMutablePointer<cmark_mem>(inzage_cmark_arena()), let parser = Self.newParser(memory: memory) else {
            return HTMLText(validUTF8: [])
        }
        // Its bytes and their count as they are: no search for the end of a C string.
        var markdown = markdown
        markdown.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return }
            start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        guard let document = shared ? cmark_parser_finish(parser) : Self.inlineParsing.withLock({ cmark_parser_finish(parser) }) else { return HTMLText(validUTF8: []) }

        let headings = fitHeadings(document)
        if let linker { addLinks(document, linker: linker, memory: memory) }
        // Column alignment as a style attribute: `align` on th/td is obsolete HTML.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        guard let raw = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return HTMLText(validUTF8: []) }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
        // cmark-gfm writes valid UTF-8: it replaces invalid input as it reads it.
        return HTMLText(validUTF8: HTMLFixups(ids: headings, siteHost: siteHost).apply(to: bytes))
    }

    /// Moves headings under the page's h1 without skipped levels; returns their ids in order.
    /// The body's shallowest heading becomes `topLevel` and the rest keep their distance to it, so
    /// headings an author wrote at the same level stay siblings (`##` then `##` is h2, h2).
    private func fitHeadings(_ document: OpaquePointer) -> [String] {
        let nodes = headings(in: document)
        let shallowest = nodes.map { Int32(cmark_node_get_heading_level($0)) }.min() ?? 1
        var previous = topLevel - 1
        var ids: [String] = []
        ids.reserveCapacity(nodes.count)
        // The ids taken so far besides the reserved ones (not a copy of those for every page).
        var used = TakenIDs()
        for node in nodes {
            let wanted = Int32(cmark_node_get_heading_level(node)) - shallowest + topLevel
            let level = min(wanted, previous + 1, 6)
            cmark_node_set_heading_level(node, level)
            previous = level
            let slug = headingID.map { $0(plainText(node)) } ?? defaultID(node)
            let base = slug.isEmpty ? "kop" : slug
            // "vraag", "vraag-2", …; a heading whose own slug is "vraag-2" must not take it twice.
            var id = base
            var count = 1
            while used.contains(id) || reservedIDs.contains(id) {
                count += 1
                id = "\(base)-\(count)"
            }
            used.insert(id)
            ids.append(id)
        }
        return ids
    }

    /// `Slug.suggest` of a heading's text. A heading of one ASCII text (most) is read from cmark's
    /// bytes, without a string of its text.
    private func defaultID(_ node: OpaquePointer) -> String {
        if let child = cmark_node_first_child(node), cmark_node_next(child) == nil, cmark_node_get_type(child) == CMARK_NODE_TEXT,
           let literal = cmark_node_get_literal(child) {
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            if let slug = Slug.suggest(utf8: bytes) { return slug }
        }
        return Slug.suggest(from: plainText(node))
    }

    /// The heading ids a page has taken: a page has a handful, which a look through costs less
    /// than hashing each; a page with many keeps them in a set.
    private struct TakenIDs {
        private var few: [String] = []
        private var many: Set<String>?
        static let fewLimit = 16

        func contains(_ id: String) -> Bool {
            many?.contains(id) ?? few.contains(id)
        }

        mutating func insert(_ id: String) {
            if many != nil {
                many!.insert(id)
            } else if few.count < Self.fewLimit {
                few.append(id)
            } else {
                many = Set(few + [id])
            }
        }
    }

    /// The headings under `root`, in document order. Only blocks hold headings, and a block whose
    /// first child is inline (a paragraph, a heading, a table cell) holds no block: the walk never
    /// enters inline content, most of a page's nodes. Without recursion, for deeply nested quotes.
    private func headings(in root: OpaquePointer) -> [OpaquePointer] {
        func isBlock(_ node: OpaquePointer) -> Bool {
            cmark_node_get_type(node).rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
        }
        var found: [OpaquePointer] = []
        var next = cmark_node_first_child(root)
        while let node = next {
            if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                found.append(node)
            } else if isBlock(node), let child = cmark_node_first_child(node), isBlock(child) {
                next = child
                continue
            }
            // The next sibling of the node or of the nearest of its parents below `root` that has one.
            next = nil
            var current: OpaquePointer? = node
            while let at = current, at != root {
                if let sibling = cmark_node_next(at) {
                    next = sibling
                    break
                }
                current = cmark_node_parent(at)
            }
        }
        return found
    }

    /// Links the texts `linker` finds; the new nodes' memory comes from `memory`, the document's
    /// own (libcmark-gfm puts no node under a node of another allocator).
    private func addLinks(_ document: OpaquePointer, linker: TextLinker, memory: UnsafeMutablePointer<cmark_mem>) {
        var texts: [OpaquePointer] = []
        walk(document) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT else { return }
            var parent = cmark_node_parent(node)
            while let p = parent {
                if cmark_node_get_type(p) == CMARK_NODE_LINK || cmark_node_get_type(p) == CMARK_NODE_HEADING { return }
                parent = cmark_node_parent(p)
            }
            texts.append(node)
        }
        for node in texts {
            guard let literalPointer = cmark_node_get_literal(node) else { continue }
            let literal = String(cString: literalPointer)
            let links = linker(literal).sorted { $0.0.lowerBound < $1.0.lowerBound }
            guard !links.isEmpty else { continue }
            var cursor = literal.startIndex
            for (range, url) in links where range.lowerBound >= cursor {
                if cursor < range.lowerBound { insertText(String(literal[cursor..<range.lowerBound]), before: node, memory: memory) }
                if let link = cmark_node_new_with_mem(CMARK_NODE_LINK, memory), let label = cmark_node_new_with_mem(CMARK_NODE_TEXT, memory) {
                    cmark_node_set_url(link, url)
                    cmark_node_set_literal(label, String(literal[range]))
                    cmark_node_append_child(link, label)
                    cmark_node_insert_before(node, link)
                }
                cursor = range.upperBound
            }
            if cursor < literal.endIndex { insertText(String(literal[cursor...]), before: node, memory: memory) }
            cmark_node_free(node)
        }
    }

    private func insertText(_ text: String, before node: OpaquePointer, memory: UnsafeMutablePointer<cmark_mem>) {
        guard let textNode = cmark_node_new_with_mem(CMARK_NODE_TEXT, memory) else { return }
        cmark_node_set_literal(textNode, text)
        cmark_node_insert_before(node, textNode)
    }

    private func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    private func plainText(_ node: OpaquePointer) -> String {
        // Most headings hold one text and nothing else: its literal, without a walk.
        if let child = cmark_node_first_child(node), cmark_node_next(child) == nil, cmark_node_get_type(child) == CMARK_NODE_TEXT,
           let literal = cmark_node_get_literal(child) {
            return String(cString: literal)
        }
        var text = ""
        walk(node) { child in
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            }
        }
        return text
    }
}

/// Whether a URL leaves the site.
public enum ExternalLink {
    public static func isExternal(_ url: String, siteHost: String?) -> Bool {
        var url = url
        return url.withUTF8 { isExternal($0, siteHost: siteHost) }
    }

    /// An `http(s)://` URL whose host is not the site's (ASCII case-insensitive). Works on the
    /// bytes of an `href` as cmark writes it.
    static func isExternal(_ url: UnsafeBufferPointer<UInt8>, siteHost: String?) -> Bool {
        let schemeLength: Int
        if url.starts(with: "https://".utf8) { schemeLength = 8 } else if url.starts(with: "http://".utf8) { schemeLength = 7 } else { return false }
        var authority = url[schemeLength...]
        if let end = authority.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            authority = authority[..<end]
        }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        if authority.first != UInt8(ascii: "["), let colon = authority.firstIndex(of: UInt8(ascii: ":")) { authority = authority[..<colon] }
        guard !authority.isEmpty, let siteHost else { return true }
        // Compared byte by byte, without a lowered copy of either (every link of every page).
        var host = siteHost
        return !host.withUTF8 { site in
            site.count == authority.count && zip(site, authority).allSatisfy { ASCIIScan.lower($0) == ASCIIScan.lower($1) }
        }
    }
}

/// HTML escaping, for templates (see `TemplateSet`) and the few places that build HTML outside them.
/// Escapes the same five characters as swift-mustache, over UTF-8 bytes; text without any of them
/// (most text) is returned as it is.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    @inline(__always) private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
