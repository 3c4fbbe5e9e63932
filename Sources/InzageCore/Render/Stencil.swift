import Foundation
import Mustache

/// A template as swift-mustache renders it for one kind of page (everything in the view but a
/// few texts alike), cut where those texts go: rendered once, then filled in for each page with
/// its texts, escaped as Mustache escapes them there. Mustache's look-ups (about five protocol
/// casts for every name it prints) are paid once per kind of page instead of once per page.
///
/// Made by rendering the template with a marker in place of each text, which acts as a text does
/// and notes how the template uses it. A text may be printed, escaped or not, and be a section
/// (which Mustache shows for any text, even an empty one: what it shows is then the same for every
/// text). A template that transforms a text (`uppercase(title)`), or that may hold a partial or
/// block (Mustache indents their lines, and where depends on the texts), has no stencil: its pages
/// are rendered by swift-mustache as before.
struct Stencil: Sendable, Equatable {
    /// The template's text before, between and after the texts: one more than `holes`.
    let parts: [String]
    /// The texts in the order they stand, each with how Mustache escapes it there.
    let holes: [Hole]

    struct Hole: Sendable, Equatable {
        /// Which text: its place in the list the stencil was made with.
        let text: Int
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

    /// The template filled in with a page's `texts`, in the order the stencil was made with.
    func filled(with texts: [String]) -> String {
        let values = holes.map { $0.escaping.apply(texts[$0.text]) }
        var result = ""
        result.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count } + values.reduce(0) { $0 + $1.utf8.count })
        for (part, value) in zip(parts, values) {
            result += part
            result += value
        }
        result += parts[parts.count - 1]
        return result
    }

    /// A text to fill a hole with: a string, or HTML as bytes (an extra page's body).
    enum Filling {
        case text(String)
        case html(HTMLText)

        /// The text as a string (HTML bytes are checked then): for a page without a stencil.
        var string: String {
            switch self {
            case .text(let text): text
            case .html(let html): html.string
            }
        }

        /// Whether the text's UTF-8 bytes are those of `text` (a text compared as a text could be
        /// equal in another form).
        func isByteForByte(_ text: String) -> Bool {
            switch self {
            case .text(let own): own.utf8.elementsEqual(text.utf8)
            case .html(let html): html.bytes.elementsEqual(text.utf8)
            }
        }

        /// The text's UTF-8 bytes, as a file's.
        var data: Data {
            switch self {
            case .text(let text): Data(text.utf8)
            case .html(let html): Data(html.bytes)
            }
        }
    }

    /// The template filled in with a page's `texts` (in the order the stencil was made with), as
    /// bytes: each part and text copied once, and HTML bytes put where Mustache does not escape
    /// them never made a string.
    func filledBytes(with texts: [Filling]) -> [UInt8] {
        let (values, count) = escaped(texts)
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, written in
            if let start = buffer.baseAddress { write(values, to: UnsafeMutableRawPointer(start)) }
            written = count
        }
    }

    /// `filledBytes` as a file's `Data`, written straight into its memory (`Data`'s own appends
    /// cast every sequence they are given, which cost more than the copy).
    func filledData(with texts: [Filling]) -> Data {
        let (values, count) = escaped(texts)
        guard count > 0 else { return Data() }
        // Without memory of its own for the file, through an array (which fails as Swift does).
        guard let memory = malloc(count) else { return Data(filledBytes(with: texts)) }
        write(values, to: memory)
        return Data(bytesNoCopy: memory, count: count, deallocator: .free)
    }

    /// Where each hole's text stands in the template filled in with `texts` (`filledBytes`): its
    /// text, its offset and length in bytes, and whether it stands there byte for byte as given (where
    /// Mustache does not escape it). Computed as `write` writes, without writing.
    func placements(with texts: [Filling]) -> [(text: Int, offset: Int, length: Int, verbatim: Bool)] {
        let (values, _) = escaped(texts)
        var at = 0
        var placed: [(text: Int, offset: Int, length: Int, verbatim: Bool)] = []
        placed.reserveCapacity(holes.count)
        for (index, hole) in holes.enumerated() {
            at += parts[index].utf8.count
            let length = switch values[index] {
            case .text(let text): text.utf8.count
            case .html(let html): html.bytes.count
            }
            placed.append((hole.text, at, length, hole.escaping == .none))
            at += length
        }
        return placed
    }

    /// The texts of the holes in order, each escaped as Mustache escapes it there, and the length
    /// in bytes of the filled-in template.
    private func escaped(_ texts: [Filling]) -> (values: [Filling], count: Int) {
        var count = parts.reduce(0) { $0 + $1.utf8.count }
        let values = holes.map { hole -> Filling in
            let value: Filling
            if case .html(let html) = texts[hole.text], hole.escaping == .none { value = .html(html) } else {
                value = .text(hole.escaping.apply(texts[hole.text].string))
            }
            switch value {
            case .text(let text): count += text.utf8.count
            case .html(let html): count += html.bytes.count
            }
            return value
        }
        return (values, count)
    }

    /// The parts with `values` between them, written from `start` on (room for all of them).
    private func write(_ values: [Filling], to start: UnsafeMutableRawPointer) {
        var at = start
        func put(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress else { return }
            at.copyMemory(from: base, byteCount: bytes.count)
            at += bytes.count
        }
        func put(_ text: String) {
            var text = text
            text.withUTF8 { put(UnsafeRawBufferPointer($0)) }
        }
        for (part, value) in zip(parts, values) {
            put(part)
            switch value {
            case .text(let text): put(text)
            case .html(let html): html.bytes.withUnsafeBytes { put($0) }
            }
        }
        put(parts[parts.count - 1])
    }

    /// The stencil of `template` for a kind of page, or nil when it has none (see above).
    /// - Parameters:
    ///   - paths: where each text stands in the view as converted for Mustache (its field names).
    ///   - view: the page's view (not converted), with the given texts in place of its own.
    /// It is made twice, with markers that end a line and with markers that do not, and must come
    /// out the same.
    /// - Parameter allowingPartials: whether a template that may hold partials is cut too; its
    ///   stencil must then be checked against what Mustache renders (`RowStencils.placedFilling`).
    static func make(_ template: String, templates: TemplateSet, paths: [[String]], allowingPartials: Bool = false,
                     view: ([String]) -> Any) -> Stencil? {
        // Partials and blocks may be indented, and inheritance renders a partial; new delimiters
        // could hide them. Such a template has no stencil (a tag's kind follows its `{{` directly).
        guard templates.library.getTemplate(named: template) != nil, allowingPartials || !templates.mayHoldPartials.contains(template) else { return nil }
        let probes = paths.indices.map { "\u{E000}probe\($0)\u{E001}" }
        let converted = MustacheValue.convert(view(probes))
        func sketch(endingLines: Bool) -> Stencil? {
            let use = MarkerUse()
            let leads = paths.indices.map { (rest: paths[$0][...], text: $0) }
            guard let root = marked(converted, paths: leads, probes: probes, use: use, endingLines: endingLines),
                  let rendered = try? templates.render(root, with: template), !use.misused,
                  let stencil = cut(rendered, texts: paths.count, endingLines: endingLines), stencil.holes.count == use.rendered else { return nil }
            return stencil
        }
        guard let plain = sketch(endingLines: false), let ending = sketch(endingLines: true), plain == ending else { return nil }
        return plain
    }

    /// How a path names the text at `index` of a list of texts.
    static func item(_ index: Int) -> String { "\u{8}\(index)" }

    /// `value` (a converted view) with a marker at the end of each path, where the probe of its
    /// text must stand; nil when one does not.
    private static func marked(_ value: Any, paths: [(rest: ArraySlice<String>, text: Int)], probes: [String],
                               use: MarkerUse, endingLines: Bool) -> Any? {
        if let leaf = paths.first(where: { $0.rest.isEmpty }) {
            guard paths.count == 1, value as? String == probes[leaf.text] else { return nil }
            return Marker(leaf.text, use: use, endingLine: endingLines)
        }
        // Rows placed by their HTML (`FragmentRows`): the path below it is `html`.
        if let rows = value as? RowsProbeSource {
            guard paths.count == 1, paths[0].rest.elementsEqual(["html"]), rows.html == probes[paths[0].text] else { return nil }
            return RowsProbe(Marker(paths[0].text, use: use, endingLine: endingLines), use: use)
        }
        // A list of texts: a path below it names one of its texts by its place (`Stencil.item`).
        if let list = value as? [String] {
            var markers: [Any] = []
            for (index, text) in list.enumerated() {
                guard let item = paths.first(where: { $0.rest.count == 1 && $0.rest.first == item(index) }),
                      text == probes[item.text] else { return nil }
                markers.append(Marker(item.text, use: use, endingLine: endingLines))
            }
            guard paths.count == list.count else { return nil }
            return TextListProbe(markers, use: use)
        }
        guard let view = value as? ConvertedView else { return nil }
        var fields = view.fields
        // Every path goes on below here (none ended at the leaf check above).
        for (name, below) in Dictionary(grouping: paths, by: { $0.rest.first ?? "" }) {
            guard let field = fields[name] else { return nil }
            // An optional view the page does not have (a date): its texts are not in the view,
            // nor in the stencil.
            if field is AbsentValue { continue }
            guard let marked = marked(field, paths: below.map { ($0.rest.dropFirst(), $0.text) }, probes: probes, use: use,
                                      endingLines: endingLines) else { return nil }
            fields[name] = marked
        }
        return StencilView(fields, use: use)
    }

    /// The rendered template cut at its markers; nil when a marker is not whole.
    private static func cut(_ rendered: String, texts: Int, endingLines: Bool) -> Stencil? {
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
            guard digits > 0, number < texts, matches(end, at: position) else { return nil }
            position += end.count
            if endingLines {
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\n") else { return nil }
                position += 1
            }
            parts.append(String(decoding: bytes[partStart..<index], as: UTF8.self))
            holes.append(Hole(text: number, escaping: printed.escaping))
            partStart = position
            index = position
        }
        parts.append(String(decoding: bytes[partStart...], as: UTF8.self))
        return Stencil(parts: parts, holes: holes)
    }
}

