import Dispatch
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
        let publication = try begin()
        do {
            try publication.add(files)
            return try publication.finish()
        } catch {
            publication.abandon()
            throw error
        }
    }

    /// Starts reading what the published site holds, on another core: a build under `serve`
    /// starts it before loading the content, while a core is free (reading touches nothing).
    func look(known: PublishedFiles?) -> PublishedSite {
        PublishedSite(output: output, known: known)
    }

    /// Starts a publication that takes the files batch by batch, so a large site never has to be
    /// in memory as a whole.
    /// - Parameter known: what an earlier publication of this session found in the site.
    public func begin(known: PublishedFiles? = nil) throws -> Publication {
        try begin(known: known, site: nil)
    }

    /// - Parameter site: the look at the published site begun earlier in the build (`look`); made
    ///   now when nil.
    func begin(known: PublishedFiles?, site: PublishedSite?) throws -> Publication {
        try validate()
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let stagingPrefix = ".\(output.lastPathComponent).inzage-"
        // Leftovers of an interrupted earlier build.
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(stagingPrefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
        return Publication(writer: self, staging: parent.appendingPathComponent(stagingPrefix + "nieuw-\(getpid())"), known: known,
                           site: site ?? look(known: known))
    }

    /// One publication of the site. While every file so far equals the published one, nothing is
    /// written at all, and up to `inPlaceLimit` differing files are only kept in memory. When more
    /// differ, the staging folder is made, the equal files so far are hard-linked into it (their
    /// bytes and dates stay as they were), and from then on every file goes there; `finish` swaps
    /// it in. When only a few files differ or are stale (an edit under `serve`), `finish` replaces
    /// just those in the published site, each atomically (written next to it, then renamed over
    /// it), after every page has been rendered: a failing build still changes nothing.
    public final class Publication {
        let writer: SiteWriter
        let staging: URL
        /// `staging` as a path, for joining with the many relative paths of a publication.
        private let stagingPath: String
        private var staged = false
        private var seen: Set<String> = []
        private var equalSoFar: [String] = []
        private var pending: [OutputFile] = []
        private var createdFolders: Set<String> = []
        private var report = WriteReport(written: 0, unchanged: 0, removed: 0)
        private var hasPreviousSite: Bool { site.hasPreviousSite }

        private let known: PublishedFiles?
        /// The published site's folder, for joining with the many relative paths of a publication.
        private let outputPath: String
        /// The published site's folder, open: its files are looked at by their relative paths.
        private var outputFD: Int32 { site.folderFD }

        /// The published site, whose files are read on another thread while the pages are made.
        private let site: PublishedSite

        init(writer: SiteWriter, staging: URL, known: PublishedFiles?, site: PublishedSite) {
            self.writer = writer
            outputPath = writer.output.path
            self.staging = staging
            stagingPath = staging.path
            self.known = known
            self.site = site
        }

        public func add(_ files: [OutputFile]) throws {
            for file in files {
                guard SiteWriter.isSafeRelativePath(file.path), seen.insert(file.path).inserted else {
                    throw WriteError(message: "ongeldige of dubbele uitvoerpad '\(file.path)'", hint: nil)
                }
            }
            // Whether each file is published as it is: known for a page read from the published site
            // just now, else a `stat` each (and a read when unknown), on all cores. What the session
            // knows of the files is taken for the whole batch under one lock.
            // (A batch of pages taken from the published site, as a patch build's are, asks nothing.)
            var sameness = files.map(\.isPublished)
            let asked = files.indices.filter { !files[$0].isPublished }
            if hasPreviousSite, !asked.isEmpty {
                let paths = asked.map { outputPath + "/" + files[$0].path }
                known?.takeSiteEvents()
                let entries = known?.published(paths) ?? Array(repeating: nil, count: asked.count)
                let same = try Parallel.map(Array(asked.indices), minimumBatch: 64) { place in
                    holds(paths[place], relative: files[asked[place]].path, files[asked[place]].data, known: entries[place])
                }
                for (place, index) in asked.enumerated() { sameness[index] = same[place] }
            } else if !hasPreviousSite {
                sameness = Array(repeating: false, count: files.count)
            }
            // Without a published site nothing can be replaced in place: write to the staging
            // folder from the first batch on, while the next batches render.
            if !staged, !hasPreviousSite { try startStaging() }
            for (file, same) in zip(files, sameness) {
                if !staged {
                    if same {
                        equalSoFar.append(file.path)
                        continue
                    }
                    if pending.count < SiteWriter.inPlaceLimit {
                        pending.append(file)
                        continue
                    }
                    try startStaging()
                }
                let target = stagingPath + "/" + file.path, previous = outputPath + "/" + file.path
                try makeFolder(for: target)
                if same, link(previous, target) == 0 {
                    report.unchanged += 1
                } else {
                    // A file left unread is copied from the published site when it cannot be linked.
                    guard let data = file.isUnread ? FileData.read(previous) : file.data else {
                        throw WriteError(message: "kan '\(previous)' niet lezen", hint: nil)
                    }
                    try SiteWriter.writeFile(target, data)
                    report.written += 1
                }
            }
        }

        /// Whether the published file holds `data`: from memory when its stat is unchanged since an
        /// earlier publication of the session saw it (`known`), else read from disk (and remembered).
        private func holds(_ path: String, relative: String, _ data: Data, known entry: PublishedFiles.Entry?) -> Bool {
            if let answer = entry?.holds(data, stamp: { outputFD >= 0 ? FileStamp(directory: outputFD, name: relative) : FileStamp(path: path) }) {
                return answer
            }
            let same = SiteWriter.fileHolds(path, data)
            if same { known?.record(path, data) }
            return same
        }

        /// Swaps the new site in, or replaces the few files that changed; returns what changed.
        public func finish() throws -> WriteReport {
            var timer = PhaseTimer()
            _ = site.files
            timer.lap("  survey of the published site waited for")
            defer { timer.lap("  changed files written") }
            let stale = site.files.filter { $0 != SiteWriter.marker && $0 != BuildRecord.fileName && !seen.contains($0) }
            if !staged {
                if hasPreviousSite, pending.count + stale.count <= SiteWriter.inPlaceLimit, pending.allSatisfy(fitsInPlace) {
                    try replaceInPlace(stale: stale)
                    // The folders the files went in have moved on since: the next build reads them again.
                    site.saveSurvey()
                    return WriteReport(written: pending.count, unchanged: equalSoFar.count, removed: stale.count)
                }
                try startStaging()
            }
            do {
                try Data("Gemaakt door Inzage. Deze map wordt bij elke build vervangen.\n".utf8).write(to: staging.appendingPathComponent(SiteWriter.marker))
                report.removed = stale.count
                try writer.swap(staging)
                // Every folder is new: what the survey found of the old ones is of no use.
                SurveyedFolders.remove(for: writer.output)
            } catch {
                abandon()
                throw error
            }
            return report
        }

        /// Whether a file can take its place in the published site: no file stands where it or one
        /// of its folders goes (a page that used to be a file is published by swapping).
        private func fitsInPlace(_ file: OutputFile) -> Bool {
            var info = stat()
            var url = writer.output.appendingPathComponent(file.path)
            if stat(url.path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG { return false }
            let root = writer.output.standardizedFileURL.path
            url = url.deletingLastPathComponent()
            while url.standardizedFileURL.path.count > root.count {
                if stat(url.path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
                url = url.deletingLastPathComponent()
            }
            return true
        }

        /// Writes each changed file next to its published one and renames it over it, then removes
        /// the stale files and the folders they leave empty.
        private func replaceInPlace(stale: [String]) throws {
            let fm = FileManager.default
            let targets = pending.map { writer.output.appendingPathComponent($0.path) }
            // Folders first, one after the other (two new pages may share a new folder); then the
            // files on all cores: after a rename, the lists that changed are several megabytes.
            for target in targets { try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true) }
            let files = UncheckedSendable(pending)
            _ = try Parallel.map(Array(targets.indices), minimumBatch: 1) { index in
                let target = targets[index]
                let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).inzage-\(getpid())")
                do {
                    try SiteWriter.writeFile(temporary.path, files.value[index].data)
                    guard rename(temporary.path, target.path) == 0 else {
                        throw WriteError(message: "kan '\(target.path)' niet vervangen (\(String(cString: strerror(errno))))", hint: nil)
                    }
                } catch {
                    try? FileManager.default.removeItem(at: temporary)
                    throw error
                }
            }
            let root = writer.output.standardizedFileURL.path
            for path in stale {
                var url = writer.output.appendingPathComponent(path)
                try? fm.removeItem(at: url)
                url = url.deletingLastPathComponent()
                while url.standardizedFileURL.path.count > root.count, rmdir(url.path) == 0 {
                    url = url.deletingLastPathComponent()
                }
            }
        }

        /// Removes the staging folder; the published site stays as it was.
        public func abandon() {
            if staged { try? FileManager.default.removeItem(at: staging) }
        }

        private func startStaging() throws {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            staged = true
            for path in equalSoFar {
                let target = stagingPath + "/" + path
                try makeFolder(for: target)
                let previous = outputPath + "/" + path
                if link(previous, target) != 0 {
                    guard let data = FileData.read(previous) else {
                        throw WriteError(message: "kan '\(previous)' niet lezen", hint: nil)
                    }
                    try SiteWriter.writeFile(target, data)
                }
                report.unchanged += 1
            }
            equalSoFar = []
            for file in pending {
                let target = stagingPath + "/" + file.path
                try makeFolder(for: target)
                try SiteWriter.writeFile(target, file.data)
                report.written += 1
            }
            pending = []
        }

        /// Makes the folder `target` (a path in the staging folder) goes in, and the folders above
        /// it that this publication has not made yet: one `mkdir` each (the staging folder is new,
        /// so only the publication itself makes folders in it).
        private func makeFolder(for target: String) throws {
            guard let slash = target.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
            let folder = String(target[..<slash])
            guard folder.utf8.count > stagingPath.utf8.count, !createdFolders.contains(folder) else { return }
            try makeFolder(for: folder)
            if mkdir(folder, 0o755) != 0, errno != EEXIST {
                throw WriteError(message: "kan de map '\(folder)' niet maken (\(String(cString: strerror(errno))))", hint: nil)
            }
            createdFolders.insert(folder)
        }
    }

    /// Whether the file at `path` holds exactly `data`; sizes are compared before any byte is read.
    static func fileHolds(_ path: String, _ data: Data) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        return FileData.read(path) == data
    }

    func swap(_ staging: URL) throws {
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

    /// A path of one or more names joined by "/", none of them empty, "." or "..".
    static func isSafeRelativePath(_ path: String) -> Bool {
        var nameLength = 0, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if nameLength == 0 || nameLength == dots && dots <= 2 { return false }
                nameLength = 0
                dots = 0
            } else {
                nameLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return !(nameLength == 0 || nameLength == dots && dots <= 2)
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

    /// How many files may differ before a publication stages the whole site instead of
    /// replacing them one by one.
    static let inPlaceLimit = 32

    /// The published site as a publication finds it: its folder (open, so that its many files
    /// are looked at by their relative paths), whether Inzage published it, and its files
    /// (`SiteWriter.files`), read on a queue of their own from the moment the look begins;
    /// `files` waits for them. Nothing is written into the published folder before a
    /// publication's `finish`, so reading it early finds what `finish` would find, without the wait.
    /// (A change made by hand while a rebuild runs may be seen only by the next rebuild.)
    final class PublishedSite: @unchecked Sendable {
        let folderFD: Int32
        let hasPreviousSite: Bool
        private let survey: Background<(files: [String], folders: SurveyedFolders?)>?
        private let output: URL

        init(output: URL, known: PublishedFiles?) {
            let folderFD = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            self.folderFD = folderFD
            self.output = output
            hasPreviousSite = FileManager.default.fileExists(atPath: output.appendingPathComponent(SiteWriter.marker).path)
            // What the watch on the site saw since the last look, before any file is looked at.
            if hasPreviousSite { known?.watchSite(at: output.path) }
            let known = UncheckedSendable(known)
            survey = hasPreviousSite ? Background {
                // A one-off build goes by the folders the last one surveyed; `serve` by what it saw itself.
                let folders = known.value == nil ? SurveyedFolders.read(from: SurveyedFolders.location(for: output)) : nil
                return (SiteWriter.files(in: output, except: [], known: known.value, folderFD: folderFD, surveyed: folders), folders)
            } : nil
        }

        deinit {
            // The survey reads through `folderFD`: it is closed only when the survey is done.
            _ = files
            if folderFD >= 0 { close(folderFD) }
        }

        var files: [String] { (try? survey?.value())?.files ?? [] }

        /// Keeps what the survey found of the folders for the next one-off build (`SurveyedFolders`).
        func saveSurvey() {
            (try? survey?.value())?.folders?.save(to: SurveyedFolders.location(for: output))
        }
    }

    /// The files under `folder` (relative paths) that are not in `keep`. Read with `readdir`,
    /// whose entry types need no `stat` per file: this runs on every rebuild of a large site.
    /// With `known`, a folder whose stat is unchanged since an earlier publication of the session
    /// read it is not read again (a folder's times move whenever an entry is added, removed or
    /// renamed).
    /// - Parameter folderFD: `folder`, open, to look at its subfolders by their relative paths.
    /// With `surveyed` (and no `known`), a folder whose stat is the one the last one-off build
    /// recorded is not read again.
    static func files(in folder: URL, except keep: Set<String>, known: PublishedFiles? = nil, folderFD: Int32 = -1,
                      surveyed: SurveyedFolders? = nil) -> [String] {
        var result: [String] = []
        func walk(_ path: String, relative: String) {
            let entries = known?.entries(of: path, stamp: { folderFD >= 0 ? FileStamp(directory: folderFD, name: relative.isEmpty ? "." : relative) : nil }) {
                FolderEntry.read(path)
            } ?? surveyed?.entries(of: relative, path: path, outputFD: folderFD) ?? FolderEntry.read(path)
            for entry in entries {
                let childRelative = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isFolder {
                    walk(path + "/" + entry.name, relative: childRelative)
                } else if !keep.contains(childRelative) {
                    result.append(childRelative)
                }
            }
        }
        walk(folder.path, relative: "")
        return result
    }

}
