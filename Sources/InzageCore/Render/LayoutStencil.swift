import Mustache

/// The texts of the layout's view that differ from page to page. Every other field of
/// `LayoutView` is the same for many pages (the site's names, the menus of a folder depth, …).
enum LayoutText: Int, CaseIterable, Sendable {
    case title, headTitle, description, canonical, body, changedISO, changedDutch

    /// Where the text stands in the view as converted for Mustache (`LayoutView.mustacheFields`).
    var path: [String] {
        switch self {
        case .title: ["title"]
        case .headTitle: ["headTitle"]
        case .description: ["description"]
        case .canonical: ["canonical"]
        case .body: ["body"]
        case .changedISO: ["gewijzigd", "iso"]
        case .changedDutch: ["gewijzigd", "dutch"]
        }
    }

    /// The text in `view`; nil for the date's texts of a page without a date.
    func value(in view: LayoutView) -> String? {
        switch self {
        case .title: view.title
        case .headTitle: view.headTitle
        case .description: view.description
        case .canonical: view.canonical
        case .body: view.body
        case .changedISO: view.gewijzigd?.iso
        case .changedDutch: view.gewijzigd?.dutch
        }
    }
}

extension LayoutView {
    /// This view with each of its page texts (`LayoutText`) replaced by `text`. Made field by
    /// field on purpose: a field added to `LayoutView` must be placed here, and every field that
    /// is not a page text is part of the stencil's key (`LayoutStencils`).
    func replacing(_ text: (LayoutText) -> String) -> LayoutView {
        LayoutView(title: text(.title), headTitle: text(.headTitle), description: text(.description), siteTitle: siteTitle,
                   organisatie: organisatie, root: root, homeHref: homeHref, stylesheet: stylesheet, kleur: kleur,
                   canonical: text(.canonical), feedHref: feedHref, nav: nav, footerLinks: footerLinks, fg: fg, contactHref: contactHref,
                   logo: logo, logoAlt: logoAlt, body: text(.body),
                   gewijzigd: gewijzigd.map { _ in DateView(iso: text(.changedISO), dutch: text(.changedDutch)) }, t: t)
    }
}

/// The layout as swift-mustache renders it for one kind of page (every field of the view but the
/// page texts alike), cut where the page texts go: rendered once, then filled in for each page
/// with that page's texts, escaped as Mustache escapes them. The layout is a fifth of the work of
/// a site of 10 000 pages, almost all of it swift-mustache looking up its 25 names.
///
/// Made by rendering the layout with a marker in place of each page text, which notes how the
/// template uses it. A layout that uses a page text in any other way than printing it, escaped
/// or not (as a section, with a transform such as `uppercase(title)`, as a partial's name, with
/// a dotted name below it), or whose text around a page text would depend on the text (an
/// indented partial after a text that ends a line), has no stencil: its pages are rendered by
/// swift-mustache as before.
struct LayoutStencil: Sendable, Equatable {
    /// The layout's text before, between and after the page texts: one more than `holes`.
    let parts: [String]
    /// The page texts in the order they stand, each with whether Mustache escapes it there.
    let holes: [Hole]

    struct Hole: Sendable, Equatable {
        let text: LayoutText
        let escaping: Escaping
    }

    /// How Mustache escapes a text where it stands: not at all (`{{{name}}}`, or a template of
    /// content type TEXT), as the site's templates escape (`HTML.escape`), or as swift-mustache's
    /// own content type HTML does, one `Character` at a time (an `&` with a combining mark on it
    /// stays as it is).
    enum Escaping: Sendable, Equatable {
        case none, html, characters

        func apply(_ text: String) -> String {
            switch self {
            case .none: text
            case .html: HTML.escape(text)
            case .characters: MustacheEscaping.characterwise(text)
            }
        }

        /// What a marker's `&&\u{301}` (an ampersand, then one with a combining mark) became.
        static let printed: [(bytes: [UInt8], escaping: Escaping)] = [
            (Array("&amp;&amp;\u{301}".utf8), .html), (Array("&amp;&\u{301}".utf8), .characters), (Array("&&\u{301}".utf8), .none),
        ]
    }

