/// The values a product keeps for the lists (`FileFragments`: its sort keys, its schools, its
/// rows), written to a listing snapshot (`ListingSnapshot`) and read back as the very values the
/// pages made: each row with its view, its row template's name and its rendered HTML.
///
/// Only the kinds of value listed here are written. A product that keeps a value of any other
/// type cannot be written, and a build then keeps no snapshot: a kind of value added to the lists
/// later is never read back as something else.
enum KeptValueCoding {
    /// What reading needs besides the bytes: the snapshot's bytes themselves (a row's view and HTML
    /// are read from them when first asked for), the theme the rows render with, the cells of the
    /// matrix, which every product shares (`SiteContext.sharedFragment`), and where a row that
    /// cannot be read is noted (the pages that showed it are then abandoned).
    final class Reading: @unchecked Sendable {
        let bytes: [UInt8]
        let templates: TemplateSet
        let misses: FileFragments.Misses
        private let lock = PThreadMutex()
        private var cells: [ViewFragment<BijsluitersView.Cell>?] = [nil, nil]
        private var cellTexts: [String?] = [nil, nil]
        private var cellTemplates: [String?] = [nil, nil]
        /// Texts read many times over (the kinds of values, the row templates' names), with their
        /// bytes: learnt before the values are read on all cores (`learnNames`), read without a lock.
        private var names: [(bytes: [UInt8], text: String)] = []
        private var learning = false

        init(bytes: [UInt8], templates: TemplateSet, misses: FileFragments.Misses) {
            self.bytes = bytes
            self.templates = templates
            self.misses = misses
        }

        func template(_ name: String) -> RowTemplate {
            RowTemplate(templates: templates, name: name)
        }

        /// Learns the names `read` reads (on this thread alone), so that reading them again on any
        /// core makes no new text.
        func learnNames(_ read: () throws -> Void) rethrows {
            learning = true
            defer { learning = false }
            try read()
        }

        /// A text of a few kinds that recur (a value's kind, a row template's name).
        func name(_ reader: inout ByteReader) throws -> String {
            let range = try reader.part()
            for name in names where ByteReader.equal(bytes, at: range, name.bytes) { return name.text }
            guard let text = ByteReader.text(bytes, at: range) else { throw ByteReader.Malformed() }
            if learning { names.append((Array(bytes[range]), text)) }
            return text
        }

        /// One fragment for each cell alike, rendered when first asked for, as the site shares them.
        func cell(_ view: BijsluitersView.Cell, template: String) -> ViewFragment<BijsluitersView.Cell> {
            let slot = view.verwerkt ? 1 : 0
            return lock.withLock {
                if let made = cells[slot], cellTexts[slot] == view.tekst, cellTemplates[slot] == template { return made }
                let made = ViewFragment(view, kept: false, template: self.template(template))
                // The last cell of each kind is kept: the matrix has two cells.
                cells[slot] = made
                cellTexts[slot] = view.tekst
                cellTemplates[slot] = template
                return made
            }
        }

        /// The text at `range`, or an empty one, noted as a miss, when the bytes are no UTF-8.
        func text(_ range: Range<Int>) -> String {
            if let text = ByteReader.text(bytes, at: range) { return text }
            misses.note("html")
            return ""
        }

        /// The view at `range`; when it cannot be read, a blank one, noted as a miss. `View` is one
        /// of the kept views (`KeptView`), which only `KeptValueCoding` reads back.
        func view<View>(_ type: View.Type, at range: Range<Int>) -> View {
            guard let kept = View.self as? any KeptView.Type else { preconditionFailure("no kept view: \(View.self)") }
            var reader = ByteReader(bytes, from: range.lowerBound, to: range.upperBound)
            if let view = try? kept.init(from: &reader, self) as? View, reader.isAtEnd { return view }
            misses.note("view")
            return kept.blank as! View
        }
    }

    /// The types, each by a byte of its own.
    private enum Tag: UInt8 {
        case nameKey = 1, indices, productRow, matrixRow, ontvanger, doorgifte, changes, feedEntries, sitemapEntry
    }

    /// Writes `value`; false (and nothing written) for a type this file does not know.
    /// Found by the value's type itself (`writersByType`) when it is one of the types the lists
    /// keep: the casts below look through the types one by one (an array cast element by element),
    /// which took a full build of 2 000 bijsluiters about 20 ms of CPU. Both write the same bytes.
    static func write(_ value: Any, to writer: inout ByteWriter) -> Bool {
        if let write = writersByType[ObjectIdentifier(type(of: value))] { return write(value, &writer) }
        return writeByCast(value, to: &writer)
    }

