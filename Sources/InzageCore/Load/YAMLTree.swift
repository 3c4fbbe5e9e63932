import Yams

/// A YAML node with its source position, decoded from Yams' composed tree so the rest of
/// Inzage never sees YAML's implicit typing: every scalar stays the text that was written.
public indirect enum YNode: Sendable, Equatable {
    case scalar(YScalar)
    case mapping([YPair], SourceLocation)
    case sequence([YNode], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(let s): s.location
        case .mapping(_, let l), .sequence(_, let l): l
        }
    }

    /// Dutch name of the node's shape, for type errors.
    public var shapeName: String {
        switch self {
        case .scalar(let s): s.isNull ? "een lege waarde" : "een tekst"
        case .mapping: "een lijst van sleutels (map)"
        case .sequence: "een lijst"
        }
    }

    /// Every scalar in the tree, keys excluded, in document order.
    public func allScalars() -> [YScalar] {
        switch self {
        case .scalar(let s): [s]
        case .mapping(let pairs, _): pairs.flatMap { $0.value.allScalars() }
        case .sequence(let items, _): items.flatMap { $0.allScalars() }
        }
    }
}

/// A scalar exactly as written, and whether it was quoted.
public struct YScalar: Sendable, Equatable {
    public var text: String
    public var quoted: Bool
    /// Where the scalar starts: its first character, opening quote or block indicator (`|`, `>`).
    public var location: SourceLocation
    /// Where the first character of `text` stands: after the opening quote, or on the first line of a
    /// block scalar. Positions inside the text count from here.
    public var textStart: SourceLocation

    /// `~`, `null` or nothing at all, written without quotes.
    public var isNull: Bool {
        !quoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

/// A key with its value in a mapping.
public struct YPair: Sendable, Equatable {
    public var key: YScalar
    public var value: YNode
}

/// Parses YAML text into a `YNode` tree; syntax problems become Dutch diagnostics.
public enum YAMLTree {
    /// - Parameters:
    ///   - lineOffset: lines before the YAML in its file (front matter starts after `---`).
    public static func parse(_ yaml: String, file: String, lineOffset: Int, sink: DiagnosticSink) -> YNode? {
        if let tab = firstIndentationTab(in: yaml) {
            sink.error("YAML-TAB", at: SourceLocation(file: file, line: tab.line + lineOffset, column: tab.column),
                       "een tab in het inspringen; YAML kent alleen spaties",
                       hint: "vervang de tab door spaties (bijvoorbeeld twee per niveau)")
            return nil
        }
        if let tree = YAMLEventComposer.compose(yaml, file: file, lineOffset: lineOffset) {
            return tree
        }
        return composeWithYams(yaml, file: file, lineOffset: lineOffset, sink: sink)
    }

    /// The document read through `Yams.compose`, which reports what `YAMLEventComposer` leaves to
    /// it: syntax errors, anchors and aliases, keys written twice, keys that are not texts, a
    /// second document.
    static func composeWithYams(_ yaml: String, file: String, lineOffset: Int, sink: DiagnosticSink) -> YNode? {
        let root: Node?
        do {
            // The encoding named here: its default is read from the environment on every call.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            sink.add(diagnostic(for: error, yaml: yaml, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            sink.error("YAML-SYNTAX", at: SourceLocation(file: file, line: lineOffset + 1, column: 1),
                       "de YAML kan niet worden gelezen", hint: "controleer de opmaak van dit bestand")
            return nil
        }
        guard let root else { return nil }
        var converter = Converter(file: file, lineOffset: lineOffset, yaml: yaml, sink: sink)
        return converter.convert(root)
    }

    /// Turns Yams nodes into `YNode`s with positions in the file.
    private struct Converter {
        let file: String
        let lineOffset: Int
        let yaml: String
        let sink: DiagnosticSink
        var starts = NodeStarts()
        /// Whether the YAML can hold an alias at all: an alias repeats an anchor (`&name`), so
        /// without a `&` there is none, and no node's start needs to be recorded.
        let mayHaveAliases: Bool

        init(file: String, lineOffset: Int, yaml: String, sink: DiagnosticSink) {
            self.file = file
            self.lineOffset = lineOffset
            self.yaml = yaml
            self.sink = sink
            mayHaveAliases = ASCIIScan.contains(yaml, byte: UInt8(ascii: "&"))
        }

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }

        mutating func convert(_ node: Node) -> YNode? {
            let location = location(node.mark)
            guard !mayHaveAliases || starts.isNew(node) else {
                if starts.firstReport(location) {
                    sink.error("YAML-ALIAS", at: location, "deze waarde wordt elders herhaald met een verwijzing (& en *); dat wordt niet ondersteund",
                               hint: "schrijf de waarde voluit op elke plek waar ze nodig is")
                }
                return nil
            }
            switch node {
            case .scalar(let scalar):
                let style: ScalarStyle
                switch scalar.style {
                case .singleQuoted, .doubleQuoted: style = .quoted
                case .literal, .folded: style = .block
                default: style = .plain
                }
                return .scalar(YScalar(text: scalar.string, quoted: style != .plain, location: location,
                                       textStart: YAMLTree.textStart(style: style, at: location, lineOffset: lineOffset, yaml: yaml)))
            case .mapping(let mapping):
                var pairs: [YPair] = []
                var seen: [String: SourceLocation] = [:]
                for (key, value) in mapping {
                    guard case .scalar(let keyScalar) = key else {
                        sink.error("YAML-KEY", at: location, "een sleutel moet een woord zijn, geen lijst of map",
                                   hint: "schrijf de sleutel als gewone tekst gevolgd door een dubbele punt")
                        continue
                    }
                    let keyLocation = self.location(key.mark)
                    if let first = seen[keyScalar.string] {
                        sink.error("YAML-DUPLICATE", at: keyLocation,
                                   "sleutel '\(keyScalar.string)' staat twee keer in dezelfde lijst (eerder op regel \(first.line))",
                                   hint: "houd één van de twee over; de tweede zou de eerste stilletjes overschrijven")
                        continue
                    }
                    seen[keyScalar.string] = keyLocation
                    guard let converted = convert(value) else { continue }
                    pairs.append(YPair(key: YScalar(text: keyScalar.string, quoted: false, location: keyLocation, textStart: keyLocation),
                                       value: converted))
                }
                return .mapping(pairs, location)
            case .sequence(let sequence):
                var items: [YNode] = []
                for item in sequence {
                    if let converted = convert(item) { items.append(converted) }
                }
                return .sequence(items, location)
            case .alias:
                return nil
            }
        }
    }

