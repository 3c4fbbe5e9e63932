import Foundation

/// What a one-off `inzage build` that published the site keeps next to the output folder (the
/// hidden file `.public-inzage-bevindingen` beside `public/`), so that the next build after an
/// edit to the body of a bijsluiter checks and renders only that bijsluiter (`PatchBuild`):
/// - for every entry of `bijsluiters/`: a digest of its text and of its front matter, its page's
///   path, and its own findings (what loading it gave and what the per-file rules found in it);
/// - the findings of the rules across documents, with a digest of everything else they read.
///
/// It lies beside the output folder, not in it: the output folder is what gets published, and
/// these are the board's findings. It holds no pupil data (letters are no part of a build), and
/// may be deleted at any time: the next build is then a full one, which writes it again. Like
/// the build record it belongs to one Inzage executable, one working and content folder, one
/// date and one set of rules; when any of these differs nothing of it is used.
struct FindingsRecord: Equatable {
    static let header = "inzage-bevindingen 1"

    /// One entry of `bijsluiters/`, as the build that made the record loaded and checked it.
    struct Entry: Equatable {
        var name: String
        /// A digest of the text it was read as; nil for an entry that is not read (not a `.md`
        /// file, or a name no web address can hold), whose findings depend on its name alone.
        var source: StableDigest?
        /// `FolderFileResult.frontMatter`, when it gave a bijsluiter.
        var frontMatter: StableDigest?
        /// Its page's path (`BijsluiterPages.path(of:)`), when it gave a bijsluiter.
        var page: String?
        /// The length in UTF-8 bytes of its text before its body (`SiteBuilder.text(_:before:)`),
        /// when it gave a bijsluiter: what the listing pages' record key reads of it.
        var listedLength: Int?
        /// What loading it gave and what the per-file rules found in it.
        var findings: [Diagnostic]

        init(name: String, source: StableDigest?, frontMatter: StableDigest?, page: String?, listedLength: Int?, findings: [Diagnostic]) {
            self.name = name
            self.source = source
            self.frontMatter = frontMatter
            self.page = page
            self.listedLength = listedLength
            self.findings = findings
        }

        /// The entry `name`, as loading it gave `result` and the per-file rules found `ruleFindings` in it.
        init(_ result: ContentLoader.FolderFileResult, name: String, ruleFindings: [Diagnostic]) {
            let b = result.bijsluiter
            self.init(name: name, source: result.source.map { StableDigest.of($0) }, frontMatter: b == nil ? nil : result.frontMatter,
                      page: b.map(BijsluiterPages.path(of:)),
                      listedLength: b.flatMap { b in result.source.map { SiteBuilder.text($0, before: b.body.text).utf8.count } },
                      findings: result.diagnostics + ruleFindings)
        }
    }

    var identity: StableDigest
    /// Everything but the bijsluiters that the rules across documents read (`otherInputs`).
    var otherInputs: StableDigest
    /// The findings of the rules across documents.
    var whole: [Diagnostic]
    /// The entries of `bijsluiters/`, in name order.
    var entries: [Entry]

