import Mustache

/// Turns a view model (plain structs, arrays, optionals) into nested `ConvertedView`s (fields by
/// name) once, before rendering. swift-mustache looks every name up with a new `Mirror` per
/// context level, which made reflection most of the build time; converted, each lookup is a hash
/// lookup.
///
/// Leaves (text, numbers, flags) are returned as they are without reflection, and every view lists
/// its own fields through `MustacheFields` (`MustacheFieldsTests` walks the fixture board's views
/// to keep it so); a view without that list would still be read with `Mirror`.
enum MustacheValue {
    static func convert(_ value: Any) -> Any {
        convertPresent(value) ?? (Optional<Any>.none as Any)
    }

    /// Fields as a view lists them; a `nil` field is an `AbsentValue`, as in `Mirror`-read views.
    /// A name listed twice keeps its first place and its last value.
    static func convert(_ fields: KeyValuePairs<String, Any?>) -> ConvertedView {
        var names: [String] = []
        names.reserveCapacity(fields.count)
        var kinds: [ConvertedView.Kind] = []
        kinds.reserveCapacity(fields.count)
        var values: [Any] = []
        values.reserveCapacity(fields.count)
        for (label, value) in fields {
            let converted = value.flatMap(convertPresentWithKind) ?? (AbsentValue(), .absent)
            if let position = names.firstIndex(of: label) {
                kinds[position] = converted.kind
                values[position] = converted.value
            } else {
                names.append(label)
                kinds.append(converted.kind)
                values.append(converted.value)
            }
        }
        return ConvertedView(names: names, kinds: kinds, values: values)
    }

    /// The converted value, or nil for an empty optional.
    ///
    /// Every kind of value that converts without `Mirror` answers one protocol,
    /// `MustacheConvertible`: the runtime scans every conformance record of the program the
    /// first time it checks a type against a protocol, so each protocol asked of each view type
    /// costs a scan, and a short build (the demo board) asks it of every view type once.
    fileprivate static func convertPresent(_ value: Any) -> Any? {
        convertPresentWithKind(value)?.value
    }

    /// `convertPresent`, with what the converted value is as far as the casts that converted it
    /// tell (`ConvertedView.Kind`), so that no one casts it again.
    ///
    /// Texts, flags and numbers are told by their type first: a cast that fails costs the
    /// runtime a look for a bridging conformance, and a view or a list failed three of them
    /// (as a text, a flag, a number) before it was found to be a view; about a third of
    /// converting every view of a build. A value that only casts to one of those (an optional
    /// text, wrapped once more) converts as before, after the views and lists: an optional is
    /// converted as what it holds.
    private static func convertPresentWithKind(_ value: Any) -> (value: Any, kind: ConvertedView.Kind)? {
        let type = Swift.type(of: value)
        if type == String.self, let text = value as? String { return (text, .text) }
        if type == Bool.self, let flag = value as? Bool { return (flag, .flag(flag)) }
        if type == Int.self, let number = value as? Int { return (number, .number(number)) }
        switch value {
        // Converted already: a page's context, converted once for its template and the layout.
        case let view as ConvertedView: return (view, .view)
        case let dictionary as [String: Any]: return (dictionary, .other)
        case let texts as [String]: return (texts, .texts)
        case let convertible as any MustacheConvertible: return convertible.mustacheValue.map { ($0, .unknown) }
        case let text as String: return (text, .text)
        case let flag as Bool: return (flag, .flag(flag))
        case let number as Int: return (number, .number(number))
        default: return reflected(value).map { ($0, .unknown) }
        }
    }

    /// A view that does not list its own fields, read with `Mirror`.
    private static func reflected(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convertPresent($0.value) }
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(Int(mirror.children.count))
            var names: [String] = []
            for child in mirror.children {
                guard let label = child.label else { continue }
                if dictionary.updateValue(convertPresent(child.value) ?? AbsentValue(), forKey: label) == nil { names.append(label) }
            }
            return ConvertedView(dictionary, names: names)
        case .collection:
            return mirror.children.map { convert($0.value) }
        default:
            return value
        }
    }
}

