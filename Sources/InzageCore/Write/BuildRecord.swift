import Foundation

/// What one `inzage build` leaves in the output folder for the next (the hidden file
/// `.inzage-cache`), so that a build after an edit renders only the pages whose inputs changed.
///
/// For every page made from one file (a bijsluiter, an extra page) it holds a digest of the
/// page's inputs (`SiteBuilder.recordInputs`: its path, its file's name and whole text) and a digest of
/// the bytes that were published for it. The listing pages (`ListingPages`) are recorded as one:
/// a digest of everything they read (`SiteBuilder.listingRecordKey`), the menus every page shows,
/// and each file with the digest of its bytes. The whole record belongs to one Inzage executable
/// and one set of global inputs (`SiteBuilder.globalKey`: the theme, the date, every top-level
/// document, the list of pages and files): when either differs, nothing of it is used.
///
/// A page is taken from the published site only when its key's digest is the recorded one *and*
/// the published file still holds the recorded bytes, so a page changed or removed by hand is
/// made again. A one-off build knows that from the file's stat when the record holds one
/// (`FileStamp`: device, inode, size, modification and status-change times, taken when the bytes
/// were last found as recorded and the file had not changed for `BuildSession.racyInterval`, so
/// every later change moves it); otherwise it reads the file and compares its digest. The record
/// holds digests, stats, output paths and menu titles only, never content.
final class BuildRecord: @unchecked Sendable {
    static let fileName = ".inzage-cache"
    static let header = "inzage-cache 3"

    struct Entry: Equatable {
        let inputs: StableDigest
        let output: StableDigest
        /// The published file's stat when it was last found holding `output` (see the type).
        var stamp: FileStamp?
    }

    /// The listing pages as recorded: their key's digest, the menus, and each file in its group.
    private struct RecordedListing {
        enum Group: String { case section, school, rest }
        var inputs: StableDigest
        var nav: [(path: String, title: String)] = []
        var footer: [(path: String, title: String)] = []
        var files: [(group: Group, path: String, output: StableDigest, stamp: FileStamp?)] = []
    }

    private let output: URL
    /// `output` as a path, for joining with the many relative paths of a build.
    private let outputPath: String
    /// Whether a published file known by its stat is taken unread (`OutputFile.isUnread`): only in
    /// a one-off build. Under `serve` the session keeps each page's bytes.
    private let takesUnreadFiles: Bool
    private let lock = PThreadMutex()
    private var identity: StableDigest?
    private var previous: [String: Entry] = [:]
    private var current: [String: Entry] = [:]
    private var previousListing: RecordedListing?
    private var currentListing: RecordedListing?
    /// The record's bytes, being made (`prepareBeside`).
    private var preparing: Background<Prepared>?
    /// The listing pages this build made, and their inputs (`noteListing`).
    private var notedListing: (listing: ListingPages, inputs: StableDigest)?
    private var kept = 0
    private var unread = 0
    /// The record as the last build left it, so an unchanged record is not written again.
    private var lastBytes: [UInt8]?
    /// The output folder, open from `begin` on (or -1).
    private var outputFolder: Int32 = -1

    /// - Parameters:
    ///   - output: the site's output folder, where the record is read and written.
    ///   - takesUnreadFiles: whether published files known by their stat are taken without reading
    ///     them (a one-off build); else every file is read and its digest compared.
    init(output: URL, takesUnreadFiles: Bool) {
        self.output = output
        outputPath = output.path
        self.takesUnreadFiles = takesUnreadFiles
    }

    /// How many pages this build took from the published site.
    var keptCount: Int { lock.withLock { kept } }

    /// How many of those were known by their stat, and not read.
    var unreadCount: Int { lock.withLock { unread } }

