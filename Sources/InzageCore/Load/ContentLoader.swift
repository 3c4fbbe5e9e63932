import Foundation

/// Problems that stop loading before any content can be checked (exit code 2).
public enum LoadError: Error, CustomStringConvertible {
    case contentFolderMissing(String)

    public var description: String {
        switch self {
        case .contentFolderMissing(let path): "de inhoudsmap '\(path)' bestaat niet of is geen map"
        }
    }
}

/// Walks a content folder and decodes every document kind of the content model.
public struct ContentLoader {
    public static let requiredFiles = ["organisatie.yaml", "privacyverklaring.md", "privacystatement.md"]
    public static let optionalFiles = ["reglement.md", "bewaartermijnen.yaml", "fototoestemming.yaml", "toegankelijkheid.yaml"]
    public static let folders = ["bijsluiters", "paginas", "bestanden"]

    /// The content folder as the user named it, for reading.
    public var root: String { didSet { displayRoot = Self.displayRoot(root) } }
    /// The content folder relative to the working folder; display paths start with it.
    private var displayRoot: String
    public var today: SchoolDate
    /// Keeps parsed files between rebuilds of `inzage serve`; nil for a one-off build.
    public var session: BuildSession?
    /// Entries of `bijsluiters/` left out of a one-off load: the ones a patch build
    /// (`PatchBuild`) knows are as the build before found them.
    var skippedBijsluiters: Set<String> = []
    /// The entries of `itemFolders` (`listFolder`), by folder, when they were listed before the
    /// load (a patch build compares them first): a one-off load does not list them again.
    var listedFolders: [String: [FolderEntry]] = [:]
    /// Whether each bijsluiter's front matter is digested and its stat kept
    /// (`FolderFileResult.frontMatter`, `.stamp`), for the findings record (`FindingsRecord`).
    var digestsFrontMatter = false

    public init(root: String, today: SchoolDate, session: BuildSession? = nil) {
        self.root = root
        displayRoot = Self.displayRoot(root)
        self.today = today
        self.session = session
    }

    /// Loads everything; problems are returned as diagnostics, never thrown one at a time.
    public func load() throws -> (Content, [Diagnostic]) {
        let (content, diagnostics, _) = try loadKeepingBijsluiters()
        return (content, diagnostics)
    }

    /// Like `load`, with what each entry of `bijsluiters/` gave in a one-off load (in name order;
    /// empty under `serve`), for the findings record (`FindingsRecord`).
    func loadKeepingBijsluiters() throws -> (Content, [Diagnostic], [FolderFileResult]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.contentFolderMissing(root)
        }
        var timer = PhaseTimer()
        // What the watcher saw change since the last load (unknown without a trusted watcher).
        let changes = session?.takeChanges() ?? .unknown
        let sink = DiagnosticSink()
        var content = Content(today: today)
        content.root = root
        let rootURL = URL(fileURLWithPath: root)
        // Under `serve`, every file read, so a long session can forget the ones that left.
        var listed: Set<String> = []
        // Each file's texts for the text rules, made (and under `serve` kept) with its parse.
        var textFiles: [TextValues.File] = []
        // The text of each top-level document there is (nil: unreadable), by display path.
        var documentTexts: [String: String?] = [:]

        // A one-off load lists the folders of bijsluiters and pages on another core meanwhile:
        // reading and sorting 10 000 names took one core about 10 ms.
        let root = self.root
        let given = Self.itemFolders.compactMap { listedFolders[$0] }
        let listings = session == nil && given.count < Self.itemFolders.count ? Background { Self.itemFolders.map { Self.listFolder($0, root: root) } } : nil