/// A view converted for Mustache: its fields by name. swift-mustache's own look-up in a
/// dictionary is generic over the dictionary's values (metadata look-ups and a boxed result for
/// every name a page prints); this one is compiled for these fields. (A list of pairs gone
/// through by name was cheaper to build but dearer to look in: tried in the thirteenth round.)
final class ConvertedView: MustacheParent, MustacheTransformable, @unchecked Sendable {
    /// The fields by name; nil for a view of a few listed fields (a row of a long list: one of
    /// thousands), whose names are gone through instead (`child(named:)`), which costs less
    /// than hashing them into a dictionary that a row rendered from its stencil never reads.
    private let byName: [String: Any]?
    /// The names of `fields` in a fixed order: as the view lists them (the same for every view of
    /// a type), else sorted. Stencil shapes and fingerprints go through the fields in this order
    /// (a dictionary's own order differs from one dictionary to the next), without sorting the
    /// fields of every view they read.
    let names: [String]
    /// What each field of `names` is, in the same order, when the conversion found it; nil when
    /// not (`kind(at:)` then casts).
    private let kinds: [Kind]?
    /// Each field's value in the order of `names`, when the conversion listed them: stencil
    /// shapes go through every field of every row, and a look-up by name hashes the name.
    private let values: [Any]?

    /// What a converted field is, as stencil shapes read it. Found by the casts that convert a
    /// view: casting a value again costs the runtime a look for bridging conformances whenever the
    /// cast fails (a view or a list asked whether it is a text), for every field of every row.
    enum Kind: Equatable {
        case text, flag(Bool), number(Int), absent, texts, rows, view
        /// Anything else (a list of views, a dictionary).
        case other
        /// Not known from the conversion: found by a cast.
        case unknown

        init(of value: Any) {
            // Views and rows first: asked whether it is a text, a class is looked up for bridging.
            switch value {
            case is ConvertedView: self = .view
            case is FragmentRows: self = .rows
            case is String: self = .text
            case let flag as Bool: self = .flag(flag)
            case let number as Int: self = .number(number)
            case is AbsentValue: self = .absent
            case is [String]: self = .texts
            default: self = .other
            }
        }
    }

    /// At most this many listed fields are looked up by going through their names.
    static let fieldsGoneThrough = 8

    /// - Parameters:
    ///   - names: every key of `fields` once, in the order to go through them; nil sorts them.
    ///   - kinds: what each field of `names` is, in that order, where known.
    init(_ fields: [String: Any], names: [String]? = nil, kinds: [Kind]? = nil) {
        byName = fields
        self.names = names ?? fields.keys.sorted()
        self.kinds = names == nil ? nil : kinds
        values = nil
    }

    /// A view of listed fields: `names` (each once), what each is and its value, in that order.
    init(names: [String], kinds: [Kind], values: [Any]) {
        byName = names.count > Self.fieldsGoneThrough ? Dictionary(uniqueKeysWithValues: zip(names, values)) : nil
        self.names = names
        self.kinds = kinds
        self.values = values
    }

    /// The fields by name.
    var fields: [String: Any] {
        byName ?? Dictionary(uniqueKeysWithValues: zip(names, values ?? []))
    }

    /// The value of the field at `position` of `names`.
    func value(at position: Int) -> Any? {
        if let values { return values[position] }
        return byName?[names[position]]
    }

    /// What the field at `position` of `names` is; `value` is that field's value.
    func kind(at position: Int, value: Any) -> Kind {
        if let kinds, kinds[position] != .unknown { return kinds[position] }
        return Kind(of: value)
    }

    func child(named name: String) -> Any? {
        if let byName { return byName[name] }
        guard let values, let position = names.firstIndex(of: name) else { return nil }
        return values[position]
    }

    /// What swift-mustache offers for a dictionary (`count`, `empty`, `enumerated`, `sorted`).
    func transform(_ name: String) -> Any? { fields.transform(name) }
}

/// swift-mustache asks every value on the context stack, for every name, whether it stands for
/// another (`MustacheCustomRepresentation`), and every section over a value whether it is null
/// (`MustacheCustomRenderable`). The runtime answers "no" for a class in about twice the time of
/// "yes", so a converted view answers "yes", as what it was: itself, printed as its type's name
/// (as `String(describing:)` printed it) and never null.
extension ConvertedView: MustacheCustomRepresentation, MustacheCustomRenderable {
    var representation: Any? { self }
    var renderText: String { Self.typeName }
    var isNull: Bool { false }

    private static let typeName = String(reflecting: ConvertedView.self)
}

/// A view's field without a value (an empty optional). Mustache shows it as a missing name shows:
/// it prints nothing, a section over it is skipped and an inverted one shown. Unlike a missing
/// name it is not looked up in the sections around it: a change without a version in a
/// bijsluiter's list of changes showed the bijsluiter's own version, and every such look-up went
/// through the whole context stack to find nothing.
struct AbsentValue: MustacheCustomRepresentation {
    var representation: Any? { nil }
}