/// How the markers of one sketch were used: each printed one must be found whole in the output,
/// and none may be used in a way that depends on its text.
private final class MarkerUse: @unchecked Sendable {
    var rendered = 0
    var misused = false
}

/// What a sketch of a template puts in the place of a page's values. Printing one or transforming
/// it depends on what it stands for, so either is noted (a marker prints itself); none is null to
/// Mustache.
private protocol SketchValue: MustacheTransformable, MustacheCustomRenderable {
    var use: MarkerUse { get }
}

extension SketchValue {
    func transform(_ name: String) -> Any? {
        use.misused = true
        return nil
    }

    var renderText: String {
        use.misused = true
        return ""
    }

    var isNull: Bool { false }
}

/// A text in a sketch of a template. Printed, it shows where it stands and how it was escaped
/// (`Escaping.printed`). As a section it is shown, as any text is; looked in for a name, it has
/// none, as a text has none. A transform depends on the text itself: noted.
private final class Marker: SketchValue, MustacheParent, MustacheConvertible, @unchecked Sendable {
    let text: Int
    let use: MarkerUse
    let endingLine: Bool

    init(_ text: Int, use: MarkerUse, endingLine: Bool) {
        self.text = text
        self.use = use
        self.endingLine = endingLine
    }

    var renderText: String {
        use.rendered += 1
        return "\u{E000}&&\u{301}\(text)\u{E001}" + (endingLine ? "\n" : "")
    }

