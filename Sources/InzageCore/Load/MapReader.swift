/// Decodes one YAML mapping by schema: only the allowed keys, each read as the type the
/// schema wants, with a Dutch diagnostic for every key or value that does not fit.
final class MapReader {
    let pairs: [YPair]
    let location: SourceLocation
    let sink: DiagnosticSink
    /// How the map is named in messages, e.g. "fg" or "verwerker.adres".
    let context: String

    /// Reads `node` as a map; reports a type error and returns nil when it is not one.
    init?(_ node: YNode?, allowed: [String], context: String, sink: DiagnosticSink) {
        guard let node else { return nil }
        guard case .mapping(let pairs, let location) = node else {
            if case .scalar(let s) = node, s.isNull { return nil }
            if context.isEmpty {
                sink.error("YAML-TYPE", at: node.location,
                           "dit bestand moet een map met sleutels zijn ('sleutel: waarde'), maar is \(node.shapeName)",
                           hint: "schrijf elke gegevensregel als 'sleutel: waarde', zonder '- ' ervoor")
            } else {
                sink.error("YAML-TYPE", at: node.location,
                           "'\(context)' moet een map met sleutels zijn, maar is \(node.shapeName)",
                           hint: "schrijf elke gegevensregel als 'sleutel: waarde', ingesprongen onder '\(context)'")
            }
            return nil
        }
        self.pairs = pairs
        self.location = location
        self.sink = sink
        self.context = context
        for pair in pairs where !allowed.contains(pair.key.text) {
            let where_ = context.isEmpty ? "" : " in '\(context)'"
            if pair.key.text.contains(" "), pair.key.location.line == location.line {
                // `{ a: Tot uw vraag is afgehandeld, daarna ... }`: the comma ended the text early.
                sink.error("KEY-UNKNOWN", at: pair.key.location, "'\(pair.key.text)' is geen sleutel\(where_); staat er een komma in een tekst tussen { }?",
                           hint: "zet tekst met een komma tussen aanhalingstekens, bijvoorbeeld: bewaartermijn: \"Tot uw vraag is afgehandeld, daarna zes maanden.\"")
                continue
            }
            if let suggestion = EditDistance.suggestion(for: pair.key.text, among: allowed) {
                sink.error("KEY-UNKNOWN", at: pair.key.location,
                           "onbekende sleutel '\(pair.key.text)'\(where_); bedoelde u '\(suggestion)'?",
                           hint: "een verkeerd gespelde sleutel wordt niet gelezen; toegestaan: \(allowed.joined(separator: ", "))")
            } else {
                sink.error("KEY-UNKNOWN", at: pair.key.location, "onbekende sleutel '\(pair.key.text)'\(where_)",
                           hint: "toegestaan: \(allowed.joined(separator: ", "))")
            }
        }
    }

    /// The place to report a missing key: the last key written in this map, or the map itself.
    var endLocation: SourceLocation { pairs.last?.key.location ?? location }

    func node(_ key: String) -> YNode? { pairs.first { $0.key.text == key }?.value }

    func keyLocation(_ key: String) -> SourceLocation? { pairs.first { $0.key.text == key }?.key.location }

    func has(_ key: String) -> Bool { pairs.contains { $0.key.text == key } }

    private func name(_ key: String) -> String { context.isEmpty ? key : "\(context).\(key)" }

    /// A text value kept exactly as written; an empty value gives an empty text at the key.
    func text(_ key: String) -> Located<String>? {
        guard let node = node(key) else { return nil }
        return Self.text(node, name: name(key), sink: sink)
    }

    static func text(_ node: YNode, name: String, sink: DiagnosticSink) -> Located<String>? {
        switch node {
        case .scalar(let s):
            let value = s.isNull ? "" : s.text.trimmedWhitespace
            return Located(value, at: s.location)
        default:
            sink.error("YAML-TYPE", at: node.location, "'\(name)' moet een tekst zijn, maar is \(node.shapeName)",
                       hint: "schrijf één tekst achter de dubbele punt; zet tekst met [ ] of { } tussen aanhalingstekens")
            return nil
        }
    }