    /// `write` by casts, in this order (an empty list of rows is written as an empty list of
    /// indices, and a missing row of either kind as a missing recipient, as the first cast that
    /// takes it).
    static func writeByCast(_ value: Any, to writer: inout ByteWriter) -> Bool {
        switch value {
        case let key as NameKey:
            writer.raw([Tag.nameKey.rawValue])
            writer.text(key.key)
            writer.text(key.exact)
        case let indices as [Int]:
            guard indices.allSatisfy({ $0 >= 0 }) else { return false }
            writer.raw([Tag.indices.rawValue])
            writer.number(indices.count)
            for index in indices { writer.number(index) }
        case let row as ViewFragment<BijsluitersView.Row>:
            writer.raw([Tag.productRow.rawValue])
            write(row, to: &writer)
        case let row as ViewFragment<BijsluitersView.MatrixRow>:
            writer.raw([Tag.matrixRow.rawValue])
            write(row, to: &writer)
        // An optional row: a missing one of either kind reads back as nil of the kind asked for.
        case let row as ViewFragment<PrivacyverklaringView.OntvangerRow>?:
            writer.raw([Tag.ontvanger.rawValue])
            writer.flag(row != nil)
            if let row { write(row, to: &writer) }
        case let row as ViewFragment<PrivacyverklaringView.DoorgifteRow>?:
            writer.raw([Tag.doorgifte.rawValue])
            writer.flag(row != nil)
            if let row { write(row, to: &writer) }
        case let row as ViewFragment<SitemapView.URLEntry>:
            writer.raw([Tag.sitemapEntry.rawValue])
            write(row, to: &writer)
        case let rows as [ViewFragment<ChangeView>]:
            writer.raw([Tag.changes.rawValue])
            writer.number(rows.count)
            for row in rows { writeDated(row, to: &writer) }
        case let rows as [ViewFragment<FeedView.Entry>]:
            writer.raw([Tag.feedEntries.rawValue])
            writer.number(rows.count)
            for row in rows { writeDated(row, to: &writer) }
        default:
            return false
        }
        return true
    }

    /// How `write` writes a value of each type the lists keep, as `writeByCast` does. Each is
    /// asked only for a value of its very type (found by its identity), so its cast cannot fail.
    private static let writersByType: [ObjectIdentifier: @Sendable (Any, inout ByteWriter) -> Bool] = {
        typealias Writer = @Sendable (Any, inout ByteWriter) -> Bool
        func one<View: KeptView>(_: View.Type, _ tag: Tag) -> (ObjectIdentifier, Writer) {
            (ObjectIdentifier(ViewFragment<View>.self), { value, writer in
                writer.raw([tag.rawValue])
                write(value as! ViewFragment<View>, to: &writer)
                return true
            })
        }
        func optional<View: KeptView>(_: View.Type, _ tag: Tag) -> (ObjectIdentifier, Writer) {
            (ObjectIdentifier(Optional<ViewFragment<View>>.self), { value, writer in
                let row = value as! ViewFragment<View>?
                // A missing row of either kind is taken by the first optional cast.
                writer.raw([row == nil ? Tag.ontvanger.rawValue : tag.rawValue])
                writer.flag(row != nil)
                if let row { write(row, to: &writer) }
                return true
            })
        }
        func dated<View: ListedChange & KeptView>(_: View.Type, _ tag: Tag) -> (ObjectIdentifier, Writer) {
            (ObjectIdentifier([ViewFragment<View>].self), { value, writer in
                let rows = value as! [ViewFragment<View>]
                // An empty list is taken by the cast to a list of indices.
                guard !rows.isEmpty else { return writeByCast([Int](), to: &writer) }
                writer.raw([tag.rawValue])
                writer.number(rows.count)
                for row in rows { writeDated(row, to: &writer) }
                return true
            })
        }
        let byCast: Writer = { value, writer in writeByCast(value, to: &writer) }
        return Dictionary(uniqueKeysWithValues: [
            (ObjectIdentifier(NameKey.self), byCast), (ObjectIdentifier([Int].self), byCast),
            one(BijsluitersView.Row.self, .productRow), one(BijsluitersView.MatrixRow.self, .matrixRow),
            one(SitemapView.URLEntry.self, .sitemapEntry),
            optional(PrivacyverklaringView.OntvangerRow.self, .ontvanger), optional(PrivacyverklaringView.DoorgifteRow.self, .doorgifte),
            dated(ChangeView.self, .changes), dated(FeedView.Entry.self, .feedEntries),
        ])
    }()