    /// The record's file for the output folder `output`: beside it, hidden, named after it (and
    /// not starting with the staging folders' prefix, `.public.inzage-`, which a publication
    /// clears away).
    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)-inzage-bevindingen")
    }

    /// What a record must have been made with to count: this executable (`BuildRecord`), the
    /// working folder and content folder as given (diagnostics name files relative to them), the
    /// date and the rules.
    static func identity(contentRoot: String, today: SchoolDate) -> StableDigest? {
        guard let executable = BuildRecord.executableStamp else { return nil }
        return StableDigest([header, executable, FileManager.default.currentDirectoryPath, contentRoot, today.iso,
                             RuleRegistry.all.map(\.code).joined(separator: ",")])
    }

    /// A digest of what the rules across documents read besides the bijsluiters: the text of
    /// every file read outside `bijsluiters/` (given as its display path, ending in `/`), and the
    /// list of downloads. With the date and the content folder (in `identity`) and every
    /// bijsluiter's front matter, that is all of `Content.forWholeRules`.
    static func otherInputs(_ content: Content, bijsluiterFolder: String) -> StableDigest {
        var digest = StableDigest()
        for path in content.sources.keys.filter({ !$0.hasPrefix(bijsluiterFolder) }).sorted() {
            digest.update(part: path)
            digest.update(part: content.sources[path] ?? "")
        }
        digest.update(byte: 1)
        for file in content.bestanden { digest.update(part: file) }
        return digest
    }

    /// The record of a one-off build that found no `fout`, from what it loaded and found; nil
    /// when there is no executable to name (`identity`).
    /// - Parameter bijsluiters: what each entry of `bijsluiters/` gave (`ContentLoader.loadKeepingBijsluiters`).
    static func make(content: Content, loader: ContentLoader, bijsluiters: [ContentLoader.FolderFileResult],
                     findings: CheckPipeline.Findings) -> FindingsRecord? {
        guard let identity = identity(contentRoot: loader.root, today: content.today) else { return nil }
        let folder = loader.display("bijsluiters/")
        // A per-file rule sees one file, so each of its findings lies in that file.
        let perFile = Dictionary(grouping: findings.perFile, by: \.location.file)
        let entries = bijsluiters.map { Entry($0, name: String($0.path.dropFirst(folder.count)), ruleFindings: perFile[$0.path] ?? []) }
        return FindingsRecord(identity: identity, otherInputs: otherInputs(content, bijsluiterFolder: folder), whole: findings.whole, entries: entries)
    }

    // MARK: Reading and writing

    /// The record at `url`, when it is whole and was made with `identity`; nil otherwise.
    static func read(from url: URL, identity: StableDigest) -> FindingsRecord? {
        guard let data = FileData.read(url.path), let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)[...]
        guard lines.popFirst() == Substring(header), lines.popFirst().flatMap(StableDigest.init(hex:)) == identity,
              let others = lines.popFirst(), others.hasPrefix("inputs "), let otherInputs = StableDigest(hex: others.dropFirst(7)),
              lines.popLast() == "" else { return nil }
        var record = FindingsRecord(identity: identity, otherInputs: otherInputs, whole: [], entries: [])
        for line in lines {
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Substring.init)
            switch fields.first {
            case "w":
                guard let finding = decode(fields) else { return nil }
                record.whole.append(finding)
            case "d":
                guard let finding = decode(fields), !record.entries.isEmpty else { return nil }
                record.entries[record.entries.count - 1].findings.append(finding)
            case "e":
                guard fields.count == 6, let name = unescaped(fields[1]), !name.isEmpty else { return nil }
                /// An empty field is no digest; anything else must be one.
                func digest(_ field: Substring) -> (valid: Bool, value: StableDigest?) {
                    field.isEmpty ? (true, nil) : StableDigest(hex: field).map { (true, $0) } ?? (false, nil)
                }
                let source = digest(fields[2]), frontMatter = digest(fields[3])
                guard source.valid, frontMatter.valid, let page = unescaped(fields[4]) else { return nil }
                let length = fields[5].isEmpty ? nil : Int(fields[5])
                guard fields[5].isEmpty || length != nil, record.entries.last.map({ $0.name < name }) ?? true else { return nil }
                record.entries.append(Entry(name: name, source: source.value, frontMatter: frontMatter.value, page: page.isEmpty ? nil : page,
                                            listedLength: length, findings: []))
            default:
                return nil
            }
        }
        return record
    }

    /// The record as text: a line per finding and per entry, fields apart by tabs.
    var text: String {
        var text = Self.header + "\n" + identity.description + "\n" + "inputs " + otherInputs.description + "\n"
        for finding in whole { text += Self.encode(finding, tag: "w") }
        for entry in entries {
            text += ["e", Self.escaped(entry.name), entry.source?.description ?? "", entry.frontMatter?.description ?? "",
                     Self.escaped(entry.page ?? ""), entry.listedLength.map(String.init) ?? ""].joined(separator: "\t") + "\n"
            for finding in entry.findings { text += Self.encode(finding, tag: "d") }
        }
        return text
    }

    /// Writes the record at `url` (next to it, then renamed over it), unless it holds this already.
    /// A record that cannot be written is removed: the next build is then a full one.
    func save(to url: URL) {
        let text = text
        if let old = FileData.read(url.path), old == Data(text.utf8) { return }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".\(getpid())")
        do {
            try SiteWriter.writeFile(temporary.path, Data(text.utf8))
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            Self.remove(at: url)
        }
    }

    /// Removes the record at `url`, if there is one.
    static func remove(at url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// `<tag> severity code file line column message [hint]`: no hint field for a finding without one.
    private static func encode(_ finding: Diagnostic, tag: String) -> String {
        var fields = [tag, finding.severity.rawValue, escaped(finding.code), escaped(finding.location.file), String(finding.location.line),
                      String(finding.location.column), escaped(finding.message)]
        if let hint = finding.hint { fields.append(escaped(hint)) }
        return fields.joined(separator: "\t") + "\n"
    }

    private static func decode(_ fields: [Substring]) -> Diagnostic? {
        guard fields.count == 7 || fields.count == 8, let severity = Severity(rawValue: String(fields[1])),
              let code = unescaped(fields[2]), let file = unescaped(fields[3]), let line = Int(fields[4]), let column = Int(fields[5]),
              let message = unescaped(fields[6]) else { return nil }
        let hint = fields.count == 8 ? unescaped(fields[7]) : nil
        guard fields.count == 7 || hint != nil else { return nil }
        return Diagnostic(severity, code, at: SourceLocation(file: file, line: line, column: column), message, hint: hint)
    }

    /// `text` with backslashes, tabs, newlines and carriage returns written as `\\`, `\t`, `\n`, `\r`.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// The text `escaped` wrote; nil for an escape it does not write.
    static func unescaped(_ field: Substring) -> String? {
        guard field.utf8.contains(0x5C) else { return String(field) }
        var result = ""
        var escaping = false
        for character in field.unicodeScalars {
            if escaping {
                switch character {
                case "\\": result += "\\"
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: return nil
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return escaping ? nil : result
    }
}