    /// `true/false/ja/nee` as a yes/no value.
    func bool(_ key: String) -> Located<Bool>? {
        guard let value = text(key) else { return nil }
        switch value.value.lowercased() {
        case "true", "ja", "yes": return value.map { _ in true }
        case "false", "nee", "no": return value.map { _ in false }
        default:
            sink.error("VALUE", at: value.location, "'\(name(key))' moet ja of nee zijn (true of false), niet '\(value.value)'",
                       hint: "schrijf true of false")
            return refusedIfNil(key, nil as Located<Bool>?)
        }
    }

    func date(_ key: String) -> Located<SchoolDate>? {
        guard let value = text(key), !value.value.isEmpty else { return nil }
        return refusedIfNil(key, Self.date(value, name: name(key), sink: sink))
    }

    static func date(_ value: Located<String>, name: String, sink: DiagnosticSink) -> Located<SchoolDate>? {
        if let date = SchoolDate(parsing: value.value) { return value.map { _ in date } }
        sink.error("DATE", at: value.location, "'\(name)' is geen geldige datum: '\(value.value)'",
                   hint: "schrijf de datum als 2026-08-01, 01-08-2026 of 1 augustus 2026")
        return nil
    }

    /// A value from a fixed set of words.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> Located<E>? where E.RawValue == String {
        guard let value = text(key), !value.value.isEmpty else { return nil }
        return refusedIfNil(key, Self.choice(value, type, name: name(key), sink: sink))
    }

    /// Records a key whose written value was refused, so it is not reported as missing as well.
    private func refusedIfNil<T>(_ key: String, _ value: T?) -> T? {
        if value == nil { sink.invalid(InvalidValue(key: key, mapLocation: location, mapEndLocation: endLocation)) }
        return value
    }

    static func choice<E: RawRepresentable & CaseIterable>(_ value: Located<String>, _ type: E.Type, name: String, sink: DiagnosticSink) -> Located<E>? where E.RawValue == String {
        if let parsed = E(rawValue: value.value) ?? E(rawValue: value.value.lowercased()) ?? E(rawValue: value.value.uppercased()) { return value.map { _ in parsed } }
        let allowed = E.allCases.map(\.rawValue)
        let suggestion = EditDistance.suggestion(for: value.value, among: allowed).map { "; bedoelde u '\($0)'?" } ?? ""
        sink.error("VALUE", at: value.location, "'\(value.value)' is geen geldige waarde voor '\(name)'\(suggestion)",
                   hint: "kies uit: \(allowed.joined(separator: " | "))")
        return nil
    }

    /// The items of a list; nil when absent, a type error when not a list.
    func list(_ key: String) -> [YNode]? {
        guard let node = node(key) else { return nil }
        switch node {
        case .sequence(let items, _): return items
        case .scalar(let s) where s.isNull: return []
        default:
            sink.error("YAML-TYPE", at: node.location, "'\(name(key))' moet een lijst zijn, maar is \(node.shapeName)",
                       hint: "schrijf een lijst als [a, b] of met elk item op een eigen regel achter '- '")
            return nil
        }
    }

    /// A list of texts.
    func textList(_ key: String) -> [Located<String>]? {
        list(key)?.compactMap { Self.text($0, name: name(key), sink: sink) }
    }

    func map(_ key: String, allowed: [String]) -> MapReader? {
        MapReader(node(key), allowed: allowed, context: name(key), sink: sink)
    }

    /// Each item of a list read as a map.
    func mapList(_ key: String, allowed: [String]) -> [MapReader]? {
        list(key)?.compactMap { MapReader($0, allowed: allowed, context: name(key), sink: sink) }
    }
}
