/// The stencils of a theme's row templates (`ViewFragment.html`): a list of 2 000 products, 5 000
/// changes or feed entries renders its rows from a few stencils instead of through swift-mustache
/// one by one. A row's kind is its template and its shape: the names of its fields and, for each,
/// whether it is a text (left open in the stencil), absent, a flag or number (with its value), a
/// list of texts (with its length, each text left open), rows placed by their HTML (left open), or
/// a view of such fields. A row with any other field (a list of views) is rendered as before.
/// Page templates go through the same stencils (`SiteBuilder.body`): a bijsluiter's page, whose
/// lists are all rows, has one of a few dozen shapes.
final class RowStencils: @unchecked Sendable {
    private let lock = PThreadMutex()
    /// Each kind's stencil, made once, by the first row of the kind.
    private var made: [Kind: Slot] = [:]

    /// A kind of row: its template and its shape's signature.
    private struct Kind: Hashable {
        let template: String
        let signature: [UInt8]

        /// The signature hashed as one run of bytes: an array of bytes hashes byte by byte, and a
        /// bijsluiter page's signature (every field's name) is hundreds of bytes, looked up for
        /// every page and row.
        func hash(into hasher: inout Hasher) {
            hasher.combine(template)
            signature.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
    private var kinds: [String: Int] = [:]

    /// A kind's stencil (nil when its rows cannot have one), made under the slot's own lock: a row
    /// of another kind goes on meanwhile (making a stencil renders its template through
    /// swift-mustache, which took both cores' turns when it held the lock of every kind), and a
    /// row of the same kind waits for it.
    private final class Slot: @unchecked Sendable {
        let lock = PThreadMutex()
        var stencil: Stencil??
    }
    /// At most this many shapes per row template get a stencil; rows of more are rendered as before.
    static let shapesPerTemplate = 256

    /// A converted row's shape and its texts, the fields taken in the view's fixed order
    /// (`ConvertedView.names`; a dictionary's own order differs from one dictionary to the next).
    /// The paths of the texts are made only for a new stencil.
    struct Shape {
        /// The names of the fields and a mark for what each is, as bytes: made for every row,
        /// where a text grew by many appends.
        var signature: [UInt8] = []
        var paths: [[String]] = []
        /// Texts, and rows' HTML as their lists hold it (`FragmentRows.filling`).
        var texts: [Stencil.Filling] = []
        /// The lists of rows among `texts`, each with its place there.
        var rows: [(text: Int, rows: FragmentRows)] = []
        private var withPaths = false

        init() {}

        /// The shape of `view`, or nil when it holds a field no stencil can stand for.
        init?(_ view: ConvertedView, withPaths: Bool = false) {
            self.withPaths = withPaths
            signature.reserveCapacity(256)
            texts.reserveCapacity(16)
            guard add(view, at: []) else { return nil }
        }

        private mutating func mark(_ byte: UInt8) { signature.append(byte) }

        private mutating func add(_ view: ConvertedView, at path: [String]) -> Bool {
            for (position, name) in view.names.enumerated() {
                guard let value = view.value(at: position) else { return false }
                signature.append(contentsOf: name.utf8)
                switch view.kind(at: position, value: value) {
                case .text:
                    guard let text = value as? String else { return false }
                    mark(1)
                    if withPaths { paths.append(path + [name]) }
                    texts.append(.text(text))
                case .flag(let flag):
                    mark(flag ? 2 : 3)
                case .number(let number):
                    mark(4)
                    signature.append(contentsOf: String(number).utf8)
                case .absent:
                    mark(5)
                case .texts:
                    guard let list = value as? [String] else { return false }
                    // A list of texts of this length, each text left open.
                    mark(8)
                    signature.append(contentsOf: String(list.count).utf8)
                    for (index, text) in list.enumerated() {
                        if withPaths { paths.append(path + [name, Stencil.item(index)]) }
                        texts.append(.text(text))
                    }
                case .rows:
                    guard let rows = value as? FragmentRows else { return false }
                    // Rows placed by their HTML, left open.
                    mark(9)
                    if withPaths { paths.append(path + [name, "html"]) }
                    self.rows.append((texts.count, rows))
                    texts.append(rows.filling)
                case .view:
                    guard let nested = value as? ConvertedView else { return false }
                    mark(6)
                    guard add(nested, at: withPaths ? path + [name] : path) else { return false }
                    mark(7)
                case .other, .unknown:
                    return false
                }
                mark(0)
            }
            return true
        }
    }

    /// `view` with the texts at `paths` replaced by `texts`.
    static func replacing(_ view: ConvertedView, paths: [[String]], with texts: [String]) -> ConvertedView {
        var fields = view.fields
        for (name, below) in Dictionary(grouping: paths.indices, by: { paths[$0][0] }) {
            if let leaf = below.first(where: { paths[$0].count == 1 }) {
                fields[name] = texts[leaf]
            } else if fields[name] is FragmentRows, let html = below.first(where: { paths[$0] == [name, "html"] }) {
                fields[name] = RowsProbeSource(html: texts[html])
            } else if var list = fields[name] as? [String] {
                for index in list.indices {
                    if let item = below.first(where: { paths[$0].count == 2 && paths[$0][1] == Stencil.item(index) }) { list[index] = texts[item] }
                }
                fields[name] = list
            } else if let nested = fields[name] as? ConvertedView {
                fields[name] = replacing(nested, paths: below.map { Array(paths[$0].dropFirst()) }, with: below.map { texts[$0] })
            }
        }
        return ConvertedView(fields)
    }

    /// The row `fields` rendered with `template` from its kind's stencil, or nil when it has none.
    func render(_ fields: ConvertedView, template: String, templates: TemplateSet) -> String? {
        filling(fields, template: template, templates: templates)?.string
    }

    /// `render`, as a stencil fills it in: HTML bytes when the view holds rows as bytes (a page's
    /// lists read back from a listing snapshot), which are then never made a text.
    func filling(_ fields: ConvertedView, template: String, templates: TemplateSet) -> Stencil.Filling? {
        guard templates.usesStencils, let shape = Shape(fields) else { return nil }
        let stencil = self.stencil(shape, template: template, templates: templates, paths: { Shape(fields, withPaths: true)?.paths ?? [] }) { paths, probes in
            Self.replacing(fields, paths: paths, with: probes)
        }
        guard let stencil else { return nil }
        guard shape.texts.contains(where: { if case .html = $0 { true } else { false } }) else { return .text(stencil.filled(with: shape.texts.map(\.string))) }
        // Valid UTF-8: the template's text, texts, and bytes of valid UTF-8.
        return .html(HTMLText(validUTF8: stencil.filledBytes(with: shape.texts)))
    }

    /// `filling`, with where each list of rows stands in it (`RowPlacement`): from the theme's
    /// stencil for views of its shape, else from a stencil of this view alone, cut where its lists
    /// go (a page with a list of views, such as the product list's columns). Nil when the view has
    /// neither, or holds a row outside its lists of rows (which could not be placed).
    /// - Parameter frameText: a text of the view (by its path) whose places are wanted too, as
    ///   `frame`: where the template prints it (nil when that is not known).
    func placedFilling(_ fields: ConvertedView, template: String, templates: TemplateSet,
                       frameText: [String]? = nil) -> (filling: Stencil.Filling, rows: [RowPlacement], frame: [Range<Int>]?)? {
        guard templates.usesStencils, let lists = Self.lists(in: fields, at: []) else { return nil }
        if let shape = Shape(fields), let stencil = self.stencil(shape, template: template, templates: templates,
                                                                  paths: { Shape(fields, withPaths: true)?.paths ?? [] },
                                                                  view: { paths, probes in Self.replacing(fields, paths: paths, with: probes) }) {
            let (filling, rows) = Self.placed(stencil, texts: shape.texts, lists: shape.rows)
            guard let frameText, let paths = Shape(fields, withPaths: true)?.paths, paths.count == shape.texts.count else { return (filling, rows, []) }
            let wanted = Set(paths.indices.filter { paths[$0] == frameText })
            return (filling, rows, stencil.placements(with: shape.texts).filter { wanted.contains($0.text) }.map { $0.offset..<($0.offset + $0.length) })
        }
        let paths = lists.map { $0.path + ["html"] }
        let partials = templates.mayHoldPartials.contains(template)
        guard let stencil = Stencil.make(template, templates: templates, paths: paths, allowingPartials: true,
                                         view: { Self.replacing(fields, paths: paths, with: $0) }) else { return nil }
        let placed = Self.placed(stencil, texts: lists.map(\.rows.filling), lists: lists.indices.map { ($0, lists[$0].rows) })
        // A partial may be indented, and the lines of what it prints with it: the stencil of a
        // template that may hold one is taken only when it gives what Mustache renders.
        guard !partials || (try? templates.render(fields, with: template)).map({ placed.filling.isByteForByte($0) }) == true else { return nil }
        return (placed.filling, placed.rows, frameText == nil ? [] : nil)
    }

    /// `stencil` filled in with `texts`, and where the lists among them (`lists`, by their place in
    /// `texts`) stand.
    private static func placed(_ stencil: Stencil, texts: [Stencil.Filling], lists: [(text: Int, rows: FragmentRows)]) -> (filling: Stencil.Filling, rows: [RowPlacement]) {
        let byText = Dictionary(lists.map { ($0.text, $0.rows) }, uniquingKeysWith: { first, _ in first })
        let placed = stencil.placements(with: texts).compactMap { hole -> RowPlacement? in
            byText[hole.text].map { RowPlacement(rows: $0, offset: hole.offset, verbatim: hole.verbatim) }
        }
        let html = texts.contains { if case .html = $0 { true } else { false } }
        // Valid UTF-8: the template's text, texts, and bytes of valid UTF-8.
        return (html ? .html(HTMLText(validUTF8: stencil.filledBytes(with: texts))) : .text(stencil.filled(with: texts.map(\.string))), placed)
    }

    /// Every list of rows in `view` with its path, going into views; nil when a row or a list of
    /// rows stands anywhere else (in a list of views), where it could not be placed.
    private static func lists(in view: ConvertedView, at path: [String]) -> [(path: [String], rows: FragmentRows)]? {
        var found: [(path: [String], rows: FragmentRows)] = []
        for (position, name) in view.names.enumerated() {
            guard let value = view.value(at: position) else { continue }
            switch value {
            case let rows as FragmentRows: found.append((path + [name], rows))
            case let nested as ConvertedView:
                guard let below = lists(in: nested, at: path + [name]) else { return nil }
                found += below
            default:
                guard !holdsRows(value) else { return nil }
            }
        }
        return found
    }

    /// Whether `value` (not a view) is or holds a row or a list of rows.
    private static func holdsRows(_ value: Any) -> Bool {
        switch value {
        case is FragmentRows, is any ConvertedFragment: return true
        case let view as ConvertedView: return view.names.indices.contains { view.value(at: $0).map(holdsRows) ?? false }
        case let list as [Any]: return list.contains(where: holdsRows)
        default: return false
        }
    }

    /// A row that is one text (`TextRow`) rendered with `template`, its root the text itself.
    func render(text: String, template: String, templates: TemplateSet) -> String? {
        guard templates.usesStencils else { return nil }
        var shape = Shape()
        shape.signature = [10]
        shape.texts = [.text(text)]
        return stencil(shape, template: template, templates: templates, paths: { [[]] }) { _, probes in probes[0] }?.filled(with: [text])
    }

    /// `shape`'s stencil, made at the first row of the shape from `paths` (where each text stands)
    /// and `view` (the row with probes in place of its texts).
    private func stencil(_ shape: Shape, template: String, templates: TemplateSet, paths: () -> [[String]],
                         view: @escaping ([[String]], [String]) -> Any) -> Stencil? {
        let key = Kind(template: template, signature: shape.signature)
        let slot: Slot? = lock.withLock {
            if let known = made[key] { return known }
            guard kinds[template, default: 0] < Self.shapesPerTemplate else { return nil }
            kinds[template, default: 0] += 1
            let slot = Slot()
            made[key] = slot
            return slot
        }
        guard let slot else { return nil }
        let stencil: Stencil? = slot.lock.withLock {
            if let known = slot.stencil { return known }
            let paths = paths()
            let stencil = paths.count == shape.texts.count ? Stencil.make(template, templates: templates, paths: paths) { view(paths, $0) } : nil
            slot.stencil = .some(stencil)
            return stencil
        }
        return stencil
    }
}

/// Where a list of rows stands in a filled-in template: its offset in bytes, and whether it stands
/// there byte for byte (placed unescaped, as bytes), so that a row can be found by its length.
struct RowPlacement {
    let rows: FragmentRows
    var offset: Int
    let verbatim: Bool
}
