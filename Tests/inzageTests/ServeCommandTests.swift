import Foundation
import InzageCore
import Testing

/// `inzage serve` end to end: the built executable on a content folder.
@Suite("inzage serve")
struct ServeCommandTests {
    static let lowContrast = MinimalContent.replacing(##"kleur: "#1d4f91""##, with: ##"kleur: "#ffcc00""##, in: "organisatie.yaml")

    @Test func aFailedFirstBuildWithoutSiteSaysThereIsNoSiteYet() throws {
        let folder = try MinimalContent.write(Self.lowContrast)
        defer { try? FileManager.default.removeItem(at: folder) }
        let serve = try ServeProcess(in: folder)
        #expect(serve.waitForExit() == 1)
        #expect(serve.stderr.contains("de kleur #ffcc00 heeft te weinig contrast"), "\(serve.stderr)")
        #expect(serve.stderr.contains("Er is nog geen website om te laten zien"), "\(serve.stderr)")
        #expect(serve.stderr.contains("= hulp: los de fouten hierboven op en start daarna opnieuw 'inzage serve'."))
        #expect(!serve.stderr.contains("de vorige versie blijft zichtbaar"))
    }

    @Test func aFailedFirstBuildWithAnEarlierSiteKeepsServingIt() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try InzageProcess.run(["build"], in: folder).status == 0)
        for (path, text) in Self.lowContrast { try Data(text.utf8).write(to: folder.appendingPathComponent("content/" + path)) }
        let serve = try ServeProcess(in: folder)
        #expect(serve.waitFor("De website staat op"), "\(serve.stdout)\(serve.stderr)")
        #expect(serve.stderr.contains("De site is niet bijgewerkt; de vorige versie blijft zichtbaar."))
        #expect(serve.interrupt() == 0)
    }
}

