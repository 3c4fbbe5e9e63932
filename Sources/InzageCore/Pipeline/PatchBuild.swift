import Foundation

/// A bijsluiter whose file a patch build found as the build before left it: its page and its
/// part of the listing pages are taken from the published site without loading it.
struct KeptBijsluiter {
    /// Its display path.
    let file: String
    /// Its page's path.
    let page: String
    /// Its page's key in the build record (`SiteBuilder.recordInputs`).
    let pageInputs: StableDigest
    /// What the listing pages' key in the build record holds of it (`SiteBuilder.listedDigest`).
    let listed: StableDigest
}

/// `inzage build` when, since the last one-off build into the same output folder, only
/// bijsluiters changed, and only in what no list and no rule across documents reads (their body,
/// or a field such as `bewaartermijn`), or nothing changed at all: it loads, checks and renders
/// only the bijsluiters whose files changed, and takes everything else from that build.
///
/// What it takes, and why that is what a full build would make:
/// - the findings of each unchanged entry of `bijsluiters/` (`FindingsRecord`): what loading a
///   file and the per-file rules give is a function of the file's text alone (and the date and
///   the rules, which the record's identity holds);
/// - the findings of the rules across documents: besides every other document, which is loaded
///   again and must digest as it did, they read only each bijsluiter's summary
///   (`BijsluiterSummary`, `BijsluiterReadingRule`), which must be as it was for each changed
///   bijsluiter (as must the values the loader refused, which filter those findings);
/// - the listing pages: they read the bijsluiters as listed (`Content.forListing`), which must be
///   as it was for each changed bijsluiter; they stay recorded under their old key;
/// - the pages of unchanged bijsluiters and the listing pages, from the published site where the
///   build record (`BuildRecord`) says they were made from the same inputs and they still hold
///   what was published.
/// A changed bijsluiter whose front matter changed is compared as the build before saw it: its
/// text before its body, kept in `RecordedTexts`, parsed again. Everything else (the top-level
/// documents, the pages of `paginas/`, the per-file rules of those files and of each changed
/// bijsluiter, the changed bijsluiters' pages) is loaded, checked and made as in a full build.
/// Whenever one of these conditions does not hold, nothing is written and the build is a full
/// one (`BuildPipeline.run`).
enum PatchBuild {
    /// Why a patch build gave way to a full build.
    struct Declined: Error, CustomStringConvertible {
        let description: String
        init(_ reason: String) { description = reason }
    }

    /// Whether patch builds pay on a board with this many bijsluiters and extra pages. The gain is
    /// the bijsluiters not loaded: with more pages than bijsluiters a full build costs about as
    /// much, and a patch build that gives way would load the pages twice. Full builds of such a
    /// board keep no findings record.
    static func pays(bijsluiters: Int, pages: Int) -> Bool {
        pages <= bijsluiters
    }

    /// The build, or nil when it must be a full one; nothing is written before that is known.
    static func run(contentRoot: String, templatesRoot: String?, writer: SiteWriter, today: SchoolDate) -> BuildPipeline.Result? {
        var timer = PhaseTimer()
        do {
            return try patch(contentRoot: contentRoot, templatesRoot: templatesRoot, writer: writer, today: today, timer: &timer)
        } catch {
            timer.lap("patch build declined (\(error))")
            return nil
        }
    }