    /// The layout of `view`, a page of this stencil's kind.
    func filled(with view: LayoutView) -> String {
        let texts = LayoutText.allCases.map { $0.value(in: view) ?? "" }
        let values = holes.map { $0.escaping.apply(texts[$0.text.rawValue]) }
        var result = ""
        result.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count } + values.reduce(0) { $0 + $1.utf8.count })
        for (part, value) in zip(parts, values) {
            result += part
            result += value
        }
        result += parts[parts.count - 1]
        return result
    }

    /// The stencil of `view`'s kind of page, or nil when the layout has none (see above). It is
    /// made twice, with markers that end a line and with markers that do not, and must come out
    /// the same: Mustache indents the text after a value that ends a line inside an indented partial.
    static func make(_ view: LayoutView, templates: TemplateSet) -> LayoutStencil? {
        // Partials and blocks may be indented, and inheritance renders a partial; new delimiters
        // could hide them. Such a layout is rendered whole (a tag's kind follows its `{{` directly).
        guard let source = templates.library.getTemplate(named: "layout")?.description,
              !["{{>", "{{<", "{{$", "{{="].contains(where: source.contains) else { return nil }
        guard let plain = sketch(view, templates: templates, endingLines: false),
              let ending = sketch(view, templates: templates, endingLines: true), plain == ending else { return nil }
        return plain
    }

    /// The layout rendered with markers, cut at them.
    private static func sketch(_ view: LayoutView, templates: TemplateSet, endingLines: Bool) -> LayoutStencil? {
        let probes = LayoutText.allCases.map { "\u{E000}probe\($0.rawValue)\u{E001}" }
        guard let converted = MustacheValue.convert(view.replacing { probes[$0.rawValue] }) as? ConvertedView else { return nil }
        let use = MarkerUse()
        let paths = LayoutText.allCases.map { (rest: $0.path[...], text: $0) }
        guard let root = marked(converted, paths: paths, probes: probes, use: use, endingLines: endingLines) as? StencilView,
              let rendered = try? templates.render(root, with: "layout"), !use.misused, use.handed == use.rendered else { return nil }
        guard let stencil = cut(rendered, endingLines: endingLines), stencil.holes.count == use.rendered else { return nil }
        return stencil
    }

    /// `value` (a converted view) with a marker at the end of each path, where the probe of its
    /// text must stand; nil when one does not.
    private static func marked(_ value: Any, paths: [(rest: ArraySlice<String>, text: LayoutText)], probes: [String],
                               use: MarkerUse, endingLines: Bool) -> Any? {
        if let leaf = paths.first(where: { $0.rest.isEmpty }) {
            guard paths.count == 1, value as? String == probes[leaf.text.rawValue] else { return nil }
            return Marker(leaf.text, use: use, endingLine: endingLines)
        }
        guard let view = value as? ConvertedView else { return nil }
        var fields = view.fields
        for (name, below) in Dictionary(grouping: paths, by: { $0.rest.first! }) {
            guard let field = fields[name] else { return nil }
            // A date the page does not have: its texts are not in the view, nor in the stencil.
            if field is AbsentValue { continue }
            guard let marked = marked(field, paths: below.map { ($0.rest.dropFirst(), $0.text) }, probes: probes, use: use,
                                      endingLines: endingLines) else { return nil }
            fields[name] = marked
        }
        return StencilView(fields, use: use)
    }

    /// The rendered layout cut at its markers; nil when a marker is not whole.
    private static func cut(_ rendered: String, endingLines: Bool) -> LayoutStencil? {
        let bytes = Array(rendered.utf8)
        let start: [UInt8] = Array("\u{E000}".utf8), end: [UInt8] = Array("\u{E001}".utf8)
        var parts: [String] = [], holes: [Hole] = []
        var partStart = 0, index = 0
        func matches(_ needle: [UInt8], at position: Int) -> Bool {
            position + needle.count <= bytes.count && bytes[position..<(position + needle.count)].elementsEqual(needle)
        }
        while index < bytes.count {
            guard matches(start, at: index) else {
                index += 1
                continue
            }
            var position = index + start.count
            guard let printed = Escaping.printed.first(where: { matches($0.bytes, at: position) }) else { return nil }
            position += printed.bytes.count
            var number = 0, digits = 0
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9"), digits < 3 {
                number = number * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
                digits += 1
            }
            guard digits > 0, let text = LayoutText(rawValue: number), matches(end, at: position) else { return nil }
            position += end.count
            if endingLines {
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\n") else { return nil }
                position += 1
            }
            parts.append(String(decoding: bytes[partStart..<index], as: UTF8.self))
            holes.append(Hole(text: text, escaping: printed.escaping))
            partStart = position
            index = position
        }
        parts.append(String(decoding: bytes[partStart...], as: UTF8.self))
        return LayoutStencil(parts: parts, holes: holes)
    }
}