        // The top-level documents are independent too: read and decode them on all cores (the
        // reglement alone takes as long as several others), then merge them in their fixed order.
        let names = Self.requiredFiles + Self.optionalFiles
        let documents = try Parallel.map(names, minimumBatch: 1) { name -> DocumentResult? in
            let path = display(name)
            let url = rootURL.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) || isSymlink(url) else { return nil }
            return session?.parsedValue(for: path, at: url.path) { loadDocument(name, url: url, path: path) }
                ?? loadDocument(name, url: url, path: path)
        }
        for (name, document) in zip(names, documents) {
            let path = display(name)
            guard let result = document else {
                if Self.requiredFiles.contains(name) {
                    sink.error("FILE-MISSING", at: .file(path), "het verplichte bestand \(name) ontbreekt",
                               hint: "maak \(path) aan; docs/handleiding.md laat zien wat erin hoort")
                }
                continue
            }
            listed.insert(path)
            documentTexts[path] = .some(result.part.sources[path])
            for diagnostic in result.diagnostics { sink.add(diagnostic) }
            for value in result.invalidValues { sink.invalid(value) }
            content.take(result.part)
            if let textFile = result.textFile { textFiles.append(textFile) }
        }

        timer.lap("  top-level documents")
        checkFolders(sink: sink)
        // Under `serve`, both folders come from the session's `KeptFolder`s, and the last load's
        // content is patched at the files that changed when it can be (`KeptContent`).
        var merged: [KeptContent.MergedFolder] = []
        var bijsluiterResults: [FolderFileResult] = []
        var patched = false
        if let session {
            let folders = try Self.itemFolders.map { try loadFolder($0, changes: changes, session: session, rootURL: rootURL, timer: &timer) }
            if var last = session.takeLoadedContent(), last.patch(documents: documentTexts, folders: folders, today: today, root: root) {
                content = last.content
                last.content = Content(today: today)
                for folder in last.folders {
                    for diagnostic in folder.diagnostics { sink.add(diagnostic) }
                    for value in folder.invalidValues { sink.invalid(value) }
                }
                merged = last.folders
                listed = last.listed
                patched = true
                timer.lap("   folders patched")
            } else {
                for (folder, kept) in zip(Self.itemFolders, folders) {
                    listed.formUnion(kept.paths)
                    merged.append(merge(kept.results, paths: kept.paths, into: &content, textFiles: &textFiles, sink: sink))
                    timer.lap("   \(folder): merged")
                }
            }
        } else {
            let folderListings = try listings?.value() ?? (given.count == Self.itemFolders.count ? given : Self.itemFolders.map { listFolder($0) })
            for (folder, listing) in zip(Self.itemFolders, folderListings) {
                // Files are independent: read and decode them on all cores, then merge in name order.
                var entries = listing.map(\.name)
                if folder == "bijsluiters", !skippedBijsluiters.isEmpty { entries.removeAll { skippedBijsluiters.contains($0) } }
                timer.lap("   \(folder): listed")
                let paths = entries.map { display("\(folder)/\($0)") }
                let rootPath = rootURL.path
                let results = try Parallel.map(entries, minimumBatch: 1) { loadFolderFile(folder: folder, entry: $0, rootPath: rootPath) }
                // The bijsluiters' results are returned (for the findings record); the pages' are
                // not used again, so their parts are moved into the content, not copied.
                _ = merge(results, paths: paths, into: &content, textFiles: &textFiles, sink: sink, consuming: folder == "paginas")
                if folder == "bijsluiters" { bijsluiterResults = results }
                timer.lap("   \(folder): merged")
            }
        }
        session?.keepOnlyParsed(listed)
        content.bestanden = listFiles(recursivelyIn: "bestanden", sink: sink)
        if !patched { content.textFileCache = textFiles.sorted { $0.path < $1.path } }
        reportStrayFiles(sink: sink)
        content.invalidValues = sink.invalidValues
        session?.keepLoadedContent(KeptContent(content: content, documents: documentTexts, folders: merged, listed: listed), patched: patched)
        timer.lap("  folders")
        return (content, sink.diagnostics, bijsluiterResults)
    }

    /// The folders of one file per bijsluiter or page, in the order they are merged.
    static let itemFolders = ["bijsluiters", "paginas"]

    /// Adds the results of one folder's files (at `paths`) to `content`, in name order; returns
    /// where each one's parts went, for patching under `serve` (`KeptContent`).
    /// - Parameter consuming: whether the results are used no more, so that their parts can be
    ///   moved out of them instead of copied: merging is the one part of loading a folder that
    ///   runs on one core, and most of its time went to retaining (and later releasing) the
    ///   references in ten thousand copied pages.
    private func merge(_ results: [FolderFileResult], paths: [String], into content: inout Content,
                       textFiles: inout [TextValues.File], sink: DiagnosticSink, consuming: Bool = false) -> KeptContent.MergedFolder {
        var folder = KeptContent.MergedFolder(paths: paths, results: results)
        content.sources.reserveCapacity(content.sources.count + results.count)
        content.yamlTrees.reserveCapacity(content.yamlTrees.count + results.count)
        content.bodies.reserveCapacity(content.bodies.count + results.count)
        textFiles.reserveCapacity(textFiles.count + results.count)
        if session != nil {
            content.bodylessFingerprints.reserveCapacity(content.bodylessFingerprints.count + results.count)
            content.listedBijsluiters.reserveCapacity(content.listedBijsluiters.count + results.count)
        }
        for result in results {
            folder.diagnostics += result.diagnostics
            folder.invalidValues += result.invalidValues
            for diagnostic in result.diagnostics { sink.add(diagnostic) }
            for value in result.invalidValues { sink.invalid(value) }
            if let source = consuming ? result.source.take() : result.source { content.sources[result.path] = source }
            folder.bodyIndex.append(result.body == nil ? -1 : content.bodies.count)
            if let body = consuming ? result.body.take() : result.body { content.bodies.append(body) }
            if let tree = consuming ? result.tree.take() : result.tree { content.yamlTrees[result.path] = tree }
            folder.itemIndex.append(result.bijsluiter != nil ? content.bijsluiters.count : result.pagina != nil ? content.paginas.count : -1)
            if let bijsluiter = consuming ? result.bijsluiter.take() : result.bijsluiter { content.bijsluiters.append(bijsluiter) }
            if let pagina = consuming ? result.pagina.take() : result.pagina { content.paginas.append(pagina) }
            if let bodyless = result.bodyless { content.bodylessFingerprints[result.path] = bodyless }
            if let listed = result.listed { content.listedBijsluiters[result.path] = listed }
            if let textFile = consuming ? result.textFile.take() : result.textFile { textFiles.append(textFile) }
        }
        return folder
    }

    /// What one top-level document gave: a content holding only that document.
    private struct DocumentResult {
        var part: Content
        var diagnostics: [Diagnostic]
        var invalidValues: [InvalidValue]
        var textFile: TextValues.File?
    }

    private func loadDocument(_ name: String, url: URL, path: String) -> DocumentResult {
        let sink = DiagnosticSink()
        var part = Content(today: today)
        if let text = readChecked(url, displayPath: path, sink: sink) {
            part.sources[path] = text
            load(name: name, text: text, path: path, into: &part, sink: sink)
        }
        return DocumentResult(part: part, diagnostics: sink.diagnostics, invalidValues: sink.invalidValues,
                              textFile: TextValues.file(path, tree: part.yamlTrees[path], body: part.bodies.first))
    }

    /// What one file under `bijsluiters/` or `paginas/` gave. A class: `serve` keeps one per
    /// file and hands it out on every rebuild, which then costs one reference, not a copy.
    final class FolderFileResult {
        var path: String
        var diagnostics: [Diagnostic] = []
        var invalidValues: [InvalidValue] = []
        var source: String?
        var body: MarkdownBody?
        var tree: YNode?
        var bijsluiter: Bijsluiter?
        var pagina: Pagina?
        /// Under `serve`: the fingerprint of the bijsluiter or page without its body.
        var bodyless: ViewFingerprint?
        /// Under `serve`: the bijsluiter as the listing pages see it, with its fingerprint.
        var listed: ListedBijsluiter?
        /// The file's texts split for the text rules.
        var textFile: TextValues.File?
        /// With `digestsFrontMatter`, for a bijsluiter: a digest of what it without its body is
        /// a function of (see `bodyless`), the same in every run.
        var frontMatter: StableDigest?
        /// With `digestsFrontMatter`, for a bijsluiter: the file's stat taken before it was read, when it is a plain
        /// file that was already older than `BuildSession.racyInterval` then (see
        /// `BuildSession.parsedValue`): while the file keeps this stat, it holds `source`.
        var stamp: FileStamp?

        init(path: String) { self.path = path }
    }

    /// - Parameter rootPath: the content folder's path (`URL.path` of the root).
    func loadFolderFile(folder: String, entry: String, rootPath: String) -> FolderFileResult {
        let sink = DiagnosticSink()
        let path = display("\(folder)/\(entry)")
        let result = FolderFileResult(path: path)
        // Joined as text (a `URL` joined and read back as a path cost more than reading a small
        // file), and looked at once: only a link needs the checks of where it leads.
        let filePath = rootPath + "/" + folder + "/" + entry
        var url: URL { URL(fileURLWithPath: filePath, isDirectory: false) }
        var info = stat()
        let recording = digestsFrontMatter && folder == "bijsluiters"
        let readStart = recording ? FileStamp.now() : 0
        let looked = lstat(filePath, &info) == 0
        let isLink = looked && (info.st_mode & S_IFMT) == S_IFLNK
        if isLink, isLoopLink(url) {
            sink.error("FILE-LINK", at: .file(path), "deze snelkoppeling (symlink) verwijst naar de map zelf of een map erboven: een lus",
                       hint: "verwijder de snelkoppeling")
            result.diagnostics = sink.diagnostics
            return result
        }
        guard entry.hasSuffix(".md") else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: filePath, isDirectory: &isDirectory),
               isDirectory.boolValue {
                sink.warning("FILE-UNEXPECTED", at: .file(path), "deze map wordt overgeslagen: in \(folder)/ horen alleen .md-bestanden, geen mappen",
                             hint: "zet de bestanden zelf in \(folder)/, of zet afbeeldingen en pdf's in bestanden/")
            } else {
                sink.warning("FILE-UNEXPECTED", at: .file(path), "dit bestand wordt overgeslagen: alleen .md-bestanden horen in \(folder)/",
                             hint: "geef het bestand de extensie .md, of zet afbeeldingen en pdf's in bestanden/")
            }
            result.diagnostics = sink.diagnostics
            return result
        }
        let slug = String(entry.dropLast(3))
        guard Slug.isValid(slug) else {
            sink.error("FILE-SLUG", at: .file(path), "de bestandsnaam '\(entry)' is geen geldige naam voor een webadres",
                       hint: "gebruik alleen kleine letters a–z, cijfers en '-', bijvoorbeeld '\(Slug.suggest(from: slug)).md'")
            result.diagnostics = sink.diagnostics
            return result
        }
        let plainSize = looked && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        // A plain file is read as it is; only a link is checked first.
        let read = plainSize.map { SourceReader.read(path: filePath, displayPath: path, sink: sink, knownSize: $0) }
            ?? readChecked(url, displayPath: path, sink: sink)
        guard let text = read else {
            result.diagnostics = sink.diagnostics
            return result
        }
        if recording, plainSize != nil { result.stamp = FileStamp.trusted(info, readStart: readStart) }
        parse(text, into: result, folder: folder, slug: slug, sink: sink, recording: recording)
        return result
    }

    /// What the text of a `.md` file under `bijsluiters/` or `paginas/` gives: its parts, and
    /// its findings (after any of `sink`'s) and refused values in `result`.
    /// - Parameter recording: whether its front matter is digested for the findings record.
    func parse(_ text: String, into result: FolderFileResult, folder: String, slug: String, sink: DiagnosticSink, recording: Bool) {
        let path = result.path
        result.source = text
        if let (tree, body, frontMatter) = splitMarkdown(text, path: path, sink: sink) {
            result.body = body
            result.tree = tree
            if let tree {
                // Decoded from the front matter alone; the body is added after.
                if folder == "bijsluiters" {
                    result.bijsluiter = BijsluiterDecoder.decode(tree, slug: slug, file: path, bodyFirstLine: body.firstLine, sink: sink)
                    result.bijsluiter?.body = body
                } else {
                    result.pagina = PaginaDecoder.decode(tree, slug: slug, file: path, bodyFirstLine: body.firstLine, sink: sink)
                    result.pagina?.body = body
                }
                // So the bijsluiter or page without its body is a function of its file's path, its
                // front matter and where that and the body start: their digest stands for it.
                // Only `serve` compares these between rebuilds.
                if session != nil {
                    result.bodyless = ViewFingerprint(folder, path, frontMatter.yaml, frontMatter.yamlLineOffset, body.firstLine)
                    result.listed = result.bijsluiter.map(ListedBijsluiter.init)
                }
                if recording { result.frontMatter = Self.frontMatterDigest(folder: folder, path: path, frontMatter) }
            }
        }
        result.textFile = TextValues.file(path, tree: result.tree, body: result.body)
        result.diagnostics = sink.diagnostics
        result.invalidValues = sink.invalidValues
    }

    private static func displayRoot(_ root: String) -> String {
        let folder = DisplayPath.relative(root)
        return folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }

    /// The path diagnostics show for a file in the content folder: relative to the working folder.
    func display(_ relative: String) -> String {
        displayRoot == "." ? relative : "\(displayRoot)/\(relative)"
    }

    private func load(name: String, text: String, path: String, into content: inout Content, sink: DiagnosticSink) {
        if name.hasSuffix(".yaml") {
            guard let tree = YAMLTree.parse(text, file: path, lineOffset: 0, sink: sink) else {
                if YAMLTree.firstIndentationTab(in: text) == nil, !sink.diagnostics.contains(where: { $0.location.file == path }) {
                    sink.error("FILE-EMPTY", at: .file(path), "het bestand bevat geen gegevens", hint: "vul het bestand in volgens de handleiding")
                }
                return
            }
            content.yamlTrees[path] = tree
            switch name {
            case "organisatie.yaml": content.organisatie = OrganisatieDecoder.decode(tree, file: path, sink: sink)
            case "bewaartermijnen.yaml": content.bewaartermijnen = BewaartermijnenDecoder.decode(tree, file: path, sink: sink)
            case "fototoestemming.yaml": content.fototoestemming = FototoestemmingDecoder.decode(tree, file: path, sink: sink)
            case "toegankelijkheid.yaml": content.toegankelijkheid = ToegankelijkheidDecoder.decode(tree, file: path, sink: sink)
            default: break
            }
            return
        }
        guard let (tree, body, _) = splitMarkdown(text, path: path, sink: sink) else { return }
        content.bodies.append(body)
        guard let tree else { return }
        content.yamlTrees[path] = tree
        switch name {
        case "privacyverklaring.md": content.privacyverklaring = PrivacyverklaringDecoder.decode(tree, file: path, body: body, sink: sink)
        case "privacystatement.md": content.privacystatement = PrivacystatementDecoder.decode(tree, file: path, body: body, sink: sink)
        case "reglement.md": content.reglement = ReglementDecoder.decode(tree, file: path, body: body, sink: sink)
        default: break
        }
    }

    /// Front matter and body; the tree is nil when the YAML had errors (already reported).
    /// The digest of a file's front matter the findings record keeps (`FolderFileResult.frontMatter`).
    static func frontMatterDigest(folder: String, path: String, _ frontMatter: FrontMatter) -> StableDigest {
        StableDigest([folder, path, frontMatter.yaml, String(frontMatter.yamlLineOffset), String(frontMatter.bodyFirstLine)])
    }

    private func splitMarkdown(_ text: String, path: String, sink: DiagnosticSink) -> (YNode?, MarkdownBody, FrontMatter)? {
        guard let parts = FrontMatter.split(text, file: path, sink: sink) else { return nil }
        let body = MarkdownBody(text: parts.body, firstLine: parts.bodyFirstLine, file: path)
        let before = sink.diagnostics.count
        let tree = YAMLTree.parse(parts.yaml, file: path, lineOffset: parts.yamlLineOffset, sink: sink)
        if tree == nil, sink.diagnostics.count == before {
            sink.error("FM-EMPTY", at: SourceLocation(file: path, line: 2, column: 1), "de front matter is leeg",
                       hint: "zet de gegevens (zoals 'titel: ...') tussen de twee regels '---'")
        }
        return (tree, body, parts)
    }
}
