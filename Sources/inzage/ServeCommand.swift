import ArgumentParser
import Dispatch
import Foundation
import InzageCore

/// `inzage serve`: build, serve on 127.0.0.1, rebuild on every change and reload open pages.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Bekijk de website terwijl u werkt: bij elke wijziging wordt hij opnieuw gemaakt.",
        discussion: """
            inzage let op wijzigingen in de map met inhoud en in de map met eigen sjablonen. \
            Dat gaat meestal via inotify. Werkt dat niet, bijvoorbeeld in een gedeelde map, \
            dan kijkt inzage elke halve seconde of er iets is veranderd.

            Wilt u altijd op die manier laten kijken? Zet dan INZAGE_POLL=1, bijvoorbeeld: \
            INZAGE_POLL=1 inzage serve
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "Een map met eigen sjablonen.")
    var templates: String?

    @Option(help: "De map waarin de website komt.")
    var output: String = "public"

    @Option(help: "De poort op 127.0.0.1 (0: een vrije poort).")
    var port: UInt16 = 8000

    func run() throws {
        let templatesRoot = templates ?? BuildCommand.localTemplates()
        let state = LiveState()
        let session = BuildSession(watchingOutput: !FileWatcher.pollingForced())
        let rebuilds = DispatchQueue(label: "inzage-rebuild")
        // Ctrl-C waits for a running rebuild, so it never leaves a half-written staging folder.
        let gate = RebuildGate()
        let warnings = RebuildWarnings()
        let content = options.content
        let output = self.output

        // Without an earlier site, a failed first build leaves nothing to show.
        let hadSite = FileManager.default.fileExists(atPath: output + "/index.html")
        @Sendable func notUpdated(first: Bool) -> String {
            if first && !hadSite {
                return "Er is nog geen website om te laten zien: de eerste keer moet hij zonder fouten gemaakt worden.\n"
                    + "   = hulp: los de fouten hierboven op en start daarna opnieuw 'inzage serve'.\n"
            }
            return "De site is niet bijgewerkt; de vorige versie blijft zichtbaar.\n"
        }

        @Sendable func rebuild(first: Bool) -> Bool {
            let started = Date()
            if !first { Output.out("Wijziging gezien: de site wordt bijgewerkt.\n") }
            do {
                let result = try BuildPipeline.run(contentRoot: content, templatesRoot: templatesRoot, output: output, session: session)
                let printer = DiagnosticPrinter(sources: result.content.sources, useColour: DiagnosticPrinter.wantsColour(fileDescriptor: 2))
                let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
                if result.report == nil {
                    let text = printer.render(result.diagnostics)
                    warnings.remember(result.diagnostics)
                    Output.err(text)
                    Output.err(notUpdated(first: first))
                    state.publish(problems: DiagnosticPrinter(sources: result.content.sources, useColour: false).render(result.diagnostics))
                    return !first
                }
                // Open pages reload first; printing comes after.
                state.publish(problems: nil)
                let findings = warnings.text(for: result.diagnostics, printer: printer)
                if !findings.isEmpty { Output.err(findings) }
                let report = result.report.map { Output.count($0.written, "bestand", "bestanden") + " geschreven" } ?? ""
                Output.out("Bijgewerkt in \(milliseconds) ms: \(report).\n")
                return true
            } catch let error as TemplateError {
                // Reads like a diagnostic already: "templates/x.mustache:40:4: fout: …".
                Output.err("\(error)\n")
                Output.err(notUpdated(first: first))
                state.publish(problems: "\(error)")
                return !first
            } catch {
                Output.err("inzage: \(error)\n")
                Output.err(notUpdated(first: first))
                state.publish(problems: "\(error)")
                return !first
            }
        }

        // Ctrl-C is handled from the start: during the first build too, it waits for the build
        // instead of leaving a half-written staging folder. The signals are handled on a queue of
        // their own, as the first build runs on the main thread.
        let parts = ServeParts()
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stop: @Sendable () -> Void = {
            parts.watcher?.stop()
            Output.out("\n")  // after the "^C" the terminal shows
            let waits = gate.requestStop {
                Output.out("Gestopt.\n")
                parts.server?.stop()
                Foundation.exit(0)
            }
            if waits { Output.out("Even wachten: de website wordt nog bijgewerkt.\n") }
        }
        let signals = DispatchQueue(label: "inzage-signals")
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: signals)
        interrupt.setEventHandler(handler: stop)
        interrupt.resume()
        let terminate = DispatchSource.makeSignalSource(signal: SIGTERM, queue: signals)
        terminate.setEventHandler(handler: stop)
        terminate.resume()

        // After each rebuild that trusted the watcher, a look at every file off the rebuild's
        // path: a change the watcher did not name leads to a rebuild that looks at every file.
        let verifications = DispatchQueue(label: "inzage-verify", qos: .utility)
        @Sendable func rebuildAndVerify() {
            gate.run {
                _ = rebuild(first: false)
                guard session.lastLoadTrustedChanges else { return }
                verifications.async {
                    let loader = ContentLoader(root: content, today: Today.date(), session: session)
                    guard !loader.keptFoldersAreCurrent() else { return }
                    session.noteChanges(.unknown)
                    rebuilds.async { rebuildAndVerify() }
                }
            }
        }
        // The watcher starts before the first build, so a change made while it runs is seen
        // (and rebuilt right after it), and the first rebuild can trust the watcher too.
        let firstBuild = FirstBuild()
        let watcher = FileWatcher(folders: [content] + (templatesRoot.map { [$0] } ?? []), forcePolling: FileWatcher.pollingForced()) { changes in
            session.noteChanges(changes)
            if firstBuild.noteChange() { rebuilds.async { rebuildAndVerify() } }
        }
        let watchMode = watcher.start()
        // With inotify, every folder is watched now: loads may take the files it does not name
        // as they were. The first build still looks at every file.
        if watchMode == .inotify { session.trustWatcher() }

        // The first build must succeed: there is no earlier site to fall back on otherwise.
        var firstOK = false
        gate.run { firstOK = rebuild(first: true) }
        if !firstOK && !FileManager.default.fileExists(atPath: output + "/index.html") {
            throw ExitCode(ExitStatus.contentProblems)
        }

        let server = PreviewServer(root: output, state: state)
        do {
            try server.bind(port: port)
        } catch {
            Output.err("inzage: \(error)\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        parts.set(watcher: watcher, server: server)

        Output.out("De website staat op http://127.0.0.1:\(server.port)/ (stoppen: Ctrl-C). Wijzigingen in \(content)/ worden meteen zichtbaar.\n")
        let watched = ([content] + (templatesRoot.map { [$0] } ?? [])).map { "\($0)/" }.joined(separator: " en ")
        let how = watchMode == .inotify ? "inotify" : "ik kijk elke halve seconde"
        Output.out("Ik let op wijzigingen in \(watched) (\(how)).\n")
        if firstBuild.finish() { rebuilds.async { rebuildAndVerify() } }
        Thread.detachNewThread { server.run() }
        dispatchMain()
    }
}

/// Whether the first build of `serve` is done: a change seen before is rebuilt once it is.
final class FirstBuild: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var changed = false

    /// Notes a change; returns whether a rebuild may start for it now.
    func noteChange() -> Bool {
        lock.withLock {
            if done { return true }
            changed = true
            return false
        }
    }

    /// Marks the first build done; returns whether a change came while it ran.
    func finish() -> Bool {
        lock.withLock {
            done = true
            return changed
        }
    }
}

/// The server and the watcher, once they exist: Ctrl-C may come before they do.
private final class ServeParts: @unchecked Sendable {
    private let lock = NSLock()
    private var storedWatcher: FileWatcher?
    private var storedServer: PreviewServer?

    var watcher: FileWatcher? { lock.withLock { storedWatcher } }
    var server: PreviewServer? { lock.withLock { storedServer } }

    func set(watcher: FileWatcher, server: PreviewServer) {
        lock.withLock {
            storedWatcher = watcher
            storedServer = server
        }
    }
}
