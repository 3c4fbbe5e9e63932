import Foundation
import CInzageSystem
#if canImport(Glibc)
import Glibc
#endif

/// Why the site could not be written (exit code 2, or 1 for a refused output folder).
public struct WriteError: Error, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var description: String { message + (hint.map { "\n   = hulp: \($0)" } ?? "") }
}

/// What a write changed.
public struct WriteReport: Sendable {
    public var written: Int
    public var unchanged: Int
    public var removed: Int
}

/// Publishes output files atomically: everything goes into a staging folder next to the output,
/// unchanged files are hard-linked from the previous site (their bytes and dates stay as they
/// were), and the staging folder is swapped in only when complete. A failure at any point leaves
/// the previous site as it was.
public struct SiteWriter {
    /// The file that marks a folder as an Inzage site, so a build never replaces a folder of the user's.
    public static let marker = ".inzage-site"

    public let output: URL
    public let protected: [URL]

    /// - Parameters:
    ///   - output: the site output folder.
    ///   - protected: folders the output may not be, contain or lie inside (content, templates).
    public init(output: String, protected: [String]) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL
        self.protected = protected.map { URL(fileURLWithPath: $0).standardizedFileURL }
    }

    /// Refuses an output folder that would destroy something: `/`, the home folder, the content or
    /// templates folder, a parent of them, a folder inside them, or a folder Inzage did not make.
    public func validate() throws {
        let out = Self.resolved(output)
        let home = Self.resolved(FileManager.default.homeDirectoryForCurrentUser)
        if out == "/" || out == home {
            throw WriteError(message: "de uitvoermap '\(output.path)' is niet toegestaan: Inzage zou alles daarin vervangen",
                             hint: "kies een eigen map, bijvoorbeeld --output public")
        }
        for folder in protected {
            let p = Self.resolved(folder)
            if out == p || p.hasPrefix(out + "/") || out.hasPrefix(p + "/") {
                throw WriteError(message: "de uitvoermap '\(output.path)' valt samen met '\(folder.path)' of ligt erin of eromheen",
                                 hint: "kies een aparte map voor de site, bijvoorbeeld --output public")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw WriteError(message: "'\(output.path)' is een bestand, geen map", hint: "kies een andere naam voor --output")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            if !entries.isEmpty, !entries.contains(Self.marker) {
                throw WriteError(message: "de map '\(output.path)' bestaat al en is niet door Inzage gemaakt",
                                 hint: "Inzage vervangt de hele map; kies een lege of nieuwe map, of verwijder deze map zelf")
            }
        }
    }

    /// Writes the files and swaps them in.
    public func write(_ files: [OutputFile]) throws -> WriteReport {
        try validate()
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let stagingPrefix = ".\(output.lastPathComponent).inzage-"
        // Leftovers of an interrupted earlier build.
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(stagingPrefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
        if let unchanged = unchangedCount(files) {
            // Nothing differs and nothing is stale: leave the published site alone entirely.
            return WriteReport(written: 0, unchanged: unchanged, removed: 0)
        }
        let staging = parent.appendingPathComponent(stagingPrefix + "nieuw-\(getpid())")
        var report = WriteReport(written: 0, unchanged: 0, removed: 0)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            var seen: Set<String> = []
            var createdFolders: Set<String> = []
            for file in files {
                guard Self.isSafeRelativePath(file.path), seen.insert(file.path).inserted else {
                    throw WriteError(message: "ongeldige of dubbele uitvoerpad '\(file.path)'", hint: nil)
                }
                let target = staging.appendingPathComponent(file.path)
                let folder = target.deletingLastPathComponent().path
                if createdFolders.insert(folder).inserted {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                let previous = output.appendingPathComponent(file.path)
                if let old = fm.contents(atPath: previous.path), old == file.data, link(previous.path, target.path) == 0 {
                    report.unchanged += 1
                } else {
                    try Self.writeFile(target.path, file.data)
                    report.written += 1
                }
            }
            try Data("Gemaakt door Inzage. Deze map wordt bij elke build vervangen.\n".utf8).write(to: staging.appendingPathComponent(Self.marker))
            report.removed = Self.countFiles(in: output, except: seen.union([Self.marker]))
            try swap(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return report
    }

    /// The number of files when the output already holds exactly these bytes and nothing else.
    private func unchangedCount(_ files: [OutputFile]) -> Int? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.appendingPathComponent(Self.marker).path) else { return nil }
        let paths = Set(files.map(\.path))
        guard paths.count == files.count, Self.countFiles(in: output, except: paths.union([Self.marker])) == 0 else { return nil }
        for file in files {
            let path = output.appendingPathComponent(file.path).path
            guard let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue, size == file.data.count,
                  fm.contents(atPath: path) == file.data else { return nil }
        }
        return files.count
    }

    private func swap(_ staging: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else { throw WriteError(message: "kan de site niet naar '\(output.path)' verplaatsen (\(String(cString: strerror(errno))))", hint: nil) }
            return
        }
        // One atomic step where the system allows it: readers see the old or the new site, never none.
        if inzage_exchange_paths(staging.path, output.path) == 0 {
            try? fm.removeItem(at: staging)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).inzage-oud-\(getpid())")
        guard rename(output.path, old.path) == 0 else { throw WriteError(message: "kan de oude site niet vervangen (\(String(cString: strerror(errno))))", hint: nil) }
        guard rename(staging.path, output.path) == 0 else {
            _ = rename(old.path, output.path)
            throw WriteError(message: "kan de nieuwe site niet plaatsen (\(String(cString: strerror(errno))))", hint: nil)
        }
        try? fm.removeItem(at: old)
    }

    /// Plain open/write/close: the staging folder is swapped in as a whole, so per-file syncing
    /// (which Foundation's `Data.write` does) only costs time.
    static func writeFile(_ path: String, _ data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(message: "kan '\(path)' niet schrijven (\(String(cString: strerror(errno))))", hint: nil) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { break }
                let written = Glibc.write(fd, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(message: "kan '\(path)' niet schrijven (\(String(cString: strerror(errno))))", hint: nil)
                }
                offset += written
            }
        }
    }

    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    static func resolved(_ url: URL) -> String {
        // Resolve the deepest existing ancestor so links (and "..") cannot hide where a folder is.
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var base = existing.path
        if let real = realpath(existing.path, nil) {
            base = String(cString: real)
            free(real)
        }
        let joined = ([base == "/" ? "" : base] + rest).joined(separator: "/")
        return joined.isEmpty ? "/" : joined
    }

    private static func countFiles(in folder: URL, except keep: Set<String>) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return 0 }
        var count = 0
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue, !keep.contains(path) { count += 1 }
        }
        return count
    }
}