    /// Reads the record of the last build; its entries count only when that build was made by
    /// this very executable with the same global inputs.
    func begin(globalKey: String) {
        guard let executable = Self.executableStamp else { return }
        let identity = StableDigest([Self.header, executable, globalKey])
        var previous: [String: Entry] = [:]
        var listing: RecordedListing?
        // Read as Inzage's own binary records are (`ByteReader`): read as lines of text, with
        // digests as hexadecimal digits, it took about 5 ms of a 2 000-bijsluiter patch build.
        // A record that is not whole is not used at all.
        let bytes: [UInt8]?
        if let ahead = lock.withLock({ readingAhead.take() }) {
            let read = (try? ahead.value()) ?? nil
            bytes = read?.bytes
            if let read, read.identity == identity { (previous, listing) = (read.pages, read.listing) }
        } else {
            bytes = FileData.readBytes(output.appendingPathComponent(Self.fileName).path)
            if let bytes, let read = try? Self.read(bytes, identity: identity) {
                (previous, listing) = (read.pages, read.listing)
            }
        }
        // The output folder, open: its thousands of published pages are looked at by their
        // relative paths. Opened once the record is begun, before anything is published.
        let folder = open(outputPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        lock.withLock {
            self.identity = identity
            self.previous = previous
            // Every page of the last build is noted again when it is kept: room for all of them.
            current.reserveCapacity(previous.count)
            previousListing = listing
            lastBytes = bytes
            if outputFolder >= 0 { close(outputFolder) }
            outputFolder = folder
        }
    }

    deinit {
        if outputFolder >= 0 { close(outputFolder) }
    }

    /// The record of the last build as read ahead (`readAhead`), of whichever identity it is.
    private typealias ReadAhead = (bytes: [UInt8], identity: StableDigest, pages: [String: Entry], listing: RecordedListing?)
    private var readingAhead: Background<ReadAhead?>?

    /// Starts reading the record of the last build on another core, for `begin` to take (and
    /// check against its identity) instead of reading it then: a patch build knows early that it
    /// will need it, and reading 2 000 pages' entries took its main thread 3 ms.
    func readAhead() {
        let path = output.appendingPathComponent(Self.fileName).path
        let reading = Background { () -> ReadAhead? in
            guard let bytes = FileData.readBytes(path), let read = try? Self.read(bytes, identity: nil) else { return nil }
            return (bytes, read.identity, read.pages, read.listing)
        }
        lock.withLock { readingAhead = reading }
    }

    /// The pages and the listing a record holds (see `prepared()`), and its identity: one of
    /// `identity` only, when that is given.
    private static func read(_ bytes: [UInt8], identity: StableDigest?) throws -> (identity: StableDigest, pages: [String: Entry], listing: RecordedListing?) {
        var reader = ByteReader(bytes)
        guard try reader.text() == header else { throw ByteReader.Malformed() }
        let recordIdentity = try reader.digest()
        guard identity.map({ $0 == recordIdentity }) ?? true else { throw ByteReader.Malformed() }
        let count = try reader.number()
        var pages: [String: Entry] = [:]
        pages.reserveCapacity(min(count, bytes.count / 32))
        for _ in 0..<count {
            let path = try reader.text()
            pages[path] = Entry(inputs: try reader.digest(), output: try reader.digest(), stamp: try reader.stamp())
        }
        var listing: RecordedListing?
        if try reader.flag() {
            var recorded = RecordedListing(inputs: try reader.digest())
            func links() throws -> [(path: String, title: String)] {
                try (0..<reader.number()).map { _ in (try reader.text(), try reader.text()) }
            }
            recorded.nav = try links()
            recorded.footer = try links()
            for _ in 0..<(try reader.number()) {
                guard let group = RecordedListing.Group(rawValue: try reader.text()) else { throw ByteReader.Malformed() }
                recorded.files.append((group, try reader.text(), try reader.digest(), try reader.stamp()))
            }
            listing = recorded
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return (recordIdentity, pages, listing)
    }

    /// The published file at `path` (relative to the output folder) when it still holds `output`,
    /// with the stat to record for it from now on; nil otherwise. Unread when its stat is `stamp`
    /// and this build takes unread files.
    private func published(_ path: String, output: StableDigest, stamp: FileStamp?) -> (file: OutputFile, stamp: FileStamp?)? {
        // Set once, by `begin`, before any page is looked at.
        let folder = outputFolder
        let lookStart = FileStamp.now()
        guard let info = LinkStat.of(path, in: folder, path: outputPath + "/" + path), (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if takesUnreadFiles, let stamp, FileStamp(info) == stamp { return (OutputFile(unreadPublishedAt: path), stamp) }
        guard let data = FileData.read(outputPath + "/" + path), StableDigest(bytes: data) == output else { return nil }
        // The stat taken before the bytes were read: it shows any change made after that read.
        return (OutputFile(path: path, data: data, isPublished: true), FileStamp.trusted(info, readStart: lookStart))
    }

    /// The published page at `path` (relative to the output folder), when the last build made it
    /// from the same inputs and the file still holds what was published then; nil otherwise.
    func publishedPage(at path: String, inputs: StableDigest) -> OutputFile? {
        guard var entry = lock.withLock({ previous[path] }), entry.inputs == inputs,
              let (file, stamp) = published(path, output: entry.output, stamp: entry.stamp) else { return nil }
        entry.stamp = stamp
        lock.withLock {
            current[path] = entry
            kept += 1
            if file.isUnread { unread += 1 }
        }
        return file
    }

    /// The listing pages as the published site holds them, when the last build made them from
    /// the same inputs and every one of their files still holds what was published then.
    func publishedListing(inputs: StableDigest) -> ListingPages? {
        guard var recorded = lock.withLock({ previousListing }), recorded.inputs == inputs else { return nil }
        var groups: [RecordedListing.Group: [OutputFile]] = [:]
        for index in recorded.files.indices {
            let file = recorded.files[index]
            guard let (published, stamp) = published(file.path, output: file.output, stamp: file.stamp) else { return nil }
            recorded.files[index].stamp = stamp
            groups[file.group, default: []].append(published)
        }
        let unreadFiles = groups.values.reduce(0) { $0 + $1.filter(\.isUnread).count }
        lock.withLock {
            currentListing = recorded
            notedListing = nil
            kept += recorded.files.count
            unread += unreadFiles
        }
        return ListingPages(nav: recorded.nav, footer: recorded.footer,
                            files: ListingPages.Files(sections: groups[.section] ?? [], schools: groups[.school] ?? [], rest: groups[.rest] ?? [], cacheKeys: []),
                            reused: true)
    }

    /// The listing pages recorded for `inputs`, each file as the published site holds it (see
    /// `publishedListing`), without taking them: for a build that changes some of them
    /// (`SiteBuilder.splicedListing`) and notes them all (`noteListing`). Nil when one of them no
    /// longer holds what was published.
    func recordedListing(inputs: StableDigest) -> ListingPages? {
        guard let recorded = lock.withLock({ previousListing }), recorded.inputs == inputs else { return nil }
        var groups: [RecordedListing.Group: [OutputFile]] = [:]
        for file in recorded.files {
            guard let (published, _) = published(file.path, output: file.output, stamp: file.stamp) else { return nil }
            groups[file.group, default: []].append(published)
        }
        return ListingPages(nav: recorded.nav, footer: recorded.footer,
                            files: ListingPages.Files(sections: groups[.section] ?? [], schools: groups[.school] ?? [], rest: groups[.rest] ?? [], cacheKeys: []))
    }

    /// The bytes of a file of `recordedListing`, read now when it was taken unread: known by its
    /// stat to hold what was published, as such a file is taken.
    func publishedBytes(of file: OutputFile) -> Data? {
        file.isUnread ? FileData.read(outputPath + "/" + file.path) : file.data
    }

    /// Counts files of `recordedListing` that a build takes as they are.
    func countTaken(_ files: [OutputFile]) {
        lock.withLock {
            kept += files.count
            unread += files.filter(\.isUnread).count
        }
    }

    /// Notes the listing pages this build made from `inputs`.
    /// Their files may still be being made (`ListingPages`): they are read when the record is
    /// saved, after the build.
    func noteListing(_ listing: ListingPages, inputs: StableDigest) {
        lock.withLock {
            currentListing = nil
            notedListing = (listing, inputs)
        }
    }

    /// The listing pages noted last, as recorded; nil when they could not be made (the build then
    /// failed, and no record is saved).
    /// A file of the published site taken unread (`recordedListing`) keeps what was recorded of it.
    private static func recorded(_ listing: ListingPages, inputs: StableDigest, previous: RecordedListing?) -> RecordedListing? {
        guard let made = try? listing.files() else { return nil }
        var recorded = RecordedListing(inputs: inputs, nav: listing.nav, footer: listing.footer)
        let unread = Dictionary((previous?.files ?? []).map { ($0.path, ($0.output, $0.stamp)) }, uniquingKeysWith: { first, _ in first })
        for (group, files) in [(RecordedListing.Group.section, made.sections), (.school, made.schools), (.rest, made.rest)] {
            for file in files {
                if file.isUnread {
                    guard let (output, stamp) = unread[file.path] else { return nil }
                    recorded.files.append((group, file.path, output, stamp))
                } else {
                    recorded.files.append((group, file.path, StableDigest(bytes: file.data), nil))
                }
            }
        }
        return recorded
    }

    /// Notes a page this build made from `inputs`.
    func note(_ file: OutputFile, inputs: StableDigest) {
        let entry = Entry(inputs: inputs, output: StableDigest(bytes: file.data), stamp: nil)
        lock.withLock { current[file.path] = entry }
    }

    /// Writes the record of this build into the output folder (next to it, then renamed over the
    /// old one), unless it is what the folder holds already: a build that changed nothing writes
    /// nothing. Called only after the site was published. A record that cannot be written is
    /// left out: the next build then renders every page.
    func save() {
        let preparing = lock.withLock { self.preparing }
        save((try? preparing?.value()) ?? prepared())
    }

    /// Starts making the record's bytes on another core, once every page of the build is noted
    /// (`SiteBuilder` calls it after the item pages): the last pages are still being written
    /// then, on one core. `save` takes what it made.
    func prepareBeside() {
        let preparing = Background { self.prepared() }
        lock.withLock { self.preparing = preparing }
    }

    /// The record of this build as it will be saved: its bytes, or nil when it has no identity.
    /// Made once every page is noted (the build's pages are all rendered), so that a build can
    /// make it while the last pages are still being written.
    private struct Prepared {
        let bytes: [UInt8]?
    }

    /// Saves a record made by `prepared()` (see `save()`).
    private func save(_ prepared: Prepared) {
        let target = output.appendingPathComponent(Self.fileName)
        guard let bytes = prepared.bytes else {
            try? FileManager.default.removeItem(at: target)
            return
        }
        let lastBytes = lock.withLock { self.lastBytes }
        guard bytes != lastBytes || !FileManager.default.fileExists(atPath: target.path) else { return }
        let temporary = output.appendingPathComponent(Self.fileName + ".\(getpid())")
        do {
            try SiteWriter.writeFile(temporary.path, Data(bytes))
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: target)
        }
    }

    /// The record's bytes for the pages noted so far (`save`).
    private func prepared() -> Prepared {
        let (identity, entries, taken, noted, previous) = lock.withLock { (self.identity, current, currentListing, notedListing, previousListing) }
        let listing = taken ?? noted.flatMap { Self.recorded($0.listing, inputs: $0.inputs, previous: previous) }
        guard let identity else { return Prepared(bytes: nil) }
        // Built as bytes (`ByteWriter`): the pages by path, then the listing.
        var writer = ByteWriter(capacity: entries.count * 80 + 4096)
        writer.text(Self.header)
        writer.digest(identity)
        writer.number(entries.count)
        // Sorted by place: a pair of a path and an entry is large to move about while sorting.
        let pairs = Array(entries)
        for index in pairs.indices.sorted(by: { pairs[$0].key < pairs[$1].key }) {
            let (path, entry) = pairs[index]
            writer.text(path)
            writer.digest(entry.inputs)
            writer.digest(entry.output)
            writer.stamp(entry.stamp)
        }
        writer.flag(listing != nil)
        if let listing {
            writer.digest(listing.inputs)
            for links in [listing.nav, listing.footer] {
                writer.number(links.count)
                for link in links {
                    writer.text(link.path)
                    writer.text(link.title)
                }
            }
            writer.number(listing.files.count)
            for file in listing.files {
                writer.text(file.group.rawValue)
                writer.text(file.path)
                writer.digest(file.output)
                writer.stamp(file.stamp)
            }
        }
        return Prepared(bytes: writer.bytes)
    }

    /// Which executable runs: its device, inode, size, modification and status-change times (the
    /// last moves with every write and cannot be set back), so a rebuilt Inzage, whose pages may
    /// come out differently, never takes pages an earlier one made.
    static let executableStamp: String? = {
        guard let stamp = FileStamp(path: "/proc/self/exe") else { return nil }
        return "\(stamp.device) \(stamp.inode) \(stamp.size) \(stamp.modified) \(stamp.changed)"
    }()
}
