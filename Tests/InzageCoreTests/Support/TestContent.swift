import Foundation
import InzageCore
import Testing

/// A content folder to check: the valid fixture, or a variant of it with files changed, added or
/// removed. Written into a fresh temporary folder for each run and removed afterwards.
struct TestContent {
    /// What a path in the folder holds.
    enum Entry: Sendable {
        /// Text, which may carry markers (`1️⃣`); they are removed when the file is written.
        case text(String)
        case bytes([UInt8])
        /// A symbolic link to this target (relative to the link's folder, or absolute).
        case symlink(String)
        /// A file of this size that takes no disk space (all zero bytes).
        case sparse(Int)
        case directory
    }

    var entries: [String: Entry] {
        didSet { isFixture = false }
    }
    /// An expected position given by hand, for inputs that cannot carry a marker.
    private var explicitMark: (file: String, position: MarkedText.Position)?
    /// Whether this is the valid fixture unchanged, whose check is done once and shared.
    private var isFixture = false

    init(entries: [String: Entry]) {
        self.entries = entries
    }

    /// The valid fixture.
    static var valid: TestContent {
        var content = TestContent(entries: Fixture.files.mapValues { .text($0) })
        content.isFixture = true
        return content
    }

    /// The check of the unchanged fixture, shared by the many tests that show a rule is silent on it.
    private static let fixtureRun = Result { try TestContent(entries: Fixture.files.mapValues { .text($0) }).check() }

    /// The text of a file of this variant, markers included (empty when it is not a text file).
    func text(_ path: String) -> String {
        if case .text(let text) = entries[path] { return text }
        return ""
    }

    /// This content with `old`, which must occur exactly once in `path`, replaced by `new`.
    /// A marker (`1️⃣`) in `new` gives the expected position; markers stay in the text until it is
    /// written, so the order of several replacements does not matter.
    func replacing(_ old: String, with new: String, in path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> TestContent {
        let original = text(path)
        let count = original.components(separatedBy: old).count - 1
        guard count == 1 else {
            Issue.record("'\(old)' occurs \(count) times in \(path); a variant must change exactly one place", sourceLocation: sourceLocation)
            return self
        }
        return replacingFile(path, with: original.replacingOccurrences(of: old, with: new))
    }

    /// This content with a whole file written (or replaced); markers in the text give expected positions.
    func replacingFile(_ path: String, with markedText: String) -> TestContent {
        setting(path, to: .text(markedText))
    }

    /// This content with one entry set to anything: bytes, a link, a directory.
    func setting(_ path: String, to entry: Entry) -> TestContent {
        var copy = self
        copy.entries[path] = entry
        return copy
    }

    /// This content without a file.
    func removing(_ path: String) -> TestContent {
        var copy = self
        copy.entries[path] = nil
        return copy
    }

    /// This content with a file written as bytes: `marked` with its marker (`1️⃣`) replaced by
    /// `inserted` (a NUL, a control character, invalid UTF-8), expected at the marker's position.
    func settingBytes(_ path: String, _ marked: String, insertingAtMarker inserted: [UInt8],
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> TestContent {
        let parts = marked.components(separatedBy: "1️⃣")
        guard parts.count == 2, let position = MarkedText(marked).position() else {
            Issue.record("the text needs exactly one marker 1️⃣", sourceLocation: sourceLocation)
            return self
        }
        return setting(path, to: .bytes(Array(parts[0].utf8) + inserted + Array(parts[1].utf8)))
            .expecting(path, line: position.line, column: position.column)
    }

    /// This content with the expected position given by hand, for inputs that cannot carry a
    /// marker (binary files, file names).
    func expecting(_ path: String, line: Int, column: Int) -> TestContent {
        var copy = self
        copy.explicitMark = (path, MarkedText.Position(line: line, column: column))
        return copy
    }

    /// The file that carries markers (there may be only one) and where each marker stands.
    var marks: (file: String, positions: [String: MarkedText.Position])? {
        if let explicitMark { return (explicitMark.file, ["1️⃣": explicitMark.position]) }
        let marked = entries.compactMap { path, entry -> (String, [String: MarkedText.Position])? in
            guard case .text(let text) = entry, MarkedText.containsMarker(text) else { return nil }
            return (path, MarkedText(text).positions)
        }
        guard marked.count == 1, let only = marked.first else { return nil }
        return only
    }

    /// Writes the folder, loads and checks it with the fixed "today", and removes it again.
    func check(today: SchoolDate = Fixture.today) throws -> CheckRun {
        if isFixture, today == Fixture.today { return try Self.fixtureRun.get() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try folder.write(self)
        let (content, diagnostics) = try CheckPipeline.run(contentRoot: root, today: today)
        return CheckRun(root: root, content: content, diagnostics: diagnostics)
    }
}

/// A fresh folder under the system's temporary directory, named with a UUID.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes the entries under `content/` in this folder; returns the content folder's path.
    @discardableResult
    func write(_ content: TestContent, folderName: String = "content") throws -> String {
        let root = url.appendingPathComponent(folderName)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // Each entry's folder is made first, so files, links and folders can nest in any order.
        for (path, entry) in content.entries.sorted(by: { $0.key < $1.key }) {
            let target = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch entry {
            case .text(let text):
                try Data(MarkedText(text).text.utf8).write(to: target)
            case .bytes(let bytes):
                try Data(bytes).write(to: target)
            case .symlink(let destination):
                try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: destination)
            case .sparse(let size):
                guard FileManager.default.createFile(atPath: target.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
                let handle = try FileHandle(forWritingTo: target)
                try handle.truncate(atOffset: UInt64(size))
                try handle.close()
            case .directory:
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            }
        }
        return root.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The outcome of checking a `TestContent`.
struct CheckRun: Sendable {
    /// The content folder's path as given to the loader; diagnostics' files start with it.
    let root: String
    let content: Content
    let diagnostics: [Diagnostic]

    /// The path a diagnostic shows for a file of the content folder.
    func displayPath(_ relative: String) -> String { "\(root)/\(relative)" }

    /// A diagnostic's file relative to the content folder.
    func relative(_ location: InzageCore.SourceLocation) -> String {
        location.file.hasPrefix(root + "/") ? String(location.file.dropFirst(root.count + 1)) : location.file
    }

    func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One line per diagnostic, relative to the content folder, for failure messages.
    var summary: String {
        diagnostics.isEmpty ? "(geen diagnostics)" : diagnostics.map {
            "\(relative($0.location)):\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message) [\($0.code)]"
        }.joined(separator: "\n")
    }
}
