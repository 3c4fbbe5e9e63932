import Yams

/// A YAML node with its source position, decoded from Yams' composed tree so the rest of
/// Inzage never sees YAML's implicit typing: every scalar stays the text that was written.
public indirect enum YNode: Sendable {
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
public struct YScalar: Sendable {
    public var text: String
    public var quoted: Bool
    public var location: SourceLocation

    /// `~`, `null` or nothing at all, written without quotes.
    public var isNull: Bool {
        !quoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

/// A key with its value in a mapping.
public struct YPair: Sendable {
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
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            sink.add(diagnostic(for: error, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            sink.error("YAML-SYNTAX", at: SourceLocation(file: file, line: lineOffset + 1, column: 1),
                       "de YAML kan niet worden gelezen", hint: "controleer de opmaak van dit bestand")
            return nil
        }
        guard let root else { return nil }
        return convert(root, file: file, lineOffset: lineOffset, sink: sink)
    }

    private static func convert(_ node: Node, file: String, lineOffset: Int, sink: DiagnosticSink) -> YNode? {
        let location = SourceLocation(file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return .scalar(YScalar(text: scalar.string, quoted: scalar.style != .plain && scalar.style != .any, location: location))
        case .mapping(let mapping):
            var pairs: [YPair] = []
            var seen: [String: SourceLocation] = [:]
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    sink.error("YAML-KEY", at: location, "een sleutel moet een woord zijn, geen lijst of map",
                               hint: "schrijf de sleutel als gewone tekst gevolgd door een dubbele punt")
                    continue
                }
                let keyLocation = SourceLocation(file: file, line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1)
                if let first = seen[keyScalar.string] {
                    sink.error("YAML-DUPLICATE", at: keyLocation,
                               "sleutel '\(keyScalar.string)' staat twee keer in dezelfde lijst (eerder op regel \(first.line))",
                               hint: "houd één van de twee over; de tweede zou de eerste stilletjes overschrijven")
                    continue
                }
                seen[keyScalar.string] = keyLocation
                guard let converted = convert(value, file: file, lineOffset: lineOffset, sink: sink) else { continue }
                pairs.append(YPair(key: YScalar(text: keyScalar.string, quoted: false, location: keyLocation), value: converted))
            }
            return .mapping(pairs, location)
        case .sequence(let sequence):
            return .sequence(sequence.compactMap { convert($0, file: file, lineOffset: lineOffset, sink: sink) }, location)
        case .alias:
            sink.error("YAML-ALIAS", at: location, "verwijzingen met * (aliassen) worden niet ondersteund",
                       hint: "schrijf de waarde voluit")
            return nil
        }
    }

    /// Line and column (1-based) of the first tab in a line's leading whitespace.
    static func firstIndentationTab(in yaml: String) -> (line: Int, column: Int)? {
        var lineNumber = 0
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var column = 0
            for character in line {
                column += 1
                if character == "\t" { return (lineNumber, column) }
                if character != " " && character != "-" { break }
            }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            let (message, hint) = dutchExplanation(of: problem)
            return Diagnostic(.error, "YAML-SYNTAX", at: at(mark), message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.error, "YAML-DUPLICATE", at: at(context.mark),
                              "sleutel '\(duplicates.joined(separator: "', '"))' staat twee keer in dezelfde lijst",
                              hint: "houd één van de twee over")
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, "YAML-SYNTAX", at: SourceLocation(file: file, line: lineOffset + 1, column: 1),
                              "de YAML bevat tekens die niet gelezen kunnen worden (\(problem))",
                              hint: "sla het bestand op als UTF-8 zonder stuurtekens")
        default:
            return Diagnostic(.error, "YAML-SYNTAX", at: SourceLocation(file: file, line: lineOffset + 1, column: 1),
                              "de YAML kan niet worden gelezen", hint: "controleer de opmaak van dit bestand")
        }
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
        default:
            return ("de YAML kan niet worden gelezen (\(problem))", "controleer de opmaak rond deze plek")
        }
    }
}