/// A value that converts itself for Mustache; `nil` leaves it out (an empty optional).
protocol MustacheConvertible {
    var mustacheValue: Any? { get }
    /// A list of such values, converted: each value on its own unless the kind says otherwise
    /// (rows become `FragmentRows`).
    static func mustacheList(_ list: [Self]) -> Any
}

extension MustacheConvertible {
    static func mustacheList(_ list: [Self]) -> Any {
        list.map { $0.mustacheValue ?? (Optional<Any>.none as Any) }
    }

    /// `mustacheList` of an array whose elements are of this type.
    fileprivate static func mustacheList(of array: Any) -> Any {
        mustacheList(array as? [Self] ?? [])
    }
}

extension Optional: MustacheConvertible {
    var mustacheValue: Any? { flatMap { MustacheValue.convertPresent($0) } }
}

extension Array: MustacheConvertible {
    /// Converted as its element type converts lists: one question to the runtime per element
    /// type, not one per element or per protocol.
    var mustacheValue: Any? {
        guard let element = Element.self as? any MustacheConvertible.Type else { return map { MustacheValue.convert($0) } }
        return element.mustacheList(of: self)
    }
}

/// A view that lists its own fields for Mustache, so rendering it needs no reflection.
protocol MustacheFields: MustacheConvertible {
    var mustacheFields: KeyValuePairs<String, Any?> { get }
}

extension MustacheFields {
    var mustacheValue: Any? { MustacheValue.convert(mustacheFields) }

    static func mustacheList(_ list: [Self]) -> Any {
        list.map { MustacheValue.convert($0.mustacheFields) as Any }
    }
}

/// A list of fragments (the rows of a long list), which are converted already, and which
/// `ViewFingerprint` reads by their fingerprints without casting each row.
protocol FragmentList {
    /// Each fragment's fingerprint, in order.
    var fingerprints: [ViewFingerprint] { get }
    /// How many fragments there are.
    var count: Int { get }
}

extension Array: FragmentList where Element: ConvertedFragment {
    var fingerprints: [ViewFingerprint] { map { $0.fingerprint } }
}

/// The rows of a long list as a template sees them: a list to go through row by row
/// (`{{#rows}}{{{html}}}{{/rows}}`, with `first()`, `count(rows)` and the other list
/// transforms), and `html`, every row's HTML on a line of its own (`{{{rows.html}}}`).
/// The default theme places lists with `{{{rows.html}}}`: it prints what the row-by-row form on
/// lines of their own prints, without swift-mustache looking `html` up again for each of the
/// thousands of rows (a context, a name split and four dynamic casts per row).
struct FragmentRows: MustacheSequence, MustacheParent, MustacheTransformable {
    /// The rows as values, made only when a template goes through them row by row: the default
    /// theme places the joined `html`, and a list of 2 000 rows would otherwise be gone through
    /// (and each row retained) for nothing.
    private let makeRows: () -> [Any]
    /// The rows' HTML: a text, or, for rows read back from a listing snapshot, bytes that a
    /// stencil places as they are (`filling`), made a text only when a template asks for one.
    private let joined: Stencil.Filling
    /// Each row's identity and the length of its HTML in `joined`, in order (rows are joined with
    /// one line break): made only when a build notes where rows stand in its files (`ListingPlaces`).
    let placedRows: () -> [(row: ObjectIdentifier, length: Int, date: String?)]

    init<Fragment: ConvertedFragment>(_ fragments: [Fragment], html: String) {
        self.init(fragments, joined: .text(html))
    }

    private init<Fragment: ConvertedFragment>(_ fragments: [Fragment], joined: Stencil.Filling) {
        makeRows = { fragments.map { $0 as Any } }
        placedRows = {
            // A change's date (the change list and the feed are sorted by it), looked for in lists of them alone.
            guard fragments.first is any DatedFragment else { return fragments.map { (ObjectIdentifier($0), $0.htmlLength, nil) } }
            return fragments.map { (ObjectIdentifier($0), $0.htmlLength, ($0 as? any DatedFragment)?.listDate) }
        }
        self.joined = joined
    }

    /// Every row's HTML on a line of its own.
    var html: String { joined.string }

    /// `html` as a stencil fills it in.
    var filling: Stencil.Filling { joined }

    var rows: [Any] { makeRows() }

