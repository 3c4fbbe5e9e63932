import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import InzageCore
import Testing

/// A site built by `BuildPipeline` from a `TestContent` variant into a fresh temporary folder
/// (`content/`, `public/`, `letters/` side by side), read back from disk for assertions.
struct BuiltSite {
    let folder: TemporaryFolder
    let contentRoot: String
    let output: URL
    let result: BuildPipeline.Result

    /// Writes `content` and runs the whole build with the fixed "today".
    init(_ content: TestContent = .valid, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        folder = try TemporaryFolder()
        contentRoot = try folder.write(content)
        output = folder.url.appendingPathComponent("public")
        result = try BuildPipeline.run(contentRoot: contentRoot, templatesRoot: nil, output: output.path,
                                       lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "the build has errors:\n\(errors.map { "\($0.location.line): \($0.message) [\($0.code)]" }.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
    }

    /// Runs the build again on the same folders (after `content` was rewritten with `rewrite`),
    /// as `inzage build` does, or as `inzage serve` does with `session`.
    func rebuild(session: BuildSession? = nil) throws -> BuildPipeline.Result {
        try BuildPipeline.run(contentRoot: contentRoot, templatesRoot: nil, output: output.path,
                              lettersRoot: folder.url.appendingPathComponent("letters").path, today: Fixture.today, session: session)
    }

    /// Replaces the content folder with another variant, for rebuilds.
    func rewrite(_ content: TestContent) throws {
        try FileManager.default.removeItem(atPath: contentRoot)
        try folder.write(content)
    }

    /// Every regular file of the output, relative to it, sorted (the `.inzage-site` marker included).
    var paths: [String] { SiteSnapshot.files(in: output) }

    var htmlPaths: [String] { paths.filter { $0.hasSuffix(".html") } }

    /// The text of an output file, or "" (with an issue) when it is missing.
    func text(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path),
              let text = String(data: data, encoding: .utf8) else {
            Issue.record("the site has no readable file \(path); it has:\n\(paths.joined(separator: "\n"))", sourceLocation: sourceLocation)
            return ""
        }
        return text
    }

    func remove() { folder.remove() }
}

/// Every file and folder under a site folder with its bytes and inode, to prove a build
/// changed nothing (or exactly what it should).
struct SiteSnapshot: Equatable {
    struct Entry: Equatable {
        let data: Data?
        let inode: UInt64
    }

    /// By relative path; "" is the folder itself. Folders have no data.
    let entries: [String: Entry]

    init(_ folder: URL) {
        var entries: [String: Entry] = [:]
        let fm = FileManager.default
        entries[""] = Entry(data: nil, inode: Self.inode(folder.path))
        if let enumerator = fm.enumerator(atPath: folder.path) {
            while let relative = enumerator.nextObject() as? String {
                let path = folder.appendingPathComponent(relative).path
                var isDirectory: ObjCBool = false
                _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
                entries[relative] = Entry(data: isDirectory.boolValue ? nil : fm.contents(atPath: path), inode: Self.inode(path))
            }
        }
        self.entries = entries
    }

    func inode(_ path: String) -> UInt64? { entries[path]?.inode }

    /// The bytes of every file of the site by relative path, without the build record (which
    /// holds digests of the content folder's own paths, so two content folders never share it).
    var files: [String: Data] {
        entries.compactMapValues(\.data).filter { $0.key != BuildRecord.fileName }
    }

    /// The paths whose bytes or inode differ from `other`, or that exist in only one of them.
    func differences(from other: SiteSnapshot) -> [String] {
        Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
    }

    /// Like `differences`, for files only: after a swap every folder is a new one, files need not be.
    func fileDifferences(from other: SiteSnapshot) -> [String] {
        differences(from: other).filter { entries[$0]?.data != nil || other.entries[$0]?.data != nil }
    }

    static func inode(_ path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    /// Regular files under a folder, relative and sorted.
    static func files(in folder: URL) -> [String] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: folder.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result.append(relative) }
        }
        return result.sorted()
    }
}

/// How often `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// An XML file parsed with Foundation's `XMLParser`: whether it is well-formed, and the text of
/// every element by name, in document order.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var texts: [String: [String]] = [:]
    private(set) var error: Error?
    private var stack: [String] = []
    private var current = ""

    /// Parses `data`; `nil` when it is not well-formed XML.
    static func parse(_ data: Data) -> XMLCheck? {
        let check = XMLCheck()
        let parser = XMLParser(data: data)
        parser.delegate = check
        guard parser.parse(), check.error == nil else { return nil }
        return check
    }

    static func parses(_ data: Data) -> Bool { parse(data) != nil }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        stack.append(elementName)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        texts[elementName, default: []].append(current.trimmingCharacters(in: .whitespacesAndNewlines))
        stack.removeLast()
        current = ""
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}
