import Foundation
import Mustache

/// Where the repository keeps its defaults: the demo `content/` and the default theme `templates/`.
public enum InzagePaths {
    /// The package root, known at compile time; the defaults are read from here when the
    /// user's folders do not have a file.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var defaultTemplates: URL { packageRoot.appendingPathComponent("templates") }
    public static var defaultContent: URL { packageRoot.appendingPathComponent("content") }
}

/// A problem in a template file: a Mustache syntax error or a missing template. Its description
/// reads like a diagnostic: `templates/layout.mustache:40:4: fout: …`, the line, and a hint.
public struct TemplateError: Error, CustomStringConvertible {
    public var file: String
    public var message: String
    public var line: Int?
    public var column: Int?
    /// The text of the line at fault, shown under the headline with a caret at `column`.
    public var sourceLine: String?
    public var hint: String?

    public init(file: String, message: String, line: Int? = nil, column: Int? = nil, sourceLine: String? = nil, hint: String? = nil) {
        self.file = file
        self.message = message
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
        self.hint = hint
    }

    /// A swift-mustache parse error of the file at `path`, in Dutch with its position.
    /// - Parameter linesAdded: lines Inzage put before the file's own text (the content type).
    init(parsing error: Error, in path: String, linesAdded: Int = 0) {
        guard let parse = error as? MustacheTemplate.ParserError else {
            let (message, hint) = Self.unreadable()
            self.init(file: path, message: message, hint: hint)
            return
        }
        let (message, hint) = Self.explain(parse.error)
        self.init(file: path, message: message, line: max(1, parse.context.lineNumber - linesAdded), column: parse.context.columnNumber,
                  sourceLine: parse.context.line, hint: hint)
    }

    public var description: String {
        var position = ""
        if let line {
            position = ":\(line)"
            if let column { position += ":\(column)" }
        }
        var text = "\(DisplayPath.relative(file))\(position): fout: \(message)"
        if let line, let sourceLine {
            let number = String(line)
            let gutter = String(repeating: " ", count: max(number.count, 4))
            text += "\n" + String(repeating: " ", count: gutter.count - number.count) + number + " | " + sourceLine
            if let column, column >= 1 {
                let indent = sourceLine.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                text += "\n" + gutter + " | " + indent + "^"
            }
        }
        if let hint { text += "\n   = hulp: \(hint)" }
        return text
    }

    /// A Dutch message and hint for each error swift-mustache's parser reports.
    static func explain(_ error: Error) -> (message: String, hint: String) {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect:
            ("de sectie wordt gesloten met een andere naam dan waarmee ze begon",
             "gebruik bij het sluiten dezelfde naam als bij het openen, bijvoorbeeld {{#fg}} … {{/fg}}")
        case .unfinishedName:
            ("deze tag is niet goed afgesloten",
             "sluit de tag af met }}, bijvoorbeeld {{titel}}; een naam heeft geen spaties of {{ erin")
        case .expectedSectionEnd:
            ("een sectie wordt niet gesloten",
             "sluit elke {{#naam}} en {{^naam}} af met {{/naam}}")
        case .invalidSetDelimiter:
            ("de tag die de scheidingstekens verandert, is niet goed geschreven",
             "schrijf bijvoorbeeld {{=<% %>=}}: twee tekens met een spatie ertussen, tussen = en =")
        case .transformAppliedToInheritanceSection:
            ("bij een blok om over te nemen ({{$naam}} of {{<naam}}) kan geen bewerking zoals uppercase(naam)",
             "haal de bewerking weg uit deze tag")
        case .illegalTokenInsideInheritSection:
            ("binnen {{<naam}} … {{/naam}} mogen alleen blokken {{$naam}} … {{/naam}} staan",
             "zet deze tag in een blok {{$naam}} … {{/naam}}, of zet hem buiten {{<naam}}")
        case .textInsideInheritSection:
            ("binnen {{<naam}} … {{/naam}} staat tekst buiten een blok",
             "zet de tekst in een blok {{$naam}} … {{/naam}}, of haal hem weg")
        case .invalidConfigVariableSyntax:
            ("deze instelling {{% … }} is niet goed geschreven",
             "schrijf bijvoorbeeld {{% CONTENT_TYPE: HTML }}")
        case .unrecognisedConfigVariable:
            ("deze instelling {{% … }} bestaat niet",
             "alleen {{% CONTENT_TYPE: … }} bestaat; verbeter de naam of haal de tag weg")
        case nil:
            // swift-mustache's only other parse error: the text ended while a tag was read.
            ("het sjabloon houdt op midden in een tag",
             "sluit de laatste tag af met }}")
        }
    }

    /// For errors that are not parse errors at all.
    static func unreadable() -> (message: String, hint: String) {
        ("het sjabloon kan niet worden gelezen", "controleer of elke tag met {{ begint en met }} eindigt")
    }
}