    /// Mustache reads a text's names with `Mirror`, which shows none. (A text is never null to
    /// Mustache: a section over it is shown, an inverted one is not.)
    func child(named name: String) -> Any? { nil }

    /// Itself, as the root of a sketch (a row that is one text).
    var mustacheValue: Any? { self }
}

/// Where a view held rows (`FragmentRows`) whose HTML a stencil leaves open: the probe of their
/// HTML, made into a `RowsProbe` in the sketch.
struct RowsProbeSource {
    let html: String
}

/// Rows in a sketch of a template. Their HTML (`{{{rows.html}}}`) is a marker; going through them
/// one by one, in a section or an inverted one, depends on how many there are and what they
/// hold, so it is noted, as is printing or transforming them.
private final class RowsProbe: SketchValue, MustacheSequence, MustacheParent, @unchecked Sendable {
    let html: Marker
    let use: MarkerUse

    init(_ html: Marker, use: MarkerUse) {
        self.html = html
        self.use = use
    }

    func makeIterator() -> IndexingIterator<[Any]> {
        use.misused = true
        return [].makeIterator()
    }

    func child(named name: String) -> Any? { name == "html" ? html : nil }
}

/// A converted view in a sketch of a template that holds markers. Used as a section it is what
/// the view is (present); printed or transformed, it is noted.
private final class StencilView: SketchValue, MustacheParent, MustacheConvertible, @unchecked Sendable {
    let fields: [String: Any]
    let use: MarkerUse

    init(_ fields: [String: Any], use: MarkerUse) {
        self.fields = fields
        self.use = use
    }

    func child(named name: String) -> Any? { fields[name] }

    var mustacheValue: Any? { self }
}

/// A list of texts in a sketch of a template: gone through in a section, it gives its markers, as
/// a list gives its texts, and an inverted section over it is not shown (a stencil holds lists of
/// one length only, and never an empty one). Printed or transformed (`count(punten)`,
/// `sorted(punten)`), it is noted; looked in for a name, it has none, as a list has none.
private final class TextListProbe: SketchValue, MustacheSequence, MustacheParent, @unchecked Sendable {
    let markers: [Any]
    let use: MarkerUse

    init(_ markers: [Any], use: MarkerUse) {
        self.markers = markers
        self.use = use
    }

    func makeIterator() -> IndexingIterator<[Any]> { markers.makeIterator() }

    func child(named name: String) -> Any? { nil }
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
