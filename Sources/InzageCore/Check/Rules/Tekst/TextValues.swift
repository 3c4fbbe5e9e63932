/// Every text value of the content with the key it stands under, for rules over all texts.
enum TextValues {
    struct Value {
        var key: String?
        var scalar: YScalar
    }

    /// One file's texts: its YAML values and its Markdown lines outside code blocks.
    struct File: Sendable {
        let path: String
        let tree: YNode?
        let body: MarkdownBody?
        /// The tree's text values, listed once for the several rules that read them.
        let values: [Value]

        init(path: String, tree: YNode?, body: MarkdownBody?) {
            self.path = path
            self.tree = tree
            self.body = body
            values = tree.map(TextValues.values(in:)) ?? []
        }

        /// The whole body ("" without one). A word that is nowhere in it is in none of `lines`, so
        /// a rule that looks for a few words scans it once and skips the lines of most files.
        var bodyText: String { body?.text ?? "" }

        /// The body's lines outside code blocks, found when asked for: the rules that read lines
        /// look at `bodyText` first and need the lines of few files. Made for every file while
        /// loading, they were about 3 % of a 10 000-page build (a text and a path taken per line).
        var lines: [Located<Substring>] { lines { _ in true } }

        /// The lines of `lines` whose UTF-8 bytes `isWanted` accepts: only those are made located
        /// slices (a rule that wants the few lines holding its words reads the others as bytes).
        func lines(where isWanted: (UnsafeBufferPointer<UInt8>) -> Bool) -> [Located<Substring>] {
            body.map { TextValues.bodyLines(of: $0, where: isWanted) } ?? []
        }
    }

    /// Every text value of one YAML tree.
    static func values(in tree: YNode) -> [Value] {
        var result: [Value] = []
        func walk(_ node: YNode, key: String?) {
            switch node {
            case .scalar(let s): if !s.isNull { result.append(Value(key: key, scalar: s)) }
            case .mapping(let pairs, _): for pair in pairs { walk(pair.value, key: pair.key.text) }
            case .sequence(let items, _): for item in items { walk(item, key: key) }
            }
        }
        walk(tree, key: nil)
        return result
    }

    /// Every file with a YAML tree or a Markdown body, in path order (made by the loader).
    static func files(in content: Content) -> [File] {
        content.textFileCache ?? makeFiles(content)
    }

    /// The texts of one file, when it has a tree or a body.
    static func file(_ path: String, tree: YNode?, body: MarkdownBody?) -> File? {
        guard tree != nil || body != nil else { return nil }
        return File(path: path, tree: tree, body: body)
    }

    /// Splits every body into lines, for content that did not come from the loader.
    static func makeFiles(_ content: Content) -> [File] {
        let bodies = Dictionary(content.bodies.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(content.yamlTrees.keys).union(bodies.keys).sorted().compactMap { file($0, tree: content.yamlTrees[$0], body: bodies[$0]) }
    }

    /// Body lines outside fenced code blocks whose bytes `isWanted` accepts.
    static func bodyLines(of body: MarkdownBody, where isWanted: (UnsafeBufferPointer<UInt8>) -> Bool) -> [Located<Substring>] {
        var inFence = false
        var result: [Located<Substring>] = []
        body.forEachLine { line, bytes, number in
            if MarkdownBody.isFence(line) {
                inFence.toggle()
            } else if !inFence, isWanted(bytes) {
                result.append(Located(line, at: SourceLocation(file: body.file, line: number, column: 1)))
            }
        }
        return result
    }

    /// The location of a substring inside a text that starts at `start`. Columns count Unicode
    /// scalars, as libyaml's do; lines after the first (in a `|` block) share the first one's indentation.
    static func location(of range: Range<String.Index>, in text: String, at start: SourceLocation) -> SourceLocation {
        var location = start
        let prefix = text[text.startIndex..<range.lowerBound]
        if let newline = prefix.lastIndex(of: "\n") {
            location.line += prefix.filter { $0 == "\n" }.count
            location.column = start.column + prefix[prefix.index(after: newline)...].unicodeScalars.count
        } else {
            location.column += prefix.unicodeScalars.count
        }
        return location
    }
}
