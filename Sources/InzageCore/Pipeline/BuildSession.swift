import Foundation

/// What a long-running `inzage serve` keeps between rebuilds so that a change to one file re-does
/// only what depends on it. Bijsluiters and pages are known by their parse (`parseKey`: a new
/// number each time the file is parsed), and everything made from one file alone is kept under it:
/// - parsed top-level documents, bijsluiters and pages, while the file's identity, size and times stay;
/// - with each parse, its texts split for the text rules and (`Content.bodylessFingerprints`)
///   a fingerprint of it without its body;
/// - the findings of the per-file rules (dropped wholesale when the rules or `ItemContext`
///   change), and of the rules across documents while nothing they read changed;
/// - rendered per-item pages (one bijsluiter, one extra page) and view fragments (a product's row
///   in a list), dropped wholesale when anything global changes (organisatie.yaml, any other
///   top-level document, the list of pages, a template, the date);
/// - pages that show many files, keyed by a fingerprint of their view, and all of them together
///   (`ListingPages`) while no global input and no bijsluiter's or page's front matter changed;
/// - the parsed theme, and what the output folder held (`PublishedFiles`);
/// - the files of bestanden/ as last read, while their stat stays (`bestand`).
public final class BuildSession: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: (stamp: FileStamp, value: Any)] = [:]
    /// Which parse of each file the content holds: a new number every time a file is parsed.
    private var generations: [String: (number: Int, key: String)] = [:]
    private var nextGeneration = 0
    private var lastListed: Set<String> = []
    private var rendered: [String: OutputFile] = [:]
    /// The files of bestanden/ as last read, by output path, with their source's stat.
    private var bestanden: [String: (stamp: FileStamp, data: Data)] = [:]
    private var globalKey: String?
    private var findings: [String: [Diagnostic]] = [:]
    /// What the pages keep of each parse (rows, sort keys), by parse key.
    private var fragments: [String: FileFragments] = [:]
    private var theme: (fingerprint: String, templates: TemplateSet)?
    /// The parses whose fragments this render pass asked for.
    private var usedFragments: Set<String> = []
    private var checkKey: String?
    private var wholeFindings: [Int: (key: ViewFingerprint, findings: [Diagnostic])] = [:]
    private var listing: (key: ViewFingerprint, pages: ListingPages)?
    /// The long lists of the last listing pages made (`RowList`), by place.
    private var rowLists: [String: KeptRowList] = [:]
    /// The pages of the board's own documents that list no bijsluiter, made for `globalKey`.
    private var board: [Page]?
    /// Whether the last render pass took the listing pages from the one before (for tests).
    private(set) var listingWasReused = false
    /// Whether the last listing pages took the board's own pages that list no bijsluiter from
    /// an earlier pass (`boardPages`).
    private(set) var boardPagesWereReused = false
    /// Whether the last load patched the content of the load before (`KeptContent`; for tests).
    private(set) var contentWasPatched = false
    /// Whether the last check took the findings of the rules across documents from the one before (for tests).
    private(set) var wholeRulesWereReused = false
    /// The groups of rules across documents the last check ran (for tests).
    private(set) var wholeRuleGroupsRun: [Int] = []

    /// What the last publication found in the output folder.
    let published: PublishedFiles

    /// What changed since the last load, as the watcher noted it (`noteChanges`).
    private var pendingChanges: ContentChanges = .unknown
    /// Whether loads may trust the watcher's notes (`trustWatcher`).
    private var watcherTrusted = false
    /// The last load's `KeptFolder` of each of `bijsluiters/` and `paginas/`, by display path.
    private var keptFolders: [String: Any] = [:]
    /// The last load's content, for the next load to patch (`KeptContent`).
    private var loadedContent: KeptContent?
    /// The change page's and the feed's rows as the last render pass sorted them, by list.
    private var changeRows: [String: Any] = [:]
    private var trustedChangesInLastLoad = false
    /// Whether the last load took files of a folder from its `KeptFolder` without looking at
    /// them, trusting the watcher's notes.
    public var lastLoadTrustedChanges: Bool { lock.withLock { trustedChangesInLastLoad } }

    /// - Parameter watchingOutput: whether the published site is watched with inotify between
    ///   rebuilds (`OutputWatch`), as `serve` does; each watch holds one of the system's few
    ///   inotify instances.
    public init(watchingOutput: Bool = false) {
        published = PublishedFiles(watching: watchingOutput)
    }

    /// A parsed file is reused while its identity, size, modification and change times are the
    /// ones it had when it was parsed, and it was already older than `racyInterval` then: a file
    /// written within the same clock tick as a read could change again without its times
    /// moving (the "racy clean" case git guards against), so such a file is read again.
    /// - Parameters: path: the file's display path (as diagnostics and `parseKey` name it);
    ///   location: where it is read from.
    func parsedValue<T>(for path: String, at location: String, make: () -> T) -> T {
        parsedValue(for: path, stamp: { FileStamp(path: location) }, make: make)
    }

    /// Like `parsedValue(for:at:make:)`, with the file's stat taken by `stamp` (which may read it
    /// relative to an open folder: a shorter path for the kernel to walk, thousands of times).
    func parsedValue<T>(for path: String, stamp: () -> FileStamp?, make: () -> T) -> T {
        let readStart = FileStamp.now()
        guard let stamp = stamp() else { return make() }
        let cached = lock.withLock { parsed[path] }
        if let cached, cached.stamp == stamp, let value = cached.value as? T { return value }
        let value = make()
        lock.withLock {
            nextGeneration += 1
            // Short (a few bytes, kept inside the string itself): it is hashed thousands of times
            // per rebuild. The number alone names the parse: it is new for every parse of any file.
            generations[path] = (nextGeneration, "\u{1}" + String(nextGeneration))
        }
        if stamp.modified < readStart - Self.racyInterval {
            lock.withLock { parsed[path] = (stamp, value) }
        } else {
            lock.withLock { _ = parsed.removeValue(forKey: path) }
        }
        return value
    }

    /// The kept parses of many files at once, under one lock: for each path, the value kept by
    /// `parsedValue` when the file's stat is still `stamps` at the same index, else nil.
    func keptValues<T>(for paths: [String], stamps: [FileStamp?]) -> [T?] {
        lock.withLock {
            zip(paths, stamps).map { path, stamp in
                guard let stamp, let cached = parsed[path], cached.stamp == stamp else { return nil }
                return cached.value as? T
            }
        }
    }

    /// A key for what was parsed from `path`: the same only while the same parse is reused, so
    /// findings and pages kept under it belong to exactly these bytes. Nil for a file this
    /// session did not parse.
    func parseKey(for path: String) -> String? {
        lock.withLock { generations[path]?.key }
    }

    /// The parse keys of many files, under one lock.
    func parseKeys(for paths: [String]) -> [String?] {
        lock.withLock { paths.map { generations[$0]?.key } }
    }

    /// Forgets parsed files that are no longer in the content folder.
    func keepOnlyParsed(_ paths: Set<String>) {
        lock.withLock {
            guard paths != lastListed else { return }
            lastListed = paths
            parsed = parsed.filter { paths.contains($0.key) }
            generations = generations.filter { paths.contains($0.key) }
        }
    }

    /// From now on, loads trust the changes noted with `noteChanges`: a file of `bijsluiters/` or
    /// `paginas/` that no note names is taken as the load before left it. Call it once the
    /// watcher watches every folder. The next load still looks at every file: a change made
    /// before the watcher started is in no note.
    public func trustWatcher() {
        lock.withLock {
            watcherTrusted = true
            pendingChanges = .unknown
        }
    }

    /// Notes what the watcher saw change; the next load looks at these files (at every file
    /// when the changes are unknown).
    public func noteChanges(_ changes: ContentChanges) {
        lock.withLock { pendingChanges = pendingChanges.union(changes) }
    }

    /// What changed since the last load, for the load that begins now: unknown unless the
    /// watcher is trusted.
    func takeChanges() -> ContentChanges {
        lock.withLock {
            let changes = pendingChanges
            pendingChanges = watcherTrusted ? .files([]) : .unknown
            trustedChangesInLastLoad = false
            return changes
        }
    }

    func keptFolder<Result>(_ folder: String) -> KeptFolder<Result>? {
        lock.withLock { keptFolders[folder] as? KeptFolder<Result> }
    }

    func keepFolder<Result>(_ kept: KeptFolder<Result>, for folder: String, trustedChanges: Bool) {
        lock.withLock {
            keptFolders[folder] = kept
            if trustedChanges { trustedChangesInLastLoad = true }
        }
    }

    /// The last load's content, handed over: while the session holds it too, a patch would copy
    /// its tables first.
    func takeLoadedContent() -> KeptContent? {
        lock.withLock {
            defer { loadedContent = nil }
            return loadedContent
        }
    }

    /// - Parameter patched: whether the load patched the content before (for tests).
    func keepLoadedContent(_ kept: KeptContent, patched: Bool) {
        lock.withLock {
            loadedContent = kept
            contentWasPatched = patched
        }
    }

    /// The rows of the change list `key` as the last render pass sorted them, handed over (the
    /// next pass patches them in place).
    func takeChangeRows<Row>(at key: String) -> SortedChangeRows<Row>? {
        lock.withLock { changeRows.removeValue(forKey: key) as? SortedChangeRows<Row> }
    }

    func keepChangeRows<Row>(_ rows: SortedChangeRows<Row>, at key: String) {
        lock.withLock { changeRows[key] = rows }
    }

    /// How old a file must be before its times are trusted to show a change (nanoseconds).
    static let racyInterval: Int64 = 2_000_000_000

    /// The parsed theme, parsed again only when one of its files changed.
    func templates(_ sources: TemplateSet.Sources) throws -> TemplateSet {
        let fingerprint = sources.fingerprint
        if let theme = lock.withLock({ theme }), theme.fingerprint == fingerprint { return theme.templates }
        let templates = try TemplateSet(sources)
        lock.withLock { theme = (fingerprint, templates) }
        return templates
    }

    /// Whether a render pass of this session has made every per-item page (after that, it keeps
    /// what it made itself). A pass stopped before, by a rule's `fout`, does not count.
    var hasRendered: Bool { lock.withLock { madeEveryItem } }
    private var madeEveryItem = false

    /// Starts a render pass: forgets every rendered page when the global inputs changed.
    func beginRender(globalKey key: String) {
        lock.lock()
        if key != globalKey {
            rendered.removeAll()
            fragments.removeAll()
            listing = nil
            rowLists.removeAll()
            board = nil
            globalKey = key
        }
        usedFragments = []
        lock.unlock()
    }

    /// The bytes of the file of bestanden/ published at `path`, as last read, when its source still
    /// has `stamp` (a stat taken before that read, old enough to show every later change).
    func bestand(at path: String, stamp: FileStamp) -> Data? {
        lock.withLock { bestanden[path].flatMap { $0.stamp == stamp ? $0.data : nil } }
    }

    /// Keeps the bytes of the file of bestanden/ at `path`, read after its source had `stamp`.
    func keepBestand(_ data: Data, at path: String, stamp: FileStamp) {
        lock.withLock { bestanden[path] = (stamp, data) }
    }

    /// The paths of the kept files of bestanden/ (for tests).
    var keptBestanden: Set<String> { lock.withLock { Set(bestanden.keys) } }

    /// Forgets the kept files of bestanden/ that are not in `paths` (removed since).
    func keepOnlyBestanden(_ paths: Set<String>) {
        lock.withLock { bestanden = bestanden.filter { paths.contains($0.key) } }
    }

    func renderedPage(for key: String, make: () throws -> OutputFile) rethrows -> OutputFile {
        try kept(in: \.rendered, key, make: make)
    }

    /// The kept rendered pages of many keys, under one lock (nil where none is kept).
    func renderedPages(for keys: [String]) -> [OutputFile?] {
        lock.withLock { keys.map { rendered[$0] } }
    }

    /// Drops rendered pages whose keys were not used in the last pass (deleted or changed files),
    /// and fragments no page asked for (unless the listing pages were reused: then no list asked).
    func keepOnly(_ keys: Set<String>, listingReused: Bool = false) {
        lock.lock()
        // Every key used in this pass was kept, so more kept values than used keys means stale
        // ones. Stale values are never asked for again (their keys name an old parse or view):
        // they are dropped once they are a tenth of the rest, not on every rebuild.
        if rendered.count > keys.count + keys.count / 10 { rendered = rendered.filter { keys.contains($0.key) } }
        if !listingReused, fragments.count > usedFragments.count + usedFragments.count / 10 {
            fragments = fragments.filter { usedFragments.contains($0.key) }
        }
        listingWasReused = listingReused
        madeEveryItem = true
        lock.unlock()
    }

    /// The listing pages of the last build, when `key` is still theirs.
    func listing(for key: ViewFingerprint) -> ListingPages? {
        lock.withLock { listing?.key == key ? listing?.pages : nil }
    }

    /// The `count` pages of the board's own documents that list no bijsluiter
    /// (`Content.forBoardPages`), as made in this render pass or an earlier one with the same
    /// global inputs; nil when none (or another number of them) are kept.
    func boardPages(count: Int) -> [Page]? {
        lock.withLock {
            let kept = board?.count == count ? board : nil
            boardPagesWereReused = kept != nil
            return kept
        }
    }

    func keepBoardPages(_ pages: [Page]) {
        lock.withLock { board = pages }
    }

    /// The list made last at `place` (`RowList`), made with the global inputs of this pass.
    func rowList(at place: String) -> KeptRowList? {
        lock.withLock { rowLists[place] }
    }

    func keepRowList(_ list: KeptRowList, at place: String) {
        lock.withLock { rowLists[place] = list }
    }

    func keepListing(_ pages: ListingPages, for key: ViewFingerprint) {
        lock.withLock { listing = (key, pages) }
    }

    /// What the pages keep of each of these parses (see `ViewFragment`), for this render pass and
    /// the next; taken under one lock, so the lists, which ask for many fragments of each product
    /// on several threads at once, lock only the product's own `FileFragments`.
    func fragments(forParses parses: [String]) -> [FileFragments] {
        lock.withLock {
            parses.map { parse in
                usedFragments.insert(parse)
                if let kept = fragments[parse] { return kept }
                let made = FileFragments()
                fragments[parse] = made
                return made
            }
        }
    }

    /// Starts a check: forgets every kept finding when the rules or their context changed.
    func beginCheck(globalKey key: String) {
        lock.withLock {
            if key != checkKey {
                findings.removeAll()
                checkKey = key
            }
        }
    }

    /// The findings of the rules across documents, kept while `key` (everything they read) stays.
    /// - Parameter group: which group of those rules (0 is the first asked for in a check, which
    ///   also resets `wholeRulesWereReused`).
    func wholeFindings(for key: ViewFingerprint, group: Int, make: () -> [Diagnostic]) -> [Diagnostic] {
        if group == 0 { lock.withLock { wholeRulesWereReused = true; wholeRuleGroupsRun = [] } }
        if let kept = lock.withLock({ wholeFindings[group] }), kept.key == key { return kept.findings }
        let findings = make()
        lock.withLock {
            wholeFindings[group] = (key, findings)
            wholeRulesWereReused = false
            wholeRuleGroupsRun.append(group)
        }
        return findings
    }

    func findings(for key: String, make: () -> [Diagnostic]) -> [Diagnostic] {
        kept(in: \.findings, key, make: make)
    }

    /// The kept findings of many keys, under one lock (nil where none are kept, or the key is nil).
    func keptFindings(for keys: [String?]) -> [[Diagnostic]?] {
        lock.withLock { keys.map { $0.flatMap { findings[$0] } } }
    }

    /// The value kept in `store` under `key`, or what `make` makes (kept from then on). `make`
    /// runs outside the lock, so other threads go on meanwhile.
    private func kept<T>(in store: ReferenceWritableKeyPath<BuildSession, [String: T]>, _ key: String, make: () throws -> T) rethrows -> T {
        if let value = lock.withLock({ self[keyPath: store][key] }) { return value }
        let value = try make()
        lock.withLock { self[keyPath: store][key] = value }
        return value
    }

    /// Drops the findings of files that are gone or changed. Every key in `keys` was asked for in
    /// this check, so the store holds them all: it holds others only when it holds more.
    func keepOnlyFindings(_ keys: Set<String>) {
        lock.withLock {
            guard findings.count > keys.count else { return }
            findings = findings.filter { keys.contains($0.key) }
        }
    }
}