/// How the markers of one sketch were used: each handed out by a look-up must be printed, and
/// none may be used in any other way.
private final class MarkerUse: @unchecked Sendable {
    var handed = 0
    var rendered = 0
    var misused = false
}

/// A page text in a sketch of the layout. Printed, it shows where it stands and how it was
/// escaped (`Escaping.printed`); any other use (a section over it, a transform, a name below it) is noted.
private final class Marker: MustacheCustomRenderable, MustacheTransformable, MustacheParent, @unchecked Sendable {
    let text: LayoutText
    let use: MarkerUse
    let endingLine: Bool

    init(_ text: LayoutText, use: MarkerUse, endingLine: Bool) {
        self.text = text
        self.use = use
        self.endingLine = endingLine
    }

    var renderText: String {
        use.rendered += 1
        return "\u{E000}&&\u{301}\(text.rawValue)\u{E001}" + (endingLine ? "\n" : "")
    }

    var isNull: Bool {
        use.misused = true
        return false
    }

    func transform(_ name: String) -> Any? {
        use.misused = true
        return nil
    }

    func child(named name: String) -> Any? {
        use.misused = true
        return nil
    }
}

/// A converted view in a sketch of the layout that holds markers: counts the markers it hands out.
/// Used as a section it is what the view is (present); printed or transformed, it is noted.
private final class StencilView: MustacheParent, MustacheTransformable, MustacheCustomRenderable, MustacheConvertible, @unchecked Sendable {
    let fields: [String: Any]
    let use: MarkerUse

    init(_ fields: [String: Any], use: MarkerUse) {
        self.fields = fields
        self.use = use
    }

    func child(named name: String) -> Any? {
        let value = fields[name]
        if value is Marker { use.handed += 1 }
        return value
    }

    func transform(_ name: String) -> Any? {
        use.misused = true
        return nil
    }

    var renderText: String {
        use.misused = true
        return ""
    }

    var isNull: Bool { false }

    var mustacheValue: Any? { self }
}

/// The layout's stencils of one site (`LayoutStencil`), made at the first page of each kind: the
/// key is the page's view without its page texts, compared whole, so two pages share a stencil
/// only when everything else the layout could print is the same.
final class LayoutStencils: @unchecked Sendable {
    private let lock = PThreadMutex()
    /// By the page's root path (a cheap first look), each key with its stencil, or nil for a kind
    /// of page the layout has no stencil for.
    private var made: [String: [(key: LayoutView, stencil: LayoutStencil?)]] = [:]
    /// At most this many kinds of page per root path get a stencil; the rest are rendered as before.
    static let kindsPerRoot = 32

    /// `view` in the layout template.
    func render(_ view: LayoutView, templates: TemplateSet) throws -> String {
        let key = view.replacing { _ in "" }
        let stencil: LayoutStencil? = lock.withLock {
            if let known = made[key.root]?.first(where: { $0.key == key }) { return known.stencil }
            guard made[key.root, default: []].count < Self.kindsPerRoot else { return nil }
            let stencil = LayoutStencil.make(key, templates: templates)
            made[key.root, default: []].append((key, stencil))
            return stencil
        }
        guard let stencil else { return try templates.render(view, with: "layout") }
        return stencil.filled(with: view)
    }
}

/// Text escaped as swift-mustache's content type HTML escapes a value: `<`, `>`, `&`, `"` and `'`,
/// each where it is a `Character` of its own (not with a combining mark on it).
enum MustacheEscaping {
    static func characterwise(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