    /// A row of a kept value, as the listing pages place it (`ListingPlaces`): the fragment, its
    /// row template's name, and its date for a change or feed entry.
    struct KeptRow {
        let fragment: any ConvertedFragment
        let template: String
        let date: String?
        var html: String { fragment.html }
    }

    /// The rows of a kept value in order: none for a sort key or a list of schools; nil for a type
    /// `write` does not know. Found by the value's type itself, without a cast that may fail: an
    /// array cast to another kind of array is checked element by element, and a build notes the
    /// rows of 20 000 values (`ListingPlaces`).
    static func fragments(in value: Any) -> [any ConvertedFragment]? {
        rowsByType[ObjectIdentifier(type(of: value))]?(value)
    }

    /// How `fragments(in:)` takes the rows out of a value of each type `write` knows (an optional
    /// row of either kind may be nil of the other: see `write`). Each is asked only for a value of
    /// its very type (found by its identity), so its cast cannot fail.
    private static let rowsByType: [ObjectIdentifier: @Sendable (Any) -> [any ConvertedFragment]] = {
        func one<View: KeptView>(_: View.Type) -> (ObjectIdentifier, @Sendable (Any) -> [any ConvertedFragment]) {
            (ObjectIdentifier(ViewFragment<View>.self), { [$0 as! ViewFragment<View>] })
        }
        func optional<View: KeptView>(_: View.Type) -> (ObjectIdentifier, @Sendable (Any) -> [any ConvertedFragment]) {
            (ObjectIdentifier(Optional<ViewFragment<View>>.self), { ($0 as! ViewFragment<View>?).map { [$0] } ?? [] })
        }
        func list<View: KeptView>(_: View.Type) -> (ObjectIdentifier, @Sendable (Any) -> [any ConvertedFragment]) {
            (ObjectIdentifier([ViewFragment<View>].self), { $0 as! [ViewFragment<View>] })
        }
        let none: @Sendable (Any) -> [any ConvertedFragment] = { _ in [] }
        return Dictionary(uniqueKeysWithValues: [
            (ObjectIdentifier(NameKey.self), none), (ObjectIdentifier([Int].self), none),
            one(BijsluitersView.Row.self), one(BijsluitersView.MatrixRow.self), one(SitemapView.URLEntry.self),
            optional(PrivacyverklaringView.OntvangerRow.self), optional(PrivacyverklaringView.DoorgifteRow.self),
            list(ChangeView.self), list(FeedView.Entry.self),
        ])
    }()

    /// Whether `value` is a list of rows sorted by date in the lists (a product's changes, as the
    /// change list or the feed shows them).
    static func isDatedList(_ value: Any) -> Bool {
        let type = ObjectIdentifier(Swift.type(of: value))
        return type == ObjectIdentifier([ViewFragment<ChangeView>].self) || type == ObjectIdentifier([ViewFragment<FeedView.Entry>].self)
    }

    /// `fragments(in:)` with each row's template and date.
    static func rows(in value: Any) -> [KeptRow]? {
        fragments(in: value)?.map { fragment in
            switch fragment {
            case let change as ViewFragment<ChangeView>:
                KeptRow(fragment: change, template: change.templateName, date: change.keptSource?.listDate ?? change.view.listDate)
            case let entry as ViewFragment<FeedView.Entry>:
                KeptRow(fragment: entry, template: entry.templateName, date: entry.keptSource?.listDate ?? entry.view.listDate)
            default:
                KeptRow(fragment: fragment, template: fragment.templateName, date: nil)
            }
        }
    }

