// libyaml as Yams bundles and builds it (Yams' own `CYaml` module): the same scanner and parser
// that `Yams.compose` reads, so a document reads the same either way.
import CYaml

/// Composes a `YNode` tree straight from libyaml's events, for the plain documents content is
/// written as: no anchors or aliases, every key a text and written once, one document.
///
/// `Yams.compose` builds its own node tree first (with resolved tags, and a check for repeated
/// keys that hashes every key node), and `YAMLTree` then converts that tree: together about half
/// of the time of `inzage check`. Reading the events directly gives the same tree for these
/// documents at a fraction of the cost. Anything else — a syntax error, an anchor or alias, a key
/// that is a list or written twice, a second document — returns nil before any diagnostic, and
/// `YAMLTree` reads the document through Yams as before, with the same Dutch diagnostics.
/// `YAMLEventComposerTests` holds both readings to the same trees.
enum YAMLEventComposer {
    /// The document's tree (`.some(nil)` for a document without any node), or nil when Yams must
    /// read it.
    static func compose(_ yaml: String, file: String, lineOffset: Int) -> YNode?? {
        var bytes = yaml
        return bytes.withUTF8 { buffer -> YNode?? in
            guard let base = buffer.baseAddress, let events = Events(base, count: buffer.count) else { return nil }
            var composer = Composer(events: events, file: file, lineOffset: lineOffset, yaml: yaml)
            do {
                return .some(try composer.document())
            } catch {
                return nil
            }
        }
    }

    /// Yams is needed: the reason is not kept, Yams finds it again.
    private struct NeedsYams: Error {}

    /// libyaml's parser over a UTF-8 buffer, one event at a time.
    private final class Events {
        private let parser: UnsafeMutablePointer<yaml_parser_t>
        /// The current event, valid after `next()` returned. Held in memory of its own, not in a
        /// stored property: every read of a class's stored property, and every pass of it to C,
        /// is checked at run time for overlapping access (about 1 % of a build of 2 000 bijsluiters).
        private let current: UnsafeMutablePointer<yaml_event_t>
        private let holdsEvent: UnsafeMutablePointer<Bool>

        init?(_ base: UnsafePointer<UInt8>, count: Int) {
            parser = .allocate(capacity: 1)
            guard yaml_parser_initialize(parser) == 1 else {
                parser.deallocate()
                return nil
            }
            current = .allocate(capacity: 1)
            current.initialize(to: yaml_event_t())
            holdsEvent = .allocate(capacity: 1)
            holdsEvent.initialize(to: false)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, base, count)
        }

        deinit {
            if holdsEvent.pointee { yaml_event_delete(current) }
            yaml_parser_delete(parser)
            parser.deallocate()
            current.deallocate()
            holdsEvent.deallocate()
        }

        /// Moves to the next event; throws on a syntax error.
        func next() throws(NeedsYams) {
            if holdsEvent.pointee {
                yaml_event_delete(current)
                holdsEvent.pointee = false
            }
            guard yaml_parser_parse(parser, current) == 1 else { throw NeedsYams() }
            holdsEvent.pointee = true
        }

        /// The current event.
        var event: yaml_event_t { current.pointee }

        var type: yaml_event_type_t { current.pointee.type }
    }

    private struct Composer {
        let events: Events
        let file: String
        let lineOffset: Int
        let yaml: String

        /// At most this many keys of a mapping are gone through to find a key written twice.
        static let keysGoneThrough = 12

        /// The stream as `Parser.singleRoot()` reads it.
        mutating func document() throws(NeedsYams) -> YNode? {
            try events.next()  // stream start
            try events.next()
            guard events.type != YAML_STREAM_END_EVENT else { return nil }
            try events.next()  // the root node
            let root = try node()
            try events.next()  // document end
            try events.next()
            guard events.type == YAML_STREAM_END_EVENT else { throw NeedsYams() }
            return root
        }

        /// Where an event starts, as Yams marks it (1-based), in the file.
        private func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + 1 + lineOffset, column: mark.column + 1)
        }

        /// The node that starts at the current event.
        private mutating func node() throws(NeedsYams) -> YNode {
            let event = events.event
            let location = location(event.start_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                return .scalar(try scalar(event, at: location))
            case YAML_SEQUENCE_START_EVENT:
                guard event.data.sequence_start.anchor == nil else { throw NeedsYams() }
                var items: [YNode] = []
                while true {
                    try events.next()
                    if events.type == YAML_SEQUENCE_END_EVENT { break }
                    items.append(try node())
                }
                return .sequence(items, location)
            case YAML_MAPPING_START_EVENT:
                guard event.data.mapping_start.anchor == nil else { throw NeedsYams() }
                var pairs: [YPair] = []
                // Keys seen so far: gone through while few (most mappings hold a handful, and
                // hashing each key cost more), in a set once there are more.
                var keys = Set<String>()
                while true {
                    try events.next()
                    if events.type == YAML_MAPPING_END_EVENT { break }
                    let keyEvent = events.event
                    guard keyEvent.type == YAML_SCALAR_EVENT else { throw NeedsYams() }
                    let keyLocation = self.location(keyEvent.start_mark)
                    let key = try scalar(keyEvent, at: keyLocation).text
                    // Written twice: Yams decides (by text and tag) whether the whole document fails.
                    if pairs.count < Self.keysGoneThrough {
                        guard !pairs.contains(where: { $0.key.text == key }) else { throw NeedsYams() }
                    } else {
                        if keys.isEmpty { keys = Set(pairs.map(\.key.text)) }
                        guard keys.insert(key).inserted else { throw NeedsYams() }
                    }
                    try events.next()
                    let value = try node()
                    pairs.append(YPair(key: YScalar(text: key, quoted: false, location: keyLocation, textStart: keyLocation), value: value))
                }
                return .mapping(pairs, location)
            default:
                // An alias.
                throw NeedsYams()
            }
        }

        private func scalar(_ event: yaml_event_t, at location: SourceLocation) throws(NeedsYams) -> YScalar {
            let data = event.data.scalar
            guard data.anchor == nil else { throw NeedsYams() }
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let style: YAMLTree.ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .quoted
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
            default: style = .plain
            }
            return YScalar(text: text, quoted: style != .plain, location: location,
                           textStart: YAMLTree.textStart(style: style, at: location, lineOffset: lineOffset, yaml: yaml))
        }
    }
}