extension ServeCommandTests {
    /// Every file below `folder` whose text contains `text`.
    static func files(in folder: URL, containing text: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
               String(decoding: data, as: UTF8.self).contains(text) { result.append(path) }
        }
        return result
    }

    /// Waits until `condition` holds; false after `timeout` seconds.
    static func eventually(timeout: TimeInterval = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    @Test func pollingCanBeForcedAndStillPicksUpAnEdit() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let serve = try ServeProcess(in: folder, environment: ["INZAGE_POLL": "1"])
        #expect(serve.waitFor("Ik let op wijzigingen in"), "\(serve.stdout)\(serve.stderr)")
        #expect(serve.stdout.contains("Ik let op wijzigingen in content/ (ik kijk elke halve seconde)."), "\(serve.stdout)")
        #expect(!serve.stdout.contains("(inotify)"))

        let page = folder.appendingPathComponent("content/privacyverklaring.md")
        let edited = MinimalContent.files["privacyverklaring.md"]!.replacingOccurrences(of: "Wij gaan zorgvuldig", with: "Wij gaan heel zorgvuldig")
        try Data(edited.utf8).write(to: page)
        let output = folder.appendingPathComponent("public")
        #expect(Self.eventually { !Self.files(in: output, containing: "Wij gaan heel zorgvuldig").isEmpty }, "\(serve.stdout)\(serve.stderr)")
        #expect(serve.interrupt() == 0)
    }

    /// The watcher starts before the first build: a change made while that build runs is built
    /// right after it, without a further edit. The edits are to a page under `paginas/`, whose
    /// rebuilds take the other files as they were and look only at the ones inotify names.
    @Test func anEditDuringTheFirstBuildAndLaterEditsAreBuilt() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("content/paginas/over-ons.md")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        func write(_ body: String) throws { try Data("---\ntitel: Over ons\n---\n\(body)\n".utf8).write(to: page) }
        try write("Wij zijn een kleine school.")
        // Every publication pauses 1.5 s; the first build has read the files well before 0.8 s.
        let serve = try ServeProcess(in: folder, environment: ["INZAGE_TEST_PUBLISH_DELAY_MS": "1500", "INZAGE_POLL": ""])
        Thread.sleep(forTimeInterval: 0.8)
        #expect(!serve.stdout.contains("De website staat op"), "the first build was over before the edit: \(serve.stdout)")
        try write("Wij zijn een grote school.")
        let output = folder.appendingPathComponent("public")
        #expect(Self.eventually { !Self.files(in: output, containing: "Wij zijn een grote school.").isEmpty }, "\(serve.stdout)\(serve.stderr)")
        try write("Wij zijn een middelgrote school.")
        #expect(Self.eventually { !Self.files(in: output, containing: "Wij zijn een middelgrote school.").isEmpty }, "\(serve.stdout)\(serve.stderr)")
        #expect(serve.interrupt() == 0)
    }

    /// A page changed through a hard link outside the content folder makes no event there, so a
    /// rebuild that trusts the watcher does not read it; the look at every file after that
    /// rebuild finds it, and the rebuild it starts builds it.
    @Test func aChangeNoEventNamesIsBuiltAfterTheNextRebuild() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paginas = folder.appendingPathComponent("content/paginas")
        try FileManager.default.createDirectory(at: paginas, withIntermediateDirectories: true)
        func page(_ title: String, _ body: String) -> Data { Data("---\ntitel: \(title)\n---\n\(body)\n".utf8) }
        let linked = paginas.appendingPathComponent("over-ons.md"), other = paginas.appendingPathComponent("contact-info.md")
        try page("Over ons", "Wij zijn een kleine school.").write(to: linked)
        try page("Contactinformatie", "Bel ons gerust.").write(to: other)
        let outside = folder.appendingPathComponent("elders.md")
        try FileManager.default.linkItem(at: linked, to: outside)
        // Files older than two seconds are trusted by their times; these are made older at once.
        let old = Date().addingTimeInterval(-3600)
        for file in [linked, other] { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file.path) }
        let serve = try ServeProcess(in: folder, environment: ["INZAGE_POLL": ""])
        #expect(serve.waitFor("Ik let op wijzigingen in"), "\(serve.stdout)\(serve.stderr)")
        let output = folder.appendingPathComponent("public")

        // Written in place through the link outside: the same file, but no event in paginas/.
        let handle = try FileHandle(forWritingTo: outside)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: page("Over ons", "Wij zijn een grote school."))
        try handle.close()
        Thread.sleep(forTimeInterval: 1)
        #expect(Self.files(in: output, containing: "Wij zijn een grote school.").isEmpty, "no event, so no rebuild yet")
        // An edit to another page: its rebuild trusts the watcher, and the look after it finds the other change.
        try page("Contactinformatie", "Bel of mail ons gerust.").write(to: other)
        #expect(Self.eventually { !Self.files(in: output, containing: "Bel of mail ons gerust.").isEmpty }, "\(serve.stdout)\(serve.stderr)")
        #expect(Self.eventually { !Self.files(in: output, containing: "Wij zijn een grote school.").isEmpty }, "\(serve.stdout)\(serve.stderr)")
        #expect(serve.interrupt() == 0)
    }

    @Test func inotifyIsUsedAndNamedByDefault() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let serve = try ServeProcess(in: folder, environment: ["INZAGE_POLL": ""])
        #expect(serve.waitFor("Ik let op wijzigingen in"), "\(serve.stdout)\(serve.stderr)")
        #expect(serve.stdout.contains("Ik let op wijzigingen in content/ (inotify)."), "\(serve.stdout)")
        #expect(serve.interrupt() == 0)
    }
}