    /// Whether the lists see `old` and `new` (values of one kind) alike but for their rows' HTML
    /// and views: equal sort keys and lists of schools, and rows alike in number, row template and
    /// date (a missing optional row is no row: it is written as one kind of nil). Where two such
    /// values stand in the lists, and what the pages around the rows show, is then the same
    /// (`SiteBuilder.splicedListing`).
    static func sameForLists(_ old: Any, _ new: Any) -> Bool {
        switch (old, new) {
        case (let old as NameKey, let new as NameKey): return old.key == new.key && old.exact == new.exact
        case (let old as [Int], let new as [Int]): return old == new
        case (is NameKey, _), (_, is NameKey), (is [Int], _), (_, is [Int]): return false
        default: break
        }
        guard let oldRows = rows(in: old), let newRows = rows(in: new), oldRows.count == newRows.count else { return false }
        return zip(oldRows, newRows).allSatisfy { $0.template == $1.template && $0.date == $1.date }
    }

    /// A value `write` wrote, of the very type it had (an optional row as an optional). Rows are
    /// read with their HTML and view left in the bytes until asked for; a change's date, which the
    /// change list and the feed sort by, is read now.
    static func read(from reader: inout ByteReader, _ reading: Reading) throws -> Any {
        guard let tag = Tag(rawValue: UInt8(try reader.number())) else { throw ByteReader.Malformed() }
        switch tag {
        case .nameKey:
            return NameKey(key: try reader.text(), exact: try reader.text())
        case .indices:
            let count = try reader.number()
            var indices: [Int] = []
            for _ in 0..<count { indices.append(try reader.number()) }
            return indices
        case .productRow:
            return try fragment(BijsluitersView.Row.self, from: &reader, reading)
        case .matrixRow:
            return try fragment(BijsluitersView.MatrixRow.self, from: &reader, reading)
        case .ontvanger:
            let row: ViewFragment<PrivacyverklaringView.OntvangerRow>? = try reader.flag() ? try fragment(PrivacyverklaringView.OntvangerRow.self, from: &reader, reading) : nil
            return row as Any
        case .doorgifte:
            let row: ViewFragment<PrivacyverklaringView.DoorgifteRow>? = try reader.flag() ? try fragment(PrivacyverklaringView.DoorgifteRow.self, from: &reader, reading) : nil
            return row as Any
        case .sitemapEntry:
            return try fragment(SitemapView.URLEntry.self, from: &reader, reading)
        case .changes:
            let count = try reader.number()
            return try (0..<count).map { _ in try dated(ChangeView.self, from: &reader, reading) }
        case .feedEntries:
            let count = try reader.number()
            return try (0..<count).map { _ in try dated(FeedView.Entry.self, from: &reader, reading) }
        }
    }

    /// A row: its row template's name, its HTML (rendered now if it was not yet) and its view.
    private static func write<View: KeptView>(_ fragment: ViewFragment<View>, to writer: inout ByteWriter) {
        writer.text(fragment.templateName)
        writer.text(fragment.html)
        var view = ByteWriter()
        fragment.view.write(to: &view)
        writer.number(view.bytes.count)
        writer.raw(view.bytes)
    }

    /// A change's row: its date (the lists sort by it), then the row.
    private static func writeDated<View: ListedChange & KeptView>(_ fragment: ViewFragment<View>, to writer: inout ByteWriter) {
        writer.text(fragment.view.listDate)
        write(fragment, to: &writer)
    }

    private static func fragment<View: KeptView>(_ type: View.Type, from reader: inout ByteReader, _ reading: Reading,
                                                 listDate: String? = nil) throws -> ViewFragment<View> {
        let template = try reading.name(&reader)
        let html = try reader.part(), view = try reader.part()
        let source = KeptFragmentSource(reading: reading, html: html, view: view, listDate: listDate)
        return ViewFragment(kept: source, template: reading.template(template))
    }

    private static func dated<View: ListedChange & KeptView>(_ type: View.Type, from reader: inout ByteReader, _ reading: Reading) throws -> ViewFragment<View> {
        let date = try reader.text()
        return try fragment(View.self, from: &reader, reading, listDate: date)
    }
}

/// A row's view that a listing snapshot keeps (`KeptValueCoding`): written field by field.
protocol KeptView: MustacheFields {
    func write(to writer: inout ByteWriter)
    init(from reader: inout ByteReader, _ reading: KeptValueCoding.Reading) throws
    /// A view of empty texts, read back in place of one that could not be read (which is noted,
    /// so the pages that show it are abandoned).
    static var blank: Self { get }
}

extension BijsluitersView.Row: KeptView {
    static var blank: Self { .init(product: "", href: "", verwerker: "", soort: "", bijzonder: "", buitenEER: "", versie: "") }

    func write(to writer: inout ByteWriter) {
        for field in [product, href, verwerker, soort, bijzonder, buitenEER, versie] { writer.text(field) }
    }

