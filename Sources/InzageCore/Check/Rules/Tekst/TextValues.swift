/// Every text value of the content with the key it stands under, for rules over all texts.
enum TextValues {
    struct Value {
        var key: String?
        var scalar: YScalar
    }

    static func all(in content: Content) -> [Value] {
        var result: [Value] = []
        func walk(_ node: YNode, key: String?) {
            switch node {
            case .scalar(let s): if !s.isNull { result.append(Value(key: key, scalar: s)) }
            case .mapping(let pairs, _): for pair in pairs { walk(pair.value, key: pair.key.text) }
            case .sequence(let items, _): for item in items { walk(item, key: key) }
            }
        }
        for path in content.yamlTrees.keys.sorted() {
            if let tree = content.yamlTrees[path] { walk(tree, key: nil) }
        }
        return result
    }

    /// Body lines outside fenced code blocks.
    static func bodyLines(in content: Content) -> [Located<Substring>] {
        content.bodyLineCache ?? splitBodyLines(content)
    }

    static func splitBodyLines(_ content: Content) -> [Located<Substring>] {
        let perBody = { (body: MarkdownBody) -> [Located<Substring>] in
            var inFence = false
            return body.lineSlices.filter { line in
                let trimmed = line.value.drop(while: \.isWhitespace)
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); return false }
                return !inFence
            }
        }
        // Bodies are independent: split them on all cores, keep their order.
        return ((try? Parallel.map(content.bodies, perBody)) ?? content.bodies.map(perBody)).flatMap { $0 }
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