    /// A non-empty list as `FragmentRows`; an empty one as an empty array, which an inverted
    /// section (`{{^rows}}`) pushes as a context without names, exactly as before.
    static func converted<Fragment: ConvertedFragment>(_ fragments: [Fragment]) -> Any {
        guard !fragments.isEmpty else { return [Any]() }
        // Rows not rendered yet (every row of a first build, a changed product's after an edit)
        // are rendered on all cores first: the feed and the product list have thousands. Rows
        // kept from an earlier build are only read.
        // One look at each row, which this generic code asks through its witness table; by
        // index, as `enumerated()` would look up the metadata of its tuples for every row.
        var anyKept = false
        var unrendered: [Int] = []
        for index in fragments.indices {
            if fragments[index].keptSource != nil { anyKept = true } else if !fragments[index].isRendered { unrendered.append(index) }
        }
        let made = (try? Parallel.map(unrendered, minimumBatch: 64) { fragments[$0].html }) ?? []
        if anyKept {
            return FragmentRows(fragments, joined: .html(HTMLText(validUTF8: joinedKept(fragments))))
        }
        // Rows all rendered just now (every list of a one-off build) are joined as rendered.
        if made.count == fragments.count { return FragmentRows(fragments, html: made.joined(separator: "\n")) }
        // A closure, not the key path `\.html`: in this generic function the key path was made
        // anew on every call (once per list of every page).
        return FragmentRows(fragments, html: fragments.map { $0.html }.joined(separator: "\n"))
    }

    /// Every row's HTML on a line of its own, as bytes, where rows read back from a listing
    /// snapshot are copied from its bytes, without a text of their own each (a patch build's
    /// lists hold thousands of them), and taken once for the list, not once per row. Valid UTF-8:
    /// texts, and the snapshot's bytes of texts, checked against their digest when read. Made a
    /// text, 6 MB of lists were checked again, character by character (about 5 ms).
    private static func joinedKept<Fragment: ConvertedFragment>(_ fragments: [Fragment]) -> [UInt8] {
        var readings: [KeptValueCoding.Reading] = []
        var parts: [JoinedPart] = []
        parts.reserveCapacity(fragments.count)
        var count = fragments.count - 1
        for fragment in fragments {
            if let source = fragment.keptSource {
                let reading = readings.lastIndex { $0 === source.reading } ?? {
                    readings.append(source.reading)
                    return readings.count - 1
                }()
                parts.append(.kept(reading: reading, range: source.html))
                count += source.html.count
            } else {
                let html = fragment.html
                parts.append(.text(html))
                count += html.utf8.count
            }
        }
        let sources = readings.map(\.bytes)
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, written in
            guard let target = buffer.baseAddress else { return }
            var at = 0
            func put(_ bytes: UnsafeRawBufferPointer) {
                guard let start = bytes.baseAddress, bytes.count > 0 else { return }
                UnsafeMutableRawPointer(target + at).copyMemory(from: start, byteCount: bytes.count)
                at += bytes.count
            }
            /// The rows, with the bytes of the one reading they come from (`only`), if there is one.
            func fill(only: UnsafeRawBufferPointer?) {
                for (index, part) in parts.enumerated() {
                    if index > 0 {
                        target[at] = UInt8(ascii: "\n")
                        at += 1
                    }
                    switch part {
                    case .kept(let reading, let range):
                        if let only { put(UnsafeRawBufferPointer(rebasing: only[range])) } else {
                            sources[reading].withUnsafeBytes { put(UnsafeRawBufferPointer(rebasing: $0[range])) }
                        }
                    case .text(var text):
                        text.withUTF8 { put(UnsafeRawBufferPointer($0)) }
                    }
                }
            }
            if sources.count == 1 { sources[0].withUnsafeBytes { fill(only: $0) } } else { fill(only: nil) }
            written = at
        }
    }

    /// A row of `joinedKept`: its HTML's place in the bytes of the reading at `reading`, or a text of its own.
    private enum JoinedPart { case kept(reading: Int, range: Range<Int>), text(String) }

    func makeIterator() -> IndexingIterator<[Any]> { rows.makeIterator() }

    func child(named name: String) -> Any? { name == "html" ? html : nil }

    func transform(_ name: String) -> Any? { rows.transform(name) }
}

/// Texts and numbers print as themselves. swift-mustache prints any other value through
/// `String(describing:)`, after asking the runtime whether it is a lambda or an optional: three
/// dynamic casts more for each of the hundreds of names a page prints.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension Int: @retroactive MustacheCustomRenderable {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
}

/// A text has no names. A section over a text (`{{#verwerkerAdres}}, {{verwerkerAdres}}{{/verwerkerAdres}}`)
/// puts the text on the context stack, and swift-mustache reads a value that is not a
/// `MustacheParent` with a new `Mirror` for every name looked up past it, to find nothing.
extension String: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}