    /// The findings of the rules across documents after a change to what they read of some
    /// bijsluiters: those of the rules that read no bijsluiter from the record (every other document
    /// is as it was), those of the rules that read bijsluiters run again over every bijsluiter's
    /// summary, in file order: the loaded ones' (entries at `loaded`) from their files, the others'
    /// from the listing snapshot, where each must stand with the listed digest the record knows.
    private static func wholeFindings(_ content: Content, record: FindingsRecord, snapshot: ListingSnapshot, folder: String,
                                      loaded: Set<Int>) throws -> [Diagnostic] {
        let byFile = Dictionary(content.bijsluiters.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var summaries: [BijsluiterSummary] = []
        for (index, entry) in record.entries.enumerated() {
            let path = folder + entry.name
            if loaded.contains(index) {
                if let b = byFile[path] { summaries.append(BijsluiterSummary(b)) }
            } else if entry.page != nil {
                guard let product = snapshot.products[path], product.listed == entry.listed else {
                    throw Declined("de lijsten van de vorige build kennen \(path) niet zoals het nu is")
                }
                summaries.append(product.summary)
            }
        }
        // By their scope first: a cast to a protocol looks through every conformance in the
        // executable the first time a type is asked about (about 1 ms for all the rules).
        let reading = RuleRegistry.all.filter(\.readsBijsluiters).compactMap { $0 as? any BijsluiterReadingRule }
        let codes = Set(reading.map(\.code))
        let others = content.forWholeRules.withoutBijsluiters
        let found = reading.flatMap { $0.check(others, bijsluiters: summaries) }.withoutMissingFindings(for: content.invalidValues)
        return record.whole.filter { !codes.contains($0.code) } + found
    }

    private static func patch(contentRoot: String, templatesRoot: String?, writer: SiteWriter, today: SchoolDate,
                              timer: inout PhaseTimer) throws -> BuildPipeline.Result {
        // First what costs least: a build into a new output folder declines at once.
        guard FileManager.default.fileExists(atPath: writer.output.appendingPathComponent(BuildRecord.fileName).path) else {
            throw Declined("geen bouwverslag in de uitvoermap")
        }
        let location = FindingsRecord.location(for: writer.output)
        guard let identity = FindingsRecord.identity(contentRoot: contentRoot, today: today),
              var record = FindingsRecord.read(from: location, identity: identity) else { throw Declined("geen bevindingen van een vorige build") }
        let recorded = record
        // The build record of the output folder, read on another core from now on.
        let buildRecord = BuildRecord(output: writer.output, takesUnreadFiles: true)
        buildRecord.readAhead()
        timer.lap("patch: findings record read")
        let snapshotLocation = ListingSnapshot.location(for: writer.output)
        /// The listing snapshot and its products' values, read on other cores from when a changed
        /// bijsluiter is found to change what the lists show (a build after an edit to a body alone
        /// never reads it).
        var snapshotRead: Background<ListingSnapshot?>?
        var snapshotValues: ListingSnapshot.Decoding?
        /// Where the rows stand in the published listing pages (`ListingPlaces`), read beside the snapshot.
        var placesRead: Background<ListingPlaces?>?
        /// Whether the loaded bijsluiters' rows can be put in place (`ListingSplice`), or else the
        /// snapshot's values being read.
        var planning: Background<(ListingSplice?, ListingSnapshot.Decoding?)>?
        // The theme is read and parsed on another core while the bijsluiters are compared and
        // the changed ones loaded and checked (as in a full build).
        let theme = Background { try TemplateSet(TemplateSet.read(override: templatesRoot).forSite) }
        var loader = ContentLoader(root: contentRoot, today: today)
        // Listed once: the load takes these listings.
        loader.listedFolders = Dictionary(uniqueKeysWithValues: ContentLoader.itemFolders.map { ($0, loader.listFolder($0)) })
        let entries = (loader.listedFolders["bijsluiters"] ?? []).map(\.name)
        guard entries == record.entries.map(\.name) else { throw Declined("andere bestanden in bijsluiters/") }
        guard pays(bijsluiters: entries.count, pages: loader.listedFolders["paginas"]?.count ?? 0) else { throw Declined("meer pagina's dan bijsluiters") }
        let folder = URL(fileURLWithPath: contentRoot).appendingPathComponent("bijsluiters").path
        /// How an entry was found: unchanged (known by its stat, or by its text read again, then
        /// with the stat to keep for it), or to be loaded.
        /// `load` says whether the file's front matter is other than recorded, as far as that is known.
        enum Look { case unchanged(FileStamp?), load(frontMatterChanged: Bool) }
        let folderPath = loader.display("bijsluiters/")
        // Each entry's stat, and the text of those whose stat is not the recorded one, on all cores.
        // Looked at by name in the open folder: a path is not walked from its root for each.
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folderFD >= 0 { close(folderFD) } }
        let readStart = FileStamp.now()
        let looks = try Parallel.map(Array(record.entries.indices), minimumBatch: 64) { index -> Look in
            let entry = record.entries[index]
            guard let info = LinkStat.of(entry.name, in: folderFD, path: folder + "/" + entry.name), (info.st_mode & S_IFMT) == S_IFREG else {
                throw Declined("\(entry.name) is geen gewoon bestand")
            }
            // An entry that was not read (not a `.md` file) is loaded again: that costs no reading.
            // It gives no bijsluiter, so it does not start reading the lists.
            guard let source = entry.source else { return .load(frontMatterChanged: false) }
            let stamp = FileStamp(info)
            if let recorded = entry.stamp, recorded == stamp { return .unchanged(recorded) }
            guard let text = SourceReader.read(URL(fileURLWithPath: folder + "/" + entry.name), displayPath: entry.name,
                                               sink: DiagnosticSink(), knownSize: Int(info.st_size)) else {
                throw Declined("\(entry.name) kan niet worden gelezen")
            }
            if StableDigest.of(text) == source { return .unchanged(FileStamp.trusted(info, readStart: readStart)) }
            let frontMatter = FrontMatter.split(text, file: folderPath + entry.name, sink: DiagnosticSink())
            return .load(frontMatterChanged: frontMatter.map { ContentLoader.frontMatterDigest(folder: "bijsluiters", path: folderPath + entry.name, $0) } != entry.frontMatter)
        }
        let unchanged = record.entries.indices.filter { if case .unchanged = looks[$0] { true } else { false } }
        timer.lap("patch: bijsluiters compared")
        /// Starts reading the listing snapshot and the places of its rows on other cores.
        func startReadingLists() {
            guard snapshotRead == nil else { return }
            snapshotRead = Background { ListingSnapshot.read(from: snapshotLocation, contentRoot: contentRoot) }
            placesRead = Background { ListingPlaces.read(from: ListingPlaces.location(forSnapshot: snapshotLocation), contentRoot: contentRoot) }
        }
        // A changed front matter is likely to change what the lists show: they are read from now
        // on, beside the load and the rules per file (an edit to a body alone never reads them).
        if looks.contains(where: { if case .load(frontMatterChanged: true) = $0 { true } else { false } }) { startReadingLists() }
        /// The text of every unchanged file with findings, which the report shows with their lines
        /// (as a full build shows them): read on another core from now on, not after the site is
        /// published (about 140 files of a board of 2 000 bijsluiters, 3 ms).
        let withFindings = unchanged.filter { !record.entries[$0].findings.isEmpty }.map { record.entries[$0].name }
        let reportedTexts = Background {
            withFindings.map { name in
                (folderPath + name, SourceReader.read(URL(fileURLWithPath: folder + "/" + name), displayPath: folderPath + name, sink: DiagnosticSink()))
            }
        }

        loader.skippedBijsluiters = Set(unchanged.map { record.entries[$0].name })
        loader.digestsFrontMatter = true
        let (content, loadDiagnostics, results) = try loader.loadKeepingBijsluiters()
        timer.lap("patch: load")
        guard loadDiagnostics.errorCount == 0 else { throw Declined("fouten bij het lezen") }
        let loaded = record.entries.indices.filter { !loader.skippedBijsluiters.contains(record.entries[$0].name) }
        guard results.map(\.path) == loaded.map({ folderPath + record.entries[$0].name }) else { throw Declined("bijsluiters/ veranderde tijdens het lezen") }
        // A changed bijsluiter whose front matter changed too is parsed as the build before saw it
        // (its text before its body, from the record): what the lists show of it and what the
        // rules across documents read of it (`BijsluiterSummary`) must be as they were, and so
        // must the values the loader refused, which the rules' findings were filtered by.
        var listedKeys: [String: StableDigest] = [:]
        // Whether a changed bijsluiter changed what the lists or the rules across documents read of it.
        var listsChanged = false
        for (index, result) in zip(loaded, results) where record.entries[index].source != nil {
            let entry = record.entries[index]
            guard let b = result.bijsluiter, entry.page != nil, let listed = entry.listed else {
                throw Declined("\(result.path) geeft geen bijsluiter meer")
            }
            // The listing pages stay recorded under what their key held of it, which its text before
            // its body may no longer give (an earlier patch build kept them over such a change).
            if result.frontMatter != nil, result.frontMatter == entry.frontMatter {
                listedKeys[result.path] = listed
                continue
            }
            guard let text = record.listedText(at: index, record: location) else { throw Declined("geen front matter van \(result.path) bewaard") }
            let before = ContentLoader.FolderFileResult(path: result.path)
            loader.parse(text, into: before, folder: "bijsluiters", slug: String(entry.name.dropLast(3)), sink: DiagnosticSink(), recording: false)
            guard let was = before.bijsluiter, BijsluiterPages.path(of: was) == BijsluiterPages.path(of: b) else {
                throw Declined("de front matter van \(result.path) was niet te lezen")
            }
            if BijsluiterSummary(was) == BijsluiterSummary(b), was.listed == b.listed, before.invalidValues == result.invalidValues {
                listedKeys[result.path] = listed
            } else {
                listsChanged = true
                startReadingLists()
            }
        }
        guard FindingsRecord.otherInputs(content, bijsluiterFolder: folderPath) == record.otherInputs else {
            throw Declined("andere documenten dan bijsluiters zijn veranderd")
        }
        // The per-file rules for what was loaded (while the snapshot is read); every other finding
        // from the record.
        let fresh = Checker.check(content, rules: RuleRegistry.all.filter(\.isPerFile))
        // When the lists changed, the listing pages are made from the listing snapshot of the build
        // before (`ListingSnapshot`, read only when made by this executable for this content
        // folder), and the rules across documents that read bijsluiters run again over every
        // bijsluiter's summary, from the snapshot for those not loaded.
        var snapshot: ListingSnapshot?
        if listsChanged {
            guard let read = try snapshotRead?.value() ?? nil else {
                throw Declined("de front matter van een bijsluiter verandert wat lijsten lezen, en er zijn geen lijsten van de vorige build")
            }
            snapshot = read
            // Beside the rules across documents: whether the loaded bijsluiters' rows can be put in
            // place in the published listing pages (`ListingSplice`); when not, the listing pages are
            // made from every product's values, read on all cores from then on.
            let loadedFiles = Set(content.bijsluiters.map(\.file))
            let files = record.entries.indices.compactMap { index -> String? in
                let entry = record.entries[index], file = folderPath + entry.name
                return loadedFiles.contains(file) || (entry.page != nil && entry.pageInputs != nil && entry.listed != nil) ? file : nil
            }
            let (theme, content, placesRead) = (theme, content, placesRead)
            planning = Background {
                if let places = try? placesRead?.value(), let templates = try? theme.value(),
                   let splice = ListingSplice.plan(content: content, templates: templates, snapshot: read, places: places, files: files) {
                    return (splice, nil)
                }
                return (nil, ListingSnapshot.Decoding({ read }, templates: { try theme.value() }))
            }
            timer.lap("patch: listing snapshot read")
            record.whole = try wholeFindings(content, record: record, snapshot: read, folder: folderPath, loaded: Set(loaded))
            timer.lap("patch: rules across documents")
        }

        var diagnostics = loadDiagnostics + fresh + record.whole
        for index in unchanged { diagnostics += record.entries[index].findings }
        diagnostics = diagnostics.sortedForReport()
        timer.lap("patch: checked")
        /// The content with the text of every unchanged file with findings.
        func reported(_ content: Content) -> Content {
            var reported = content
            for (path, text) in (try? reportedTexts.value()) ?? [] { reported.sources[path] = text }
            return reported
        }
        guard diagnostics.errorCount == 0 else {
            return BuildPipeline.Result(content: reported(content), diagnostics: diagnostics, report: nil, pageCount: 0, patched: true)
        }
        let kept = unchanged.compactMap { index -> KeptBijsluiter? in
            let entry = record.entries[index]
            guard let page = entry.page, let pageInputs = entry.pageInputs, let listed = entry.listed else { return nil }
            return KeptBijsluiter(file: folderPath + entry.name, page: page, pageInputs: pageInputs, listed: listed)
        }

        // Only the changed bijsluiters' pages are rendered: a stencil, made by rendering twice,
        // would not pay for itself. The listing pages, when they are made, are thousands of rows
        // (when their rows can be put in place, they are not made: `SiteBuilder.snapshotListing`
        // turns the stencils on when it makes them after all).
        let splice: ListingSplice?
        (splice, snapshotValues) = (try planning?.value()) ?? (nil, nil)
        var templates = try theme.value()
        templates.usesStencils = snapshot != nil && splice == nil
        let snapshotSlot = ListingSnapshot.Slot()
        // Begun before the pages are taken, so the look at what the published site holds runs
        // beside them; nothing is written before `finish`, and a page the published site no
        // longer holds as recorded abandons it.
        let publication = try writer.begin()
        let report: WriteReport
        var pageCount = 0
        do {
            try SiteBuilder(content: content, templates: templates, session: nil, record: buildRecord, kept: kept, listedKeys: listedKeys,
                            listingSnapshot: snapshot, snapshotValues: snapshotValues, snapshotSlot: snapshotSlot,
                            listingSplice: splice).build { batch in
                pageCount += batch.filter { $0.path.hasSuffix(".html") }.count
                try publication.add(batch)
            }
            timer.lap("patch: rendered")
            report = try publication.finish()
        } catch {
            publication.abandon()
            throw error
        }
        // The listing snapshot and its places are written on another core beside the records.
        let savingLists = Background { snapshotSlot.save(to: snapshotLocation) }
        buildRecord.save()
        timer.lap("patch: published")

        let freshByFile = Dictionary(grouping: fresh, by: \.location.file)
        for (index, result) in zip(loaded, results) {
            var entry = FindingsRecord.Entry(result, name: record.entries[index].name, ruleFindings: freshByFile[result.path] ?? [])
            // The listing pages stay recorded under what their key held of it before.
            if let listed = listedKeys[result.path] { entry.listed = listed }
            record.set(entry, at: index, from: result, record: location)
        }
        // Unchanged files read again (their stat moved, or was too new to go by) are known by
        // their stat from now on, where it shows every later change.
        for index in unchanged { if case .unchanged(let stamp) = looks[index] { record.entries[index].stamp = stamp } }
        if record != recorded { record.save(to: location) }
        timer.lap("patch: findings record saved")
        try savingLists.value()
        timer.lap("patch: listing snapshot saved")
        // The snapshot's values (every kept row of 2 000 products) are freed beside the end of the
        // build: freeing them took about 10 ms, after everything else.
        BackgroundRelease.release((snapshotValues.take(), snapshot.take(), snapshotRead.take(), placesRead.take(), planning.take()))
        return BuildPipeline.Result(content: reported(content), diagnostics: diagnostics, report: report, pageCount: pageCount,
                                    keptPages: buildRecord.keptCount, unreadPages: buildRecord.unreadCount, patched: true,
                                    splicedListing: snapshotSlot.spliced)
    }
}
