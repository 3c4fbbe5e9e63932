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
    static let header = "inzage-bevindingen 3"

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

    /// The record at `url`, when it is whole and was made with `identity`; nil otherwise. Read
    /// as Inzage's own binary records are (`ByteReader`): a record of 2 000 bijsluiters is read on
    /// the path of every patch build, and read as lines of text it took about 10 ms.
    static func read(from url: URL, identity: StableDigest) -> FindingsRecord? {
        guard let bytes = FileData.readBytes(url.path) else { return nil }
        var reader = ByteReader(bytes)
        do {
            guard try reader.text() == header, try reader.digest() == identity else { return nil }
            let otherInputs = try reader.digest()
            var record = FindingsRecord(identity: identity, otherInputs: otherInputs, whole: try findings(&reader), entries: [])
            let count = try reader.number()
            // Each entry takes more than 8 bytes: a damaged count reserves no more than the file holds.
            record.entries.reserveCapacity(min(count, bytes.count / 8))
            for _ in 0..<count {
                let name = try reader.text()
                guard !name.isEmpty, record.entries.last.map({ $0.name < name }) ?? true else { return nil }
                let stamp = try reader.stamp()
                let source = try reader.optionalDigest(), frontMatter = try reader.optionalDigest()
                let page = try reader.optionalText(), pageInputs = try reader.optionalDigest(), listed = try reader.optionalDigest()
                var listedText: Range<Int>?
                if try reader.flag() {
                    let start = try reader.number(), end = try reader.number()
                    guard start <= end else { return nil }
                    listedText = start..<end
                }
                let listedTextDigest = try reader.optionalDigest()
                guard (listedText == nil) == (listedTextDigest == nil), page.map({ !$0.isEmpty }) ?? true else { return nil }
                record.entries.append(Entry(name: name, stamp: stamp, source: source, frontMatter: frontMatter, page: page, pageInputs: pageInputs,
                                            listed: listed, listedText: listedText, listedTextDigest: listedTextDigest, findings: try findings(&reader)))
            }
            // The texts file's size comes last: a record without it was cut off.
            let texts = try reader.number()
            guard reader.isAtEnd, record.entries.allSatisfy({ $0.listedText.map { $0.upperBound <= texts } ?? true }) else { return nil }
            record.texts = RecordedTexts(count: texts)
            return record
        } catch {
            return nil
        }
    }

    /// The record as bytes (`ByteWriter`): its header and identity, the other inputs' digest, the
    /// findings of the rules across documents, every entry with its own findings, and the size of
    /// the texts file.
    var bytes: [UInt8] {
        var writer = ByteWriter(capacity: 200 * (entries.count + whole.count + 4))
        writer.text(Self.header)
        writer.digest(identity)
        writer.digest(otherInputs)
        Self.write(whole, to: &writer)
        writer.number(entries.count)
        for entry in entries {
            writer.text(entry.name)
            writer.stamp(entry.stamp)
            writer.optionalDigest(entry.source)
            writer.optionalDigest(entry.frontMatter)
            writer.optionalText(entry.page)
            writer.optionalDigest(entry.pageInputs)
            writer.optionalDigest(entry.listed)
            writer.flag(entry.listedText != nil && entry.listedTextDigest != nil)
            if let range = entry.listedText, entry.listedTextDigest != nil {
                writer.number(range.lowerBound)
                writer.number(range.upperBound)
            }
            writer.optionalDigest(entry.listedText == nil ? nil : entry.listedTextDigest)
            Self.write(entry.findings, to: &writer)
        }
        writer.number(texts.count)
        return writer.bytes
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

    /// Findings: how many, then each with its severity, code, place, message and hint.
    private static func write(_ findings: [Diagnostic], to writer: inout ByteWriter) {
        writer.number(findings.count)
        for finding in findings {
            writer.text(finding.severity.rawValue)
            writer.text(finding.code)
            writer.text(finding.location.file)
            writer.signed(finding.location.line)
            writer.signed(finding.location.column)
            writer.text(finding.message)
            writer.optionalText(finding.hint)
        }
    }

    private static func findings(_ reader: inout ByteReader) throws -> [Diagnostic] {
        let count = try reader.number()
        guard count <= reader.remaining else { throw ByteReader.Malformed() }
        var findings: [Diagnostic] = []
        findings.reserveCapacity(count)
        for _ in 0..<count {
            guard let severity = Severity(rawValue: try reader.text()) else { throw ByteReader.Malformed() }
            let code = try reader.text(), file = try reader.text(), line = try reader.signed(), column = try reader.signed()
            findings.append(Diagnostic(severity, code, at: SourceLocation(file: file, line: line, column: column), try reader.text(),
                                       hint: try reader.optionalText()))
        }
        return findings
    }
}
