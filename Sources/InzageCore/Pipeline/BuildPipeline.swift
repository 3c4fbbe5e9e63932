import Dispatch
import Foundation

/// Check, render and publish: `inzage build` as one function, so `serve` and tests share it.
public enum BuildPipeline {
    /// The outcome of a build: the diagnostics, and what was written when there was no `fout`.
    public struct Result: Sendable {
        public var content: Content
        public var diagnostics: [Diagnostic]
        public var report: WriteReport?
        public var pageCount: Int
        /// How many pages were taken from the published site as the last build left them (`BuildRecord`).
        public var keptPages: Int = 0
        /// How many of those were known by their stat, without reading them.
        public var unreadPages: Int = 0
        /// Whether only changed bijsluiters were loaded, checked and rendered (`PatchBuild`).
        public var patched = false
        /// Whether the listing pages were the published ones with the changed bijsluiters' rows put
        /// in place of their old rows (`SiteBuilder.splicedListing`).
        public var splicedListing = false
    }

    /// Checks, renders and writes; with any error nothing is written.
    /// - Parameter lettersRoot: the parent-letters folder; the site may never be written over it.
    public static func run(contentRoot: String, templatesRoot: String?, output: String, lettersRoot: String = "letters",
                           today: SchoolDate = Today.date(), session: BuildSession? = nil) throws -> Result {
        var timer = PhaseTimer()
        let writer = SiteWriter(output: output, protected: [contentRoot, lettersRoot] + (templatesRoot.map { [$0] } ?? []) + [InzagePaths.defaultTemplates.path])
        try writer.validate()
        // A one-off build after edits to bijsluiters alone, in what no list and no rule across
        // documents reads, loads and checks only those (`PatchBuild`).
        if session == nil, let patched = PatchBuild.run(contentRoot: contentRoot, templatesRoot: templatesRoot, writer: writer, today: today) {
            return patched
        }
        // The theme is read and parsed on another core while the content is loaded and checked;
        // its errors count only when the content has none, as before.
        let theme = Background { () throws -> TemplateSet in
            let sources = try TemplateSet.read(override: templatesRoot).forSite
            return try session?.templates(sources) ?? TemplateSet(sources)
        }
        // Under `serve`, what the published site holds is read while the content loads: a rebuild
        // loads on one core for most of its load, and the look would otherwise take a core from
        // the rendering. A one-off build begins its look when it begins to publish.
        let publishedSite = session.map { UncheckedSendable(writer.look(known: $0.published)) }
        var loader = ContentLoader(root: contentRoot, today: today, session: session)
        // A one-off build keeps what the next one needs to check only the bijsluiters that
        // changed (`FindingsRecord`).
        loader.digestsFrontMatter = session == nil
        let (content, loadDiagnostics, bijsluiterResults) = try loader.loadKeepingBijsluiters()
        timer.lap("load")
        // Content that did not load whole is only checked: every diagnostic, nothing rendered.
        guard loadDiagnostics.errorCount == 0 else {
            return Result(content: content, diagnostics: CheckPipeline.check(content, loaded: loadDiagnostics, session: session),
                          report: nil, pageCount: 0)
        }
        // The rules run on another core while the pages are rendered. Nothing is written before
        // they are done: with a `fout`, the pages rendered so far are dropped unwritten, and the
        // published site stays as it was.
        let checkedContent = UncheckedSendable(content)
        // A one-off build keeps its findings for the next (`FindingsRecord`): the record is made
        // as soon as the rules are done, beside the rendering, and saved once the site is published.
        let findingsLocation = FindingsRecord.location(for: writer.output)
        let keepsFindings = session == nil && PatchBuild.pays(bijsluiters: bijsluiterResults.count, pages: content.paginas.count)
        let recordInputs = UncheckedSendable((loader: loader, bijsluiters: bijsluiterResults))
        let findingsRecord = LaterSlot<FindingsRecord?>()
        let check = Background { () -> CheckPipeline.Findings in
            guard session == nil else {
                return CheckPipeline.Findings(all: CheckPipeline.check(checkedContent.value, loaded: loadDiagnostics, session: session), perFile: [], whole: [])
            }
            let findings = CheckPipeline.checkByScope(checkedContent.value, loaded: loadDiagnostics)
            if keepsFindings, findings.all.errorCount == 0 {
                findingsRecord.start {
                    FindingsRecord.make(content: checkedContent.value, loader: recordInputs.value.loader, bijsluiters: recordInputs.value.bijsluiters,
                                        findings: findings, at: findingsLocation)
                }
            }
            return findings
        }
        /// The result of a build the rules stopped, when they found a `fout`.
        func stoppedByRules() throws -> Result? {
            let diagnostics = try check.value().all
            guard diagnostics.errorCount > 0 else { return nil }
            return Result(content: content, diagnostics: diagnostics, report: nil, pageCount: 0)
        }
        // A template error counts only when the content has no `fout`.
        let templates: TemplateSet
        do {
            templates = try theme.value()
        } catch {
            if let stopped = try stoppedByRules() { return stopped }
            throw error
        }
        // Pages are written as they are rendered, a batch at a time; a failure anywhere abandons
        // the staging folder and leaves the published site as it was.
        // Writing runs on its own queue, so batch N is written while batch N+1 is rendered.
        let publication = PublicationSlot()
        let writing = DispatchQueue(label: "inzage.publish")
        // At most two batches wait for the disk: when writing is slower than rendering, rendering
        // waits instead of piling rendered pages up in memory. Not under `serve`: its session
        // keeps every page in memory anyway, and most batches are kept pages that the writer
        // only compares with the published ones.
        let queued = session == nil ? DispatchSemaphore(value: 2) : nil
        let writeError = ErrorBox()
        // The first thing the writing queue does is wait for the rules; a `fout` stops the writing
        // and, at its next batch, the rendering. Only then does the publication begin: a build
        // the rules stop touches nothing on disk, not even the output folder's parent.
        let sharedWriter = UncheckedSendable(writer)
        writing.async {
            guard (try? check.value())?.all.errorCount ?? 0 == 0 else {
                writeError.error = StoppedByRules()
                return
            }
            do { publication.value = try sharedWriter.value.begin(known: session?.published, site: publishedSite?.value) } catch { writeError.error = error }
        }
        var pageCount = 0
        let report: WriteReport
        // What the last build left in the output folder stands in for a session, and for what a
        // new session has not made yet (the first build of `serve`).
        let record = session?.hasRendered ?? false ? nil : BuildRecord(output: writer.output, takesUnreadFiles: session == nil)
        // With its findings, a one-off build keeps what its lists made of each bijsluiter (`ListingSnapshot`).
        let snapshotSlot = keepsFindings ? ListingSnapshot.Slot() : nil
        do {
            try SiteBuilder(content: content, templates: templates, session: session, record: record, snapshotSlot: snapshotSlot).build { files in
                pageCount += files.filter { $0.path.hasSuffix(".html") }.count
                if let error = writeError.error { throw error }
                queued?.wait()
                writing.async {
                    defer { queued?.signal() }
                    guard writeError.error == nil, let publication = publication.value else { return }
                    do { try publication.add(files) } catch { writeError.error = error }
                }
            }
            writing.sync {}
            if let error = writeError.error { throw error }
            #if DEBUG
            // Test hook, in debug builds only (the ones `swift test` runs): keeps the staging
            // folder around for a while, so a test can interrupt `serve` in the middle of a rebuild.
            if let delay = ProcessInfo.processInfo.environment["INZAGE_TEST_PUBLISH_DELAY_MS"].flatMap(UInt32.init) {
                usleep(delay * 1000)
            }
            #endif
            timer.lap("render (writes pending)")
            guard let begun = publication.value else { throw StoppedByRules() }
            report = try begun.finish()
            // Under `serve`, the site is watched from now on (a new watch after a swapped site is
            // made off the rebuild's path), so the next rebuild can trust what saw no change.
            session?.published.watchSite(at: writer.output.path)
            timer.lap("publication finished")
            record?.save()
            timer.lap("build record saved")
            if session == nil {
                // The listing snapshot and its places are written on another core beside the findings.
                let snapshotLocation = ListingSnapshot.location(for: writer.output)
                let savingLists = Background {
                    if let snapshotSlot { snapshotSlot.save(to: snapshotLocation) } else { ListingSnapshot.remove(at: snapshotLocation) }
                }
                // The rules are done (the publication began after them), so the record was started.
                // (Whatever happens, the lists are written whole before the build ends.)
                defer { _ = try? savingLists.value() }
                if let record = try findingsRecord.value() ?? nil {
                    record.save(to: findingsLocation)
                } else {
                    FindingsRecord.remove(at: findingsLocation)
                }
                timer.lap("findings record saved")
                try savingLists.value()
                timer.lap("listing snapshot saved")
            }
        } catch {
            writing.sync {}
            publication.value?.abandon()
            // The rules' `fout` comes before any error of the rendering.
            if let stopped = try stoppedByRules() { return stopped }
            throw error
        }
        let diagnostics = try check.value().all
        timer.lap("render+write")
        return Result(content: content, diagnostics: diagnostics, report: report, pageCount: pageCount, keptPages: record?.keptCount ?? 0,
                      unreadPages: record?.unreadCount ?? 0)
    }
}

/// Stops the writing and rendering of a build whose rules found a `fout`.
private struct StoppedByRules: Error {}

/// The publication, begun on the writing queue once the rules have passed; read there and,
/// after the queue is done, by the build.
private final class PublicationSlot: @unchecked Sendable {
    var value: SiteWriter.Publication?
}

/// Work started later, from another queue (the findings record, once the rules are done), and
/// waited for at the end; nil when it was never started.
private final class LaterSlot<Value>: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var work: Background<Value>?

    func start(_ make: @escaping @Sendable () throws -> Value) {
        let started = Background(make)
        lock.withLock { work = started }
    }

    func value() throws -> Value? {
        try lock.withLock { work }?.value()
    }
}

/// The first error of work done on another queue.
private final class ErrorBox: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var stored: Error?
    var error: Error? {
        get { lock.withLock { stored } }
        set { lock.withLock { if stored == nil { stored = newValue } } }
    }
}