/// What `stat` says about a file that changes when the file does.
struct FileStamp: Equatable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    /// Modification and status-change times, in nanoseconds since 1970.
    let modified: Int64
    let changed: Int64

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stat of `name` in the open folder `directory` (links followed, as `stat` does).
    init?(directory: Int32, name: String) {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    /// The stat `info` as a stamp that shows every later change of the file: nil when the file
    /// changed within `BuildSession.racyInterval` before `readStart` (when it was read after this
    /// stat), as it could change again within the same clock tick without its times moving.
    static func trusted(_ info: stat, readStart: Int64) -> FileStamp? {
        let stamp = FileStamp(info)
        let limit = readStart - BuildSession.racyInterval
        return stamp.modified < limit && stamp.changed < limit ? stamp : nil
    }

    /// The stamp as a text: `device.inode.size.modified.changed` (a part of a digest's input).
    var recordText: String {
        "\(device).\(inode).\(size).\(modified).\(changed)"
    }

    /// The file system's clock (the one file times come from), in nanoseconds since 1970.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

extension ByteWriter {
    /// A stamp or none, as the records write it (`FindingsRecord`, `BuildRecord`): a flag, then
    /// its device, inode, size and times.
    mutating func stamp(_ stamp: FileStamp?) {
        flag(stamp != nil)
        guard let stamp else { return }
        unsigned(UInt(stamp.device))
        unsigned(UInt(stamp.inode))
        signed(Int(stamp.size))
        signed(Int(stamp.modified))
        signed(Int(stamp.changed))
    }
}

extension ByteReader {
    /// A stamp `ByteWriter.stamp` wrote.
    mutating func stamp() throws -> FileStamp? {
        guard try flag() else { return nil }
        return FileStamp(device: UInt64(try unsigned()), inode: UInt64(try unsigned()), size: Int64(try signed()),
                         modified: Int64(try signed()), changed: Int64(try signed()))
    }
}

/// What the pages keep of one parse of one file (its rows in the lists, its sort keys), by kind.
/// Under `serve` a session keeps them per parse; a one-off build records them for its listing
/// snapshot (`ListingSnapshot`), and a patch build reads a product's back from there, sealed:
/// every value the pages ask of it must be there.
final class FileFragments: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var values: [String: Any]
    /// Where a sealed product notes a value the pages asked for and it does not hold.
    private let misses: Misses?

    /// Values not kept in a sealed product's fragments (`FileFragments(sealed:misses:)`): the
    /// pages that asked cannot be trusted.
    final class Misses: @unchecked Sendable {
        private let lock = PThreadMutex()
        private var first: String?

        /// The first kind of value asked for and not kept, if any.
        var firstMissed: String? { lock.withLock { first } }

        func note(_ kind: String) {
            lock.withLock { if first == nil { first = kind } }
        }
    }

    init() {
        values = [:]
        misses = nil
    }

    /// A product's values as an earlier build kept them, sealed: a value asked for that is not
    /// among them (or not of the type asked for) is still made, but noted in `misses`.
    init(sealed values: [String: Any], misses: Misses) {
        self.values = values
        self.misses = misses
    }

    /// The value kept under `kind`, or what `make` makes (kept from then on; `make` runs outside
    /// the lock). `T` may be optional: a kept nil is a kept value. When two threads make it at
    /// once (two school pages list the product), both get the one kept first: a row is one
    /// fragment wherever it stands, as where it stands is noted by the fragment (`ListingPlaces`).
    func value<T>(_ kind: String, make: () -> T) -> T {
        // Unwrapped before the cast: a missing value cast to an optional `T` would pass as nil.
        if let stored = lock.withLock({ values[kind] }), let value = stored as? T { return value }
        misses?.note(kind)
        let value = make()
        return lock.withLock {
            if let stored = values[kind], let kept = stored as? T { return kept }
            values[kind] = value
            return value
        }
    }

    /// Every value kept, by kind.
    var keptByKind: [String: Any] {
        lock.withLock { values }
    }

    /// Every value kept, by kind, in the order of their kinds.
    var kept: [(kind: String, value: Any)] {
        lock.withLock { values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }
}
