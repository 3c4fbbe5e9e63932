import Foundation

/// What the loader may read of the content folder: files inside it (links that lead out of it or
/// loop are refused), the entries of its folders, and which names at its top it does not know.
extension ContentLoader {
    func isSymlink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    /// Reads a file after making sure it is a regular file inside the content folder.
    /// - Parameter plainFileSize: the size, when the caller's `lstat` found a regular file (no link
    ///   or folder): then there is nothing more to make sure of, nor a size to ask for.
    func readChecked(_ url: URL, displayPath: String, sink: DiagnosticSink, plainFileSize: Int? = nil) -> String? {
        if let plainFileSize { return SourceReader.read(url, displayPath: displayPath, sink: sink, knownSize: plainFileSize) }
        guard checkInside(url, displayPath: displayPath, sink: sink) else { return nil }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            sink.error("FILE-READ", at: .file(displayPath), "dit is een map, geen bestand", hint: "verwijder of hernoem de map")
            return nil
        }
        return SourceReader.read(url, displayPath: displayPath, sink: sink)
    }

    /// Refuses symlink loops and links that lead outside the content folder.
    func checkInside(_ url: URL, displayPath: String, sink: DiagnosticSink) -> Bool {
        guard isSymlink(url) else { return true }
        guard let resolved = realPath(url.path) else {
            sink.error("FILE-LINK", at: .file(displayPath), "deze snelkoppeling (symlink) verwijst naar zichzelf of naar niets",
                       hint: "vervang de snelkoppeling door het bestand zelf")
            return false
        }
        guard let rootResolved = realPath(root), resolved.hasPrefix(rootResolved + "/") else {
            sink.error("FILE-LINK", at: .file(displayPath), "deze snelkoppeling (symlink) verwijst naar een bestand buiten de inhoudsmap",
                       hint: "kopieer het bestand naar de inhoudsmap in plaats van ernaar te verwijzen")
            return false
        }
        return true
    }

    /// A symlink to the folder it is in, or to a folder above it.
    func isLoopLink(_ url: URL) -> Bool {
        guard isSymlink(url), let target = realPath(url.path), let folder = realPath(url.deletingLastPathComponent().path) else { return false }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
        return folder == target || folder.hasPrefix(target == "/" ? "/" : target + "/")
    }

    func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The entries of `bijsluiters/` or `paginas/`, sorted by name, as `isListed` keeps them.
    func listFolder(_ folder: String) -> [FolderEntry] {
        Self.listFolder(folder, root: root)
    }

    /// `listFolder` of the content folder at `root`.
    static func listFolder(_ folder: String, root: String) -> [FolderEntry] {
        FolderEntry.read(URL(fileURLWithPath: root).appendingPathComponent(folder).path)
            .filter { isListed($0.name) }.sorted { $0.name < $1.name }
    }

    /// Whether an entry of `bijsluiters/` or `paginas/` is loaded. Hidden files (`.DS_Store`,
    /// `.gitkeep`) and editors' lock files (`.#a.md`) are skipped, but not a hidden `.md` file
    /// such as `..md`: that is meant as a page and gets a diagnostic for its name.
    static func isListed(_ name: String) -> Bool {
        !name.hasPrefix(".") || (name.hasSuffix(".md") && !name.hasPrefix(".#"))
    }

    /// Every file under a folder, relative to it, refusing links that leave the content folder.
    func listFiles(recursivelyIn folder: String, sink: DiagnosticSink) -> [String] {
        let base = URL(fileURLWithPath: root).appendingPathComponent(folder)
        var result: [String] = []
        var visited: Set<String> = []
        func walk(_ relative: String, depth: Int) {
            let url = relative.isEmpty ? base : base.appendingPathComponent(relative)
            guard depth < 16, let real = realPath(url.path), visited.insert(real).inserted else { return }
            for entry in ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() where !entry.hasPrefix(".") {
                let child = relative.isEmpty ? entry : "\(relative)/\(entry)"
                let childURL = base.appendingPathComponent(child)
                let path = display("\(folder)/\(child)")
                if isLoopLink(childURL) {
                    sink.error("FILE-LINK", at: .file(path), "deze snelkoppeling (symlink) verwijst naar de map zelf of een map erboven: een lus",
                               hint: "verwijder de snelkoppeling")
                    continue
                }
                guard checkInside(childURL, displayPath: path, sink: sink) else { continue }
                guard child.split(separator: "/").allSatisfy({ Slug.isValidFileName(String($0)) }) else {
                    sink.error("FILE-SLUG", at: .file(path), "de naam '\(entry)' kan niet in een webadres",
                               hint: "gebruik alleen letters, cijfers, '-', '_' en '.' (geen spaties)")
                    continue
                }
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: childURL.path, isDirectory: &isDirectory)
                if isDirectory.boolValue { walk(child, depth: depth + 1) } else { result.append(child) }
            }
        }
        walk("", depth: 0)
        return result
    }

    /// A content folder (`bijsluiters`, `paginas`, `bestanden`) that is a file would silently drop
    /// every document that belongs in it, so it blocks publishing.
    func checkFolders(sink: DiagnosticSink) {
        for folder in Self.folders {
            let url = URL(fileURLWithPath: root).appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            sink.error("FILE-FOLDER", at: .file(display(folder)), "'\(display(folder))' is een bestand, geen map: Inzage kan er niets uit lezen",
                       hint: "verwijder of hernoem dit bestand en maak een map '\(folder)'\(Self.folderContents[folder] ?? "")")
        }
    }

    /// What belongs in each content folder, for hints.
    static let folderContents = [
        "bijsluiters": " met daarin één .md-bestand per product",
        "paginas": " met daarin één .md-bestand per pagina",
        "bestanden": " met daarin de afbeeldingen en downloads",
    ]

    /// Whether a folder of this exact name is in the content folder.
    func hasFolder(_ name: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: URL(fileURLWithPath: root).appendingPathComponent(name).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    func reportStrayFiles(sink: DiagnosticSink) {
        let known = Set(Self.requiredFiles + Self.optionalFiles + Self.folders)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for entry in entries.sorted() where !entry.hasPrefix(".") && !known.contains(entry) {
            // A misnamed folder ('Bijsluiters', 'bijsluiter') where the real one is missing would publish
            // the site without any of its documents: that is an error, not a warning.
            if let folder = EditDistance.suggestion(for: entry, among: Self.folders), !hasFolder(folder),
               hasFolder(entry) {
                sink.error("FILE-FOLDER", at: .file(display(entry)), "de map '\(display(entry))' wordt niet gelezen: Inzage kent alleen de map '\(folder)'",
                           hint: "bedoelde u '\(folder)'? Hernoem de map naar '\(folder)'")
                continue
            }
            let suggestion = EditDistance.suggestion(for: entry, among: Array(known)).map { "; bedoelde u '\($0)'?" } ?? ""
            sink.warning("FILE-UNKNOWN", at: .file(display(entry)), "onbekend bestand of map; het wordt niet gebruikt\(suggestion)",
                         hint: "de inhoudsmap kent: \(known.sorted().joined(separator: ", "))")
        }
    }
}