extension ServeCommandTests {
    /// The staging folders of a build next to `public/`.
    static func stagingFolders(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".public.inzage-") }
    }

    @Test func ctrlCDuringTheFirstBuildWaitsForItAndLeavesNoStagingFolder() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The first publication pauses 3 s before its files are put in place; the build before
        // it takes a fraction of a second, so after 1 s it is waiting to publish.
        let serve = try ServeProcess(in: folder, environment: ["INZAGE_TEST_PUBLISH_DELAY_MS": "3000"])
        Thread.sleep(forTimeInterval: 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/index.html").path))
        #expect(serve.interrupt() == 0)
        #expect(Self.stagingFolders(in: folder).isEmpty)
        #expect(serve.stdout.contains("Even wachten: de website wordt nog bijgewerkt."), "\(serve.stdout)")
        #expect(serve.stdout.hasSuffix("Gestopt.\n"), "\(serve.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/index.html").path))
    }

    @Test func ctrlCDuringARebuildWaitsForItAndLeavesNoStagingFolder() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Every publication pauses 1.5 s before its files are put in place.
        let serve = try ServeProcess(in: folder, environment: ["INZAGE_TEST_PUBLISH_DELAY_MS": "1500"])
        #expect(serve.waitFor("Ik let op wijzigingen in"), "\(serve.stdout)\(serve.stderr)")

        let page = folder.appendingPathComponent("content/privacyverklaring.md")
        let edited = MinimalContent.files["privacyverklaring.md"]!.replacingOccurrences(of: "Wij gaan zorgvuldig", with: "Wij gaan heel zorgvuldig")
        try Data(edited.utf8).write(to: page)
        // The rebuild is running once serve says so; then it pauses before publishing.
        try #require(serve.waitFor("Wijziging gezien: de site wordt bijgewerkt."), "\(serve.stdout)\(serve.stderr)")
        Thread.sleep(forTimeInterval: 0.3)

        #expect(serve.interrupt() == 0)
        #expect(Self.stagingFolders(in: folder).isEmpty)
        #expect(serve.stdout.contains("Even wachten: de website wordt nog bijgewerkt."), "\(serve.stdout)")
        #expect(serve.stdout.hasSuffix("Gestopt.\n"), "\(serve.stdout)")
        // The rebuild was finished, not thrown away.
        #expect(!Self.files(in: folder.appendingPathComponent("public"), containing: "Wij gaan heel zorgvuldig").isEmpty)
    }
}

extension ServeCommandTests {
    @Test func aRebuildPrintsOnlyTheWarningsThatChanged() throws {
        let folder = try MinimalContent.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let serve = try ServeProcess(in: folder)
        #expect(serve.waitFor("Ik let op wijzigingen in"), "\(serve.stdout)\(serve.stderr)")
        let page = folder.appendingPathComponent("content/privacyverklaring.md")
        let original = MinimalContent.files["privacyverklaring.md"]!
        #expect(!original.contains("Wbp"))

        // An old law name: one new warning, shown with its place and hint.
        try Data(original.replacingOccurrences(of: "Wij gaan zorgvuldig", with: "Volgens de Wbp gaan wij zorgvuldig").utf8).write(to: page)
        #expect(Self.eventually { serve.stderr.contains(": 1 nieuw, 0 opgelost.") }, "\(serve.stdout)\(serve.stderr)")
        #expect(serve.stderr.contains("[TXT-OUTDATED]"), "\(serve.stderr)")
        let shownOnce = serve.stderr.components(separatedBy: "[TXT-OUTDATED]").count - 1

        // Another edit that leaves the warnings as they were: one line, not the list again.
        try Data(original.replacingOccurrences(of: "Wij gaan zorgvuldig", with: "Volgens de Wbp gaan wij heel zorgvuldig").utf8).write(to: page)
        #expect(Self.eventually { serve.stderr.contains("dezelfde als hiervoor") }, "\(serve.stdout)\(serve.stderr)")
        #expect(serve.stderr.components(separatedBy: "[TXT-OUTDATED]").count - 1 == shownOnce)

        // The old name removed: solved.
        try Data(original.utf8).write(to: page)
        #expect(Self.eventually { serve.stderr.contains("opgelost") && serve.stderr.hasSuffix("opgelost.\n") }, "\(serve.stdout)\(serve.stderr)")
        #expect(serve.interrupt() == 0)
    }
}