/// The Mustache templates of a theme: every `*.mustache` of the default theme, each one
/// replaced by the file of the same name in the user's templates folder when it exists.
public struct TemplateSet: Sendable {
    /// What the theme holds, shared by every copy: a copy is made for each of the thousands of
    /// rows (`RowTemplate`), and one of seven references took a reference count each.
    private final class Storage: Sendable {
        let library: MustacheLibrary
        let files: [String: String]
        let assets: [String: Data]
        let fingerprint: String
        let fixedIDs: Set<String>
        let mayHoldPartials: Set<String>
        let rowStencils = RowStencils()

        init(library: MustacheLibrary, files: [String: String], assets: [String: Data], fingerprint: String, fixedIDs: Set<String>,
             mayHoldPartials: Set<String>) {
            self.library = library
            self.files = files
            self.assets = assets
            self.fingerprint = fingerprint
            self.fixedIDs = fixedIDs
            self.mayHoldPartials = mayHoldPartials
        }
    }

    private let storage: Storage

    public var library: MustacheLibrary { storage.library }
    /// The files used, by template name (user overrides and defaults), for dependency tracking.
    public var files: [String: String] { storage.files }
    /// Non-template assets (CSS, …) by relative path, with the override applied.
    public var assets: [String: Data] { storage.assets }
    /// Every template and asset byte, so a cache can tell when the theme changed.
    public var fingerprint: String { storage.fingerprint }
    /// The fixed `id`s the templates write (`inhoud`, `wijzigingen`, …), which headings in content may not take.
    public var fixedIDs: Set<String> { storage.fixedIDs }
    /// The templates that may hold a partial, a block, inheritance or new delimiters (`{{>`,
    /// `{{<`, `{{$`, `{{=`): they get no stencil (`Stencil.make`). Found once, as they are parsed.
    var mayHoldPartials: Set<String> { storage.mayHoldPartials }
    /// The row templates' stencils, made as rows of each shape are first rendered (`RowStencils`).
    var rowStencils: RowStencils { storage.rowStencils }
    /// Whether pages and rows are filled from stencils where they can be (`Stencil`); off, every
    /// one is rendered by swift-mustache, which is what the stencils must give (`StencilTests`).
    var usesStencils = true

    /// The theme's files as read from disk: templates by name and assets by relative path.
    public struct Sources: Sendable {
        var templates: [(name: String, path: String, text: String)] = []
        var assets: [(relative: String, data: Data)] = []

        /// The theme without the letters' templates (`letters/…`), which no page uses: the site is
        /// not held up by parsing them, nor made again when one of them changes.
        public var forSite: Sources {
            var site = self
            site.templates.removeAll { $0.name.hasPrefix("letters/") }
            return site
        }

        /// A 128-bit digest of every name, text and asset: the theme's part of the keys `serve` keeps
        /// pages by, and of the identity of the record a build leaves (`BuildRecord`), so the same in
        /// every run (`StableDigest`).
        var fingerprint: String {
            var digest = StableDigest()
            for template in templates {
                digest.update(part: template.name)
                digest.update(part: template.text)
            }
            for asset in assets {
                digest.update(part: asset.relative)
                digest.update(part: String(asset.data.count))
                asset.data.withUnsafeBytes { digest.update($0) }
            }
            return digest.description
        }
    }