    /// How a scalar was written, as far as where its text starts is concerned.
    enum ScalarStyle {
        case plain, quoted, block
    }

    /// Where the first character of a scalar's text stands: quoted text after its quote; a block
    /// scalar's on the first non-blank line below `|` or `>`.
    static func textStart(style: ScalarStyle, at location: SourceLocation, lineOffset: Int, yaml: String) -> SourceLocation {
        switch style {
        case .quoted:
            return SourceLocation(file: location.file, line: location.line, column: location.column + 1)
        case .block:
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let markLine = location.line - lineOffset
            guard markLine >= 1, markLine < lines.count,
                  let index = lines[markLine...].firstIndex(where: { !$0.allSatisfy { $0 == " " } }) else { return location }
            let indentation = lines[index].prefix { $0 == " " }.count
            return SourceLocation(file: location.file, line: index + 1 + lineOffset, column: indentation + 1)
        case .plain:
            return location
        }
    }

    /// Where each node began. Yams resolves an alias (`*name`) while composing by repeating the node
    /// its anchor (`&name`) marks, mark included, so a node that starts where an earlier one did is an
    /// alias. Stopping there keeps a few lines of nested aliases ("billion laughs") from expanding into
    /// billions of nodes.
    private struct NodeStarts {
        private struct Start: Hashable {
            var kind: UInt8
            var line: Int
            var column: Int
        }

        private var seen: Set<Start> = []
        private var reported: Set<Start> = []

        /// Records the node; false when it repeats an earlier one. Empty scalars take no room and are skipped.
        mutating func isNew(_ node: Node) -> Bool {
            let kind: UInt8
            switch node {
            case .scalar(let scalar): if scalar.string.isEmpty { return true }; kind = 0
            case .mapping: kind = 1
            case .sequence: kind = 2
            case .alias: return false
            }
            return seen.insert(Start(kind: kind, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)).inserted
        }

        /// Whether an alias of this anchor is reported for the first time.
        mutating func firstReport(_ location: SourceLocation) -> Bool {
            reported.insert(Start(kind: 0, line: location.line, column: location.column)).inserted
        }
    }

