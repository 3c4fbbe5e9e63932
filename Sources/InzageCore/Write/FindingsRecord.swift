import Foundation

/// What a one-off `inzage build` that published the site keeps next to the output folder (the
/// hidden file `.public-inzage-bevindingen` beside `public/`), so that the next build after an
/// edit to bijsluiters checks and renders only those, when no list and no rule across documents
/// reads what changed (`PatchBuild`):
/// - for every entry of `bijsluiters/`: its stat, a digest of its text and of its front matter,
///   its page's path and record key, what the listing pages' record key holds of it, where its
///   text before its body is in `RecordedTexts` (a file of their own), and its own findings (what
///   loading it gave and what the per-file rules found in it);
/// - the findings of the rules across documents, with a digest of everything else they read.
///
/// It lies beside the output folder, not in it: the output folder is what gets published, and
/// these are the board's findings. It holds no pupil data (letters are no part of a build), and
/// may be deleted at any time: the next build is then a full one, which writes it again. Like
/// the build record it belongs to one Inzage executable, one working and content folder, one
/// date and one set of rules; when any of these differs nothing of it is used.
struct FindingsRecord: Equatable {
    static let header = "inzage-bevindingen 2"

    /// One entry of `bijsluiters/`, as the build that made the record loaded and checked it.
    struct Entry: Equatable {
        var name: String
        /// Its stat before it was read, when that shows every later change (`FileStamp.trusted`):
        /// while it stays, the file is not read again.
        var stamp: FileStamp?
        /// A digest of the text it was read as; nil for an entry that is not read (not a `.md`
        /// file, or a name no web address can hold), whose findings depend on its name alone.
        var source: StableDigest?
        /// `FolderFileResult.frontMatter`, when it gave a bijsluiter.
        var frontMatter: StableDigest?
        /// Its page's path (`BijsluiterPages.path(of:)`), when it gave a bijsluiter.
        var page: String?
        /// Its page's key in the build record (`SiteBuilder.recordInputs`), when it gave a bijsluiter.
        var pageInputs: StableDigest?
        /// What the listing pages' key in the build record holds of it (`SiteBuilder.listedDigest`),
        /// when it gave a bijsluiter.
        var listed: StableDigest?
        /// Where its text before its body (`SiteBuilder.listedText`) is in the record's `texts`,
        /// when it gave a bijsluiter, and that text's digest: a patch build parses it when the
        /// front matter changed.
        var listedText: Range<Int>?
        var listedTextDigest: StableDigest?
        /// What loading it gave and what the per-file rules found in it.
        var findings: [Diagnostic]

        init(name: String, stamp: FileStamp? = nil, source: StableDigest?, frontMatter: StableDigest?, page: String?,
             pageInputs: StableDigest?, listed: StableDigest?, listedText: Range<Int>? = nil, listedTextDigest: StableDigest? = nil,
             findings: [Diagnostic]) {
            self.name = name
            self.stamp = stamp
            self.source = source
            self.frontMatter = frontMatter
            self.page = page
            self.pageInputs = pageInputs
            self.listed = listed
            self.listedText = listedText
            self.listedTextDigest = listedTextDigest
            self.findings = findings
        }