    /// Reads the theme: every file of the default theme, each replaced by the user's file of the
    /// same name when it exists.
    /// - Parameter override: the user's templates folder; missing files fall back to the defaults.
    public static func read(override: String?, defaults: URL = InzagePaths.defaultTemplates) throws -> Sources {
        var chosen: [String: URL] = [:]
        var assetURLs: [String: URL] = [:]
        for base in [defaults] + (override.map { [URL(fileURLWithPath: $0)] } ?? []) {
            for relative in TemplateSet.files(under: base) {
                let url = base.appendingPathComponent(relative)
                if relative.hasSuffix(".mustache") {
                    chosen[String(relative.dropLast(".mustache".count))] = url
                } else {
                    assetURLs[relative] = url
                }
            }
        }
        var sources = Sources()
        for (name, url) in chosen.sorted(by: { $0.key < $1.key }) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw TemplateError(file: url.path, message: "het sjabloon kan niet worden gelezen (geen UTF-8?)")
            }
            sources.templates.append((name, url.path, text))
        }
        for (relative, url) in assetURLs.sorted(by: { $0.key < $1.key }) {
            if let data = try? Data(contentsOf: url) { sources.assets.append((relative, data)) }
        }
        return sources
    }

    /// - Parameter override: the user's templates folder; missing files fall back to the defaults.
    public init(override: String?, defaults: URL = InzagePaths.defaultTemplates) throws {
        try self.init(TemplateSet.read(override: override, defaults: defaults))
    }

    /// Parses the templates of a theme read with `read`, on all cores.
    public init(_ sources: Sources) throws {
        let parsed = try Parallel.map(sources.templates, minimumBatch: 4) { name, path, text in
            let registered = TemplateSet.withFastEscaping(text)
            do {
                return (template: try MustacheTemplate(string: registered), ids: Self.fixedIDs(in: text),
                        partials: ASCIIScan.containsAny(registered, Self.partialTags))
            } catch {
                throw TemplateError(parsing: error, in: path, linesAdded: registered.utf8.count == text.utf8.count ? 0 : 1)
            }
        }
        var library = MustacheLibrary()
        var files: [String: String] = [:]
        var fixedIDs: Set<String> = []
        var mayHoldPartials: Set<String> = []
        for ((name, path, _), parsed) in zip(sources.templates, parsed) {
            library.register(parsed.template, named: name)
            files[name] = path
            fixedIDs.formUnion(parsed.ids)
            if parsed.partials { mayHoldPartials.insert(name) }
        }
        storage = Storage(library: library, files: files,
                          assets: Dictionary(sources.assets.map { ($0.relative, $0.data) }, uniquingKeysWith: { _, last in last }),
                          fingerprint: sources.fingerprint, fixedIDs: fixedIDs, mayHoldPartials: mayHoldPartials)
    }

    /// The tags that open a partial, a block, inheritance or new delimiters (a tag's kind follows its `{{` directly).
    private static let partialTags = ASCIIScan.Needles(["{{>", "{{<", "{{$", "{{="])

    /// The `id`s a template writes itself (`id="inhoud"` after a space): read byte by byte, as
    /// Swift's regex engine took longer than the rest of a small site's build; a template with
    /// other than ASCII text is read with the regex, whose `\s` also knows Unicode spaces.
    static func fixedIDs(in text: String) -> [String] {
        guard ASCIIScan.isASCII(text) else {
            return text.matches(of: #/\sid="([A-Za-z][A-Za-z0-9_-]*)"/#).map { String($0.1) }
        }
        let bytes = Array(text.utf8)
        let attribute = Array(#"id=""#.utf8)
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var ids: [String] = []
        var index = 1
        while index + attribute.count < bytes.count {
            guard isSpace(bytes[index - 1]), bytes[index..<(index + attribute.count)].elementsEqual(attribute) else {
                index += 1
                continue
            }
            let start = index + attribute.count
            var end = start
            if end < bytes.count, isLetter(bytes[end]) {
                end += 1
                while end < bytes.count, isLetter(bytes[end]) || (bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9"))
                        || bytes[end] == UInt8(ascii: "_") || bytes[end] == UInt8(ascii: "-") { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                    ids.append(String(decoding: bytes[start..<end], as: UTF8.self))
                }
            }
            index = start
        }
        return ids
    }

    /// The content type every HTML and XML template is rendered with: swift-mustache's own escaping
    /// (the same five characters) walks the text one `Character` at a time.
    static let fastEscaping: String = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: "INZAGE_HTML")
        return "INZAGE_HTML"
    }()

    /// The template with the fast content type chosen on a line of its own, which Mustache drops
    /// from the output; a template that chooses its own content type (the letters: TEXT) keeps it.
    static func withFastEscaping(_ text: String) -> String {
        text.contains("CONTENT_TYPE") ? text : "{{% CONTENT_TYPE: \(fastEscaping)}}\n" + text
    }

    /// Renders a view model with the named template.
    public func render(_ view: Any, with name: String) throws -> String {
        guard library.getTemplate(named: name) != nil, let text = library.render(MustacheValue.convert(view), withTemplate: name) else {
            throw TemplateError(file: "\(name).mustache", message: "dit sjabloon ontbreekt")
        }
        return text
    }

    /// The files below `base` (relative paths, sorted), without hidden files and folders; a link
    /// counts when it leads to a file.
    private static func files(under base: URL) -> [String] {
        var result: [String] = []
        func walk(_ path: String, relative: String, depth: Int) {
            guard depth < 16 else { return }
            for entry in FolderEntry.read(path) where !entry.name.hasPrefix(".") {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isFolder {
                    walk(path + "/" + entry.name, relative: child, depth: depth + 1)
                } else if entry.isLink {
                    var info = stat()
                    if stat(path + "/" + entry.name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { result.append(child) }
                } else {
                    result.append(child)
                }
            }
        }
        walk(base.standardizedFileURL.path, relative: "", depth: 0)
        return result.sorted()
    }
}

/// HTML escaping for templates, through `HTML.escape`.
struct FastHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