    /// Line and column (1-based) of the first tab in a line's leading whitespace.
    /// Read as bytes (every character that counts here is ASCII, and line ends are "\n" by then).
    static func firstIndentationTab(in yaml: String) -> (line: Int, column: Int)? {
        guard ASCIIScan.contains(yaml, byte: UInt8(ascii: "\t")) else { return nil }
        var line = 1, column = 0, indenting = true
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
                indenting = true
                continue
            }
            guard indenting else { continue }
            column += 1
            if byte == UInt8(ascii: "\t") { return (line, column) }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") { indenting = false }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, yaml: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            let (message, hint) = dutchExplanation(of: problem)
            return Diagnostic(.error, "YAML-SYNTAX", at: at(mark), message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence; the one to remove is the repeat below it.
            if let key = duplicates.first, let repeated = repeatedKey(key, firstAt: context.mark, in: yaml) {
                return Diagnostic(.error, "YAML-DUPLICATE", at: SourceLocation(file: file, line: repeated + lineOffset, column: context.mark.column),
                                  "sleutel '\(key)' staat twee keer in dezelfde lijst (eerder op regel \(context.mark.line + lineOffset))",
                                  hint: "houd één van de twee over; de tweede zou de eerste stilletjes overschrijven")
            }
            return Diagnostic(.error, "YAML-DUPLICATE", at: at(context.mark),
                              "sleutel '\(duplicates.joined(separator: "', '"))' staat twee keer in dezelfde lijst",
                              hint: "houd één van de twee over")
        case .reader:
            return Diagnostic(.error, "YAML-SYNTAX", at: SourceLocation(file: file, line: lineOffset + 1, column: 1),
                              "de YAML bevat tekens die niet gelezen kunnen worden (stuurtekens of geen geldige UTF-8)",
                              hint: "sla het bestand op als UTF-8 zonder stuurtekens")
        default:
            return Diagnostic(.error, "YAML-SYNTAX", at: SourceLocation(file: file, line: lineOffset + 1, column: 1),
                              "de YAML kan niet worden gelezen", hint: "controleer de opmaak van dit bestand")
        }
    }

    /// The line of the next `key:` in the same block mapping as the key at `first` (same column),
    /// or nil when the mapping ends first or is written in flow style.
    static func repeatedKey(_ key: String, firstAt first: Mark, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index]
            let indentation = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indentation)
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if indentation + 1 < first.column { return nil }
            if indentation + 1 == first.column, rest.hasPrefix(key + ":") { return index + 1 }
        }
        return nil
    }

    static func dutchExplanation(of problem: String) -> (String, String) {
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            return ("een dubbele punt op een plek waar die niet mag",
                    "zet tekst met een dubbele punt tussen aanhalingstekens, bijvoorbeeld: omschrijving: \"Let op: ...\"")
        case let p where p.contains("found character that cannot start any token"):
            return ("een teken waarmee een waarde niet mag beginnen (zoals @, ` of %)",
                    "zet de waarde tussen aanhalingstekens")
        case let p where p.contains("did not find expected key"), let p where p.contains("could not find expected ':'"):
            return ("de YAML-structuur klopt niet: een sleutel, dubbele punt of inspringing ontbreekt",
                    "controleer of elke regel 'sleutel: waarde' is en of het inspringen klopt")
        case let p where p.contains("did not find expected '-' indicator"):
            return ("een lijst is onderbroken: een regel springt anders in dan de lijstitems",
                    "laat elk lijstitem beginnen met '- ' op dezelfde inspringing")
        case let p where p.contains("found unexpected end of stream"), let p where p.contains("found unknown escape"),
             let p where p.contains("quoted scalar"):
            return ("een aanhalingsteken wordt niet afgesloten of bevat een ongeldige code",
                    "sluit elke tekst tussen aanhalingstekens af met hetzelfde teken")
        case let p where p.contains("did not find expected node content"), let p where p.contains("did not find expected ',' or ']'"),
             let p where p.contains("did not find expected ',' or '}'"):
            return ("een lijst of map tussen [ ] of { } is niet goed afgesloten",
                    "controleer de haakjes en de komma's")
        case let p where p.contains("block sequence entries are not allowed"):
            return ("een lijstitem ('- ') staat op een plek waar een waarde hoort",
                    "zet het lijstitem op een nieuwe regel, ingesprongen onder de sleutel")
        case let p where p.contains("Maximum nesting level"):
            return ("de gegevens zijn te diep genest (lijsten of mappen in elkaar)",
                    "een document van Inzage heeft hooguit een paar niveaus; controleer de haakjes [ ] en { }")
        case let p where p.contains("but found another document"), let p where p.contains("expected <document start>"):
            return ("er staat meer dan één YAML-document in dit bestand (een tweede '---' of '...')",
                    "haal de tweede regel met '---' of '...' weg; een bestand heeft één blok gegevens")
        case let p where p.contains("found undefined tag handle"), let p where p.contains("did not find expected tag URI"),
             let p where p.contains("did not find expected whitespace or line break"):
            return ("een waarde begint met '!', wat in YAML een bijzondere betekenis heeft",
                    "zet de waarde tussen aanhalingstekens, bijvoorbeeld: \"!belangrijk\"")
        case let p where p.contains("found a tab character"):
            return ("een tab op een plek waar YAML alleen spaties toestaat",
                    "vervang de tab door spaties")
        case let p where p.contains("found unexpected ':'"):
            return ("een dubbele punt op een plek waar die niet mag",
                    "zet tekst met een dubbele punt tussen aanhalingstekens")
        case let p where p.contains("found character") || p.contains("unexpected"):
            return ("een teken op een plek waar YAML het niet verwacht",
                    "controleer de opmaak rond deze plek; zet tekst met bijzondere tekens tussen aanhalingstekens")
        default:
            return ("de YAML kan op deze plek niet worden gelezen", "controleer de opmaak rond deze plek: 'sleutel: waarde', inspringen met spaties")
        }
    }
}