    init(from reader: inout ByteReader, _ reading: KeptValueCoding.Reading) throws {
        self.init(product: try reader.text(), href: try reader.text(), verwerker: try reader.text(), soort: try reader.text(),
                  bijzonder: try reader.text(), buitenEER: try reader.text(), versie: try reader.text())
    }
}

extension BijsluitersView.MatrixRow: KeptView {
    static var blank: Self { .init(product: "", href: "", cellen: []) }

    /// The cells by their views and row template: every product shares them.
    func write(to writer: inout ByteWriter) {
        writer.text(product)
        writer.text(href)
        writer.number(cellen.count)
        for cell in cellen {
            writer.flag(cell.view.verwerkt)
            writer.text(cell.view.tekst)
            writer.text(cell.templateName)
        }
    }

    init(from reader: inout ByteReader, _ reading: KeptValueCoding.Reading) throws {
        let product = try reader.text(), href = try reader.text()
        let count = try reader.number()
        var cellen: [ViewFragment<BijsluitersView.Cell>] = []
        for _ in 0..<count {
            let view = BijsluitersView.Cell(verwerkt: try reader.flag(), tekst: try reader.text())
            cellen.append(reading.cell(view, template: try reading.name(&reader)))
        }
        self.init(product: product, href: href, cellen: cellen)
    }
}

extension PrivacyverklaringView.OntvangerRow: KeptView {
    static var blank: Self { .init(naam: "", reden: "", href: nil) }

    func write(to writer: inout ByteWriter) {
        writer.text(naam)
        writer.text(reden)
        writer.optionalText(href)
    }

    init(from reader: inout ByteReader, _ reading: KeptValueCoding.Reading) throws {
        self.init(naam: try reader.text(), reden: try reader.text(), href: try reader.optionalText())
    }
}

extension PrivacyverklaringView.DoorgifteRow: KeptView {
    static var blank: Self { .init(product: "", href: "", verwerker: "", landen: "", waarborg: "", toelichting: nil) }

    func write(to writer: inout ByteWriter) {
        for field in [product, href, verwerker, landen, waarborg] { writer.text(field) }
        writer.optionalText(toelichting)
    }

    init(from reader: inout ByteReader, _ reading: KeptValueCoding.Reading) throws {
        self.init(product: try reader.text(), href: try reader.text(), verwerker: try reader.text(), landen: try reader.text(),
                  waarborg: try reader.text(), toelichting: try reader.optionalText())
    }
}

extension ChangeView: KeptView {
    static var blank: Self { .init(document: nil, documentHref: nil, versie: nil, datum: nil, samenvatting: "") }

    func write(to writer: inout ByteWriter) {
        writer.optionalText(document)
        writer.optionalText(documentHref)
        writer.optionalText(versie)
        writer.flag(datum != nil)
        if let datum {
            writer.text(datum.iso)
            writer.text(datum.dutch)
        }
        writer.text(samenvatting)
    }

    init(from reader: inout ByteReader, _ reading: KeptValueCoding.Reading) throws {
        let document = try reader.optionalText(), documentHref = try reader.optionalText(), versie = try reader.optionalText()
        let datum = try reader.flag() ? DateView(iso: try reader.text(), dutch: try reader.text()) : nil
        self.init(document: document, documentHref: documentHref, versie: versie, datum: datum, samenvatting: try reader.text())
    }
}

extension FeedView.Entry: KeptView {
    static var blank: Self { .init(id: "", title: "", link: "", updated: "", summary: "", date: "") }

    func write(to writer: inout ByteWriter) {
        for field in [id, title, link, updated, summary, date] { writer.text(field) }
    }

    init(from reader: inout ByteReader, _ reading: KeptValueCoding.Reading) throws {
        self.init(id: try reader.text(), title: try reader.text(), link: try reader.text(), updated: try reader.text(),
                  summary: try reader.text(), date: try reader.text())
    }
}

extension SitemapView.URLEntry: KeptView {
    static var blank: Self { .init(loc: "", lastmod: nil) }

    func write(to writer: inout ByteWriter) {
        writer.text(loc)
        writer.optionalText(lastmod)
    }

    init(from reader: inout ByteReader, _ reading: KeptValueCoding.Reading) throws {
        self.init(loc: try reader.text(), lastmod: try reader.optionalText())
    }
}
