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

/// A problem in a template file: a Mustache syntax error or a missing template.
public struct TemplateError: Error, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}

/// The Mustache templates of a theme: every `*.mustache` of the default theme, each one
/// replaced by the file of the same name in the user's templates folder when it exists.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// The files used, by template name (user overrides and defaults), for dependency tracking.
    public let files: [String: String]
    /// Non-template assets (CSS, …) by relative path, with the override applied.
    public let assets: [String: Data]
    /// Every template and asset byte, so a cache can tell when the theme changed.
    public let fingerprint: String
    /// The fixed `id`s the templates write (`inhoud`, `wijzigingen`, …), which headings in content may not take.
    public let fixedIDs: Set<String>

    /// - Parameter override: the user's templates folder; missing files fall back to the defaults.
    public init(override: String?, defaults: URL = InzagePaths.defaultTemplates) throws {
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
        var library = MustacheLibrary()
        var files: [String: String] = [:]
        var fingerprint = ""
        var fixedIDs: Set<String> = []
        for (name, url) in chosen.sorted(by: { $0.key < $1.key }) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw TemplateError(file: url.path, message: "het sjabloon kan niet worden gelezen (geen UTF-8?)")
            }
            do {
                try library.register(TemplateSet.withFastEscaping(text), named: name)
            } catch {
                throw TemplateError(file: url.path, message: "fout in het sjabloon: \(error)")
            }
            files[name] = url.path
            fingerprint += name + "\u{0}" + text + "\u{0}"
            fixedIDs.formUnion(text.matches(of: #/\sid="([A-Za-z][A-Za-z0-9_-]*)"/#).map { String($0.1) })
        }
        var assets: [String: Data] = [:]
        for (relative, url) in assetURLs {
            if let data = try? Data(contentsOf: url) {
                assets[relative] = data
                fingerprint += relative + "\u{0}" + data.base64EncodedString() + "\u{0}"
            }
        }
        self.fingerprint = fingerprint
        self.fixedIDs = fixedIDs
        self.library = library
        self.files = files
        self.assets = assets
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

    private static func files(under base: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var result: [String] = []
        let prefix = base.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            result.append(relative)
        }
        return result.sorted()
    }
}

/// HTML escaping for templates, through `HTML.escape`.
struct FastHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
