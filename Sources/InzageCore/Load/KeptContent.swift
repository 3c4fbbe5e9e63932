/// The content the last load under `serve` made, with where the parts of each file of
/// `bijsluiters/` and `paginas/` stand in it. A load that finds every top-level document as it
/// was and the same files in both folders patches this content in place, at the files whose
/// parse changed, instead of putting every parse together again: that merge touched 2 000
/// parses (five tables and three lists) on the path of every rebuild.
struct KeptContent {
    var content: Content
    /// The text of each top-level document that was there, by display path (nil: unreadable).
    let documents: [String: String?]
    /// `bijsluiters/` and `paginas/`, in the order they were merged.
    var folders: [MergedFolder]
    /// Every file's display path (`BuildSession.keepOnlyParsed`).
    let listed: Set<String>

    /// One folder's results as merged into `content`.
    struct MergedFolder {
        let paths: [String]
        var results: [ContentLoader.FolderFileResult]
        /// For each result, the index of its bijsluiter or page in the content (-1: none).
        var itemIndex: [Int] = []
        /// For each result, the index of its body in `content.bodies` (-1: none).
        var bodyIndex: [Int] = []
        var diagnostics: [Diagnostic] = []
        var invalidValues: [InvalidValue] = []

        init(paths: [String], results: [ContentLoader.FolderFileResult]) {
            self.paths = paths
            self.results = results
            itemIndex.reserveCapacity(results.count)
            bodyIndex.reserveCapacity(results.count)
        }
    }

    /// Puts `folders` (the folders as loaded now) in place of the results this content was made
    /// from, patching it in place; false, with nothing changed, when it cannot be patched: a
    /// top-level document, the day or a folder's files differ, or a changed file now gives (or
    /// gave) a part the other parse does not (a bijsluiter that no longer decodes, a body that
    /// is gone). Patched in place only when nothing else holds the content (the build that used
    /// it is over); otherwise its tables are copied first, as a merge would make them.
    mutating func patch(documents: [String: String?], folders loaded: [KeptFolder<ContentLoader.FolderFileResult>],
                        today: SchoolDate, root: String) -> Bool {
        guard content.today == today, content.root == root, documents == self.documents,
              loaded.count == folders.count, content.textFileCache != nil else { return false }
        var changes: [(folder: Int, index: Int, text: Int?)] = []
        for (number, (folder, now)) in zip(folders, loaded).enumerated() {
            guard folder.paths == now.paths else { return false }
            // An array of class references holds their addresses: compared as such, without
            // touching (or retaining) the thousands of results.
            let changed = folder.results.withUnsafeBufferPointer { old in
                now.results.withUnsafeBufferPointer { new in
                    old.withMemoryRebound(to: ObjectIdentifier.self) { old in
                        new.withMemoryRebound(to: ObjectIdentifier.self) { new in old.indices.filter { old[$0] != new[$0] } }
                    }
                }
            }
            for index in changed {
                let old = folder.results[index], new = now.results[index]
                guard Self.hasSameParts(old, new) else { return false }
                let text = new.textFile == nil ? nil : Self.position(of: new.path, in: content.textFileCache!)
                guard new.textFile == nil || text != nil else { return false }
                changes.append((number, index, text))
            }
        }
        for (number, index, text) in changes {
            let old = folders[number].results[index], result = loaded[number].results[index]
            let path = result.path
            if let source = result.source { content.sources[path] = source }
            if let tree = result.tree { content.yamlTrees[path] = tree }
            if let bodyless = result.bodyless { content.bodylessFingerprints[path] = bodyless }
            if let listed = result.listed { content.listedBijsluiters[path] = listed }
            let item = folders[number].itemIndex[index]
            if let bijsluiter = result.bijsluiter { content.bijsluiters[item] = bijsluiter }
            if let pagina = result.pagina { content.paginas[item] = pagina }
            if let body = result.body { content.bodies[folders[number].bodyIndex[index]] = body }
            if let textFile = result.textFile, let text { content.textFileCache![text] = textFile }
            folders[number].results[index] = result
            // What the folder's files found stays the same unless the changed file found something.
            if !(old.diagnostics.isEmpty && result.diagnostics.isEmpty && old.invalidValues.isEmpty && result.invalidValues.isEmpty) {
                folders[number].diagnostics = folders[number].results.flatMap(\.diagnostics)
                folders[number].invalidValues = folders[number].results.flatMap(\.invalidValues)
            }
        }
        return true
    }

    /// Whether `new` gives the same parts as `old` (a bijsluiter, a body, …), so that its parts
    /// can take the places of `old`'s.
    private static func hasSameParts(_ old: ContentLoader.FolderFileResult, _ new: ContentLoader.FolderFileResult) -> Bool {
        old.path == new.path
            && (old.source == nil) == (new.source == nil) && (old.tree == nil) == (new.tree == nil)
            && (old.body == nil) == (new.body == nil) && (old.bijsluiter == nil) == (new.bijsluiter == nil)
            && (old.pagina == nil) == (new.pagina == nil) && (old.bodyless == nil) == (new.bodyless == nil)
            && (old.listed == nil) == (new.listed == nil) && (old.textFile == nil) == (new.textFile == nil)
    }

    /// Where the file at `path` is in `files`, sorted by path.
    private static func position(of path: String, in files: [TextValues.File]) -> Int? {
        let low = files.indices.partitionPoint { files[$0].path < path }
        return low < files.count && files[low].path == path ? low : nil
    }
}