        /// The entry `name`, as loading it gave `result` and the per-file rules found `ruleFindings` in it.
        init(_ result: ContentLoader.FolderFileResult, name: String, ruleFindings: [Diagnostic]) {
            let b = result.bijsluiter, source = result.source
            let page = b.map(BijsluiterPages.path(of:))
            self.init(name: name, stamp: source == nil ? nil : result.stamp, source: source.map { StableDigest.of($0) },
                      frontMatter: b == nil ? nil : result.frontMatter, page: page,
                      pageInputs: page.flatMap { page in source.map { SiteBuilder.recordInputs(page: page, file: result.path, source: $0) } },
                      listed: b.flatMap { b in source.map { SiteBuilder.listedDigest($0, body: b.body.text) } },
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
    /// The texts before the bodies of the entries that gave a bijsluiter (`Entry.listedText`).
    var texts = RecordedTexts()

    /// Puts `entry` at `index` (at the end when `index` is `entries.count`), as loading gave
    /// `result`, with its text before its body; the texts file (`RecordedTexts`, of the record at
    /// `url`) is read only when that text is not the one the entry had.
    mutating func set(_ entry: Entry, at index: Int, from result: ContentLoader.FolderFileResult, record url: URL) {
        set(entry, listedText: Self.listedText(of: result), at: index, record: url)
    }

    /// `set` with the entry's text before its body (`listedText(of:)`) made already.
    private mutating func set(_ entry: Entry, listedText: (text: String, digest: StableDigest)?, at index: Int, record url: URL) {
        var entry = entry
        if let (text, digest) = listedText {
            if index < entries.count, entries[index].listedTextDigest == digest, let range = entries[index].listedText {
                entry.listedText = range
                entry.listedTextDigest = digest
            } else if let range = texts.append(text, from: RecordedTexts.location(forRecord: url)) {
                entry.listedText = range
                entry.listedTextDigest = digest
            }
        }
        if index == entries.count { entries.append(entry) } else { entries[index] = entry }
    }

    /// The text before the body of the bijsluiter that loading gave, with its digest.
    private static func listedText(of result: ContentLoader.FolderFileResult) -> (text: String, digest: StableDigest)? {
        guard let b = result.bijsluiter, let source = result.source else { return nil }
        let text = SiteBuilder.listedText(source, body: b.body.text)
        return (text, StableDigest.of(text))
    }

    /// The text before the body of the entry at `index` as the record holds it (the record at
    /// `url`), when it gave a bijsluiter and the texts file holds that text where the entry says.
    func listedText(at index: Int, record url: URL) -> String? {
        guard let range = entries[index].listedText, let digest = entries[index].listedTextDigest else { return nil }
        return texts.text(at: range, digest: digest, from: RecordedTexts.location(forRecord: url))
    }

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
                     findings: CheckPipeline.Findings, at url: URL) -> FindingsRecord? {
        guard let identity = identity(contentRoot: loader.root, today: content.today) else { return nil }
        let folder = loader.display("bijsluiters/")
        // A per-file rule sees one file, so each of its findings lies in that file.
        let perFile = Dictionary(grouping: findings.perFile, by: \.location.file)
        var record = FindingsRecord(identity: identity, otherInputs: otherInputs(content, bijsluiterFolder: folder), whole: findings.whole, entries: [])
        // Each entry's digests and text on all cores: this runs after the publication, on the
        // build's path, and digests every bijsluiter's text (about 25 ms on one core for 2 000).
        // The work cannot fail; were the map to, the entries are made one by one.
        let prepare = { (result: ContentLoader.FolderFileResult) in
            (entry: Entry(result, name: String(result.path.dropFirst(folder.count)), ruleFindings: perFile[result.path] ?? []),
             text: listedText(of: result))
        }
        let made = (try? Parallel.map(bijsluiters, minimumBatch: 64, prepare)) ?? bijsluiters.map(prepare)
        for (entry, text) in made {
            record.set(entry, listedText: text, at: record.entries.count, record: url)
        }
        return record
    }

    // MARK: Reading and writing

    /// The record at `url`, when it is whole and was made with `identity`; nil otherwise. Read as
    /// bytes, line by line: a record of 2 000 bijsluiters is read on the path of every patch build.
    static func read(from url: URL, identity: StableDigest) -> FindingsRecord? {
        guard let data = FileData.read(url.path) else { return nil }
        let bytes = [UInt8](data)
        var lines = ByteLines(bytes)
        guard let first = lines.next(), first.elementsEqual(header.utf8), let second = lines.next(),
              StableDigest(hexBytes: second) == identity, let third = lines.next(), third.starts(with: "inputs ".utf8),
              let otherInputs = StableDigest(hexBytes: third.dropFirst(7)) else { return nil }
        var record = FindingsRecord(identity: identity, otherInputs: otherInputs, whole: [], entries: [])
        while let line = lines.next() {
            // The texts file's size comes last: a record without it was cut off.
            if line.starts(with: "texts ".utf8) {
                let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
                guard fields.count == 2, let count = ASCIIScan.decimal(fields[1]), count >= 0,
                      lines.next() == nil, bytes.last == UInt8(ascii: "\n"),
                      record.entries.allSatisfy({ $0.listedText.map { $0.upperBound <= count } ?? true }) else { return nil }
                record.texts = RecordedTexts(count: Int(count))
                return record
            }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields[0].count == 1 else { return nil }
            switch fields[0].first {
            case UInt8(ascii: "w"):
                guard let finding = decode(fields) else { return nil }
                record.whole.append(finding)
            case UInt8(ascii: "d"):
                guard let finding = decode(fields), !record.entries.isEmpty else { return nil }
                record.entries[record.entries.count - 1].findings.append(finding)
            case UInt8(ascii: "e"):
                guard fields.count == 11, let name = text(fields[1]), !name.isEmpty else { return nil }
                /// An empty field is no digest; anything else must be one.
                func digest(_ field: ArraySlice<UInt8>) -> (valid: Bool, value: StableDigest?) {
                    field.isEmpty ? (true, nil) : StableDigest(hexBytes: field).map { (true, $0) } ?? (false, nil)
                }
                let stamp = fields[2].isEmpty ? nil : FileStamp(recordText: fields[2])
                let source = digest(fields[3]), frontMatter = digest(fields[4]), pageInputs = digest(fields[6]), listed = digest(fields[7])
                let start = ASCIIScan.decimal(fields[8]), count = ASCIIScan.decimal(fields[9]), textDigest = digest(fields[10])
                guard fields[2].isEmpty || stamp != nil, source.valid, frontMatter.valid, pageInputs.valid, listed.valid, textDigest.valid,
                      fields[8].isEmpty == (textDigest.value == nil),
                      (fields[8].isEmpty && fields[9].isEmpty) || (start.map { $0 >= 0 } ?? false && count.map { $0 >= 0 } ?? false),
                      let page = text(fields[5]), record.entries.last.map({ $0.name < name }) ?? true else { return nil }
                let listedText = start.flatMap { start in count.map { Int(start)..<Int(start + $0) } }
                record.entries.append(Entry(name: name, stamp: stamp, source: source.value, frontMatter: frontMatter.value,
                                            page: page.isEmpty ? nil : page, pageInputs: pageInputs.value, listed: listed.value,
                                            listedText: listedText, listedTextDigest: textDigest.value, findings: []))
            default:
                return nil
            }
        }
        return nil
    }

    /// The record as bytes: a line per finding and per entry, fields apart by tabs.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160 * (entries.count + whole.count + 4))
        func add(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func add(_ digest: StableDigest?) { digest?.appendHex(to: &bytes) }
        func tab() { bytes.append(UInt8(ascii: "\t")) }
        add(Self.header + "\n")
        add(identity)
        add("\ninputs ")
        add(otherInputs)
        add("\n")
        for finding in whole { Self.encode(finding, tag: "w", into: &bytes) }
        for entry in entries {
            add("e\t" + Self.escaped(entry.name) + "\t")
            if let stamp = entry.stamp { add(stamp.recordText) }
            tab(); add(entry.source); tab(); add(entry.frontMatter); tab()
            add(Self.escaped(entry.page ?? "")); tab(); add(entry.pageInputs); tab(); add(entry.listed); tab()
            if let range = entry.listedText { add(String(range.lowerBound)); tab(); add(String(range.count)) } else { tab() }
            tab(); add(entry.listedTextDigest)
            bytes.append(UInt8(ascii: "\n"))
            for finding in entry.findings { Self.encode(finding, tag: "d", into: &bytes) }
        }
        add("texts \(texts.count)\n")
        return bytes
    }

    /// Writes the record at `url`, and its texts file when a text changed (the texts first, so a
    /// record never names texts that are not there; `FileData.replace`), unless the files hold
    /// this already. A record that cannot be written is removed: the
    /// next build is then a full one.
    func save(to url: URL) {
        var record = self
        if record.texts.changed {
            let inUse = record.entries.map { entry in entry.listedText.flatMap { range in entry.listedTextDigest.map { (range, $0) } } }
            guard let ranges = record.texts.save(to: RecordedTexts.location(forRecord: url), ranges: inUse) else {
                Self.remove(at: url)
                return
            }
            for (index, range) in ranges.enumerated() {
                record.entries[index].listedText = range
                if range == nil { record.entries[index].listedTextDigest = nil }
            }
        }
        let data = Data(record.bytes)
        if let old = FileData.read(url.path), old == data { return }
        if !FileData.replace(url.path, with: data) { Self.remove(at: url) }
    }

    /// Removes the record at `url` and its texts file, if there are: plain files only, never a
    /// folder or link that happens to have their name.
    static func remove(at url: URL) {
        for file in [url, RecordedTexts.location(forRecord: url)] {
            var info = stat()
            guard lstat(file.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            unlink(file.path)
        }
    }

    /// `<tag> severity code file line column message [hint]`: no hint field for a finding without one.
    private static func encode(_ finding: Diagnostic, tag: String, into bytes: inout [UInt8]) {
        var fields = [tag, finding.severity.rawValue, escaped(finding.code), escaped(finding.location.file), String(finding.location.line),
                      String(finding.location.column), escaped(finding.message)]
        if let hint = finding.hint { fields.append(escaped(hint)) }
        bytes.append(contentsOf: (fields.joined(separator: "\t") + "\n").utf8)
    }

    private static func decode(_ fields: [ArraySlice<UInt8>]) -> Diagnostic? {
        guard fields.count == 7 || fields.count == 8, let severity = text(fields[1]).flatMap(Severity.init(rawValue:)),
              let code = text(fields[2]), let file = text(fields[3]), let line = ASCIIScan.decimal(fields[4]), let column = ASCIIScan.decimal(fields[5]),
              let message = text(fields[6]), let line = Int(exactly: line), let column = Int(exactly: column) else { return nil }
        let hint = fields.count == 8 ? text(fields[7]) : nil
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

    /// The text of a field `escaped` wrote; nil for bytes that are not UTF-8 or an escape it does not write.
    private static func text(_ field: ArraySlice<UInt8>) -> String? {
        String(validating: field, as: UTF8.self).flatMap { unescaped($0[...]) }
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
