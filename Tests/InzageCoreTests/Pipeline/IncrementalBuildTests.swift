import Foundation
@testable import InzageCore
import Testing

/// A rebuild that reuses a `BuildSession` must give exactly the bytes of a clean full build.
@Suite("Incremental rebuilds")
struct IncrementalBuildTests {
    /// Builds the fixture with a session, applies `change` to the content (and templates) folder,
    /// rebuilds with the same session (on `secondDay`, if given), and compares the findings and
    /// every output file with a clean build.
    /// - Parameter listingReused: whether the rebuild may take the listing pages (lists, school
    ///   pages, feed, sitemap) from the build before, as it does when only a body changed.
    /// - Parameter wholeRulesReused: whether the rules across documents may keep their findings
    ///   (only a bijsluiter's body or a download changed).
    /// - Parameter before: a change to the fixture's content before the first build.
    /// - Parameter boardPagesReused: whether the second build must take the pages that list no
    ///   bijsluiter from the first (`BuildSession.boardPages`); nil when the listing is kept whole.
    /// - Parameter contentPatched: whether the second load must patch the first one's content
    ///   (`KeptContent`) rather than merge every parse again; nil: either.
    /// - Parameter patchBuild: whether the rebuild without a session must load and check only the
    ///   changed bijsluiters (`PatchBuild`).
    func expectIncrementalEqualsClean(secondDay: SchoolDate = Fixture.today, listingReused: Bool = false, wholeRulesReused: Bool = false,
                                      boardPagesReused: Bool? = nil, contentPatched: Bool? = nil, patchBuild: Bool = false,
                                      before: (URL) throws -> Void = { _ in },
                                      _ change: (URL, URL) throws -> Void,
                                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = try folder.write(.valid)
        try before(URL(fileURLWithPath: content))
        let templates = folder.url.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let letters = folder.url.appendingPathComponent("letters").path
        // Files written just now are always read again (their times cannot show a change within
        // the same clock tick); an hour-old file is taken from the session while its times stay.
        try age(folder.url)
        let session = BuildSession()
        let incremental = folder.url.appendingPathComponent("incremental").path
        let first = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: incremental, lettersRoot: letters,
                                          today: Fixture.today, session: session)
        #expect(first.report != nil, "\(first.diagnostics)", sourceLocation: sourceLocation)
        // An aged site and a no-change rebuild: the session now knows the published files, and the
        // next publication compares pages with them in memory.
        try age(URL(fileURLWithPath: incremental))
        let unchanged = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: incremental, lettersRoot: letters,
                                              today: Fixture.today, session: session)
        #expect(unchanged.report?.written == 0, sourceLocation: sourceLocation)
        #expect(session.listingWasReused, "a rebuild without changes makes the listing pages again", sourceLocation: sourceLocation)
        #expect(session.wholeRulesWereReused, "a rebuild without changes runs the rules across documents again", sourceLocation: sourceLocation)
        // The same change rebuilt the way `inzage build` does it: without a session, taking pages
        // from the published site where the build record allows it.
        let recorded = folder.url.appendingPathComponent("recorded").path
        _ = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: recorded, lettersRoot: letters, today: Fixture.today)

        // The same change under `serve` with a trusted watcher: the rebuild looks only at the
        // files the watcher names (and at links).
        let watched = BuildSession()
        watched.trustWatcher()
        let watchedOutput = folder.url.appendingPathComponent("watched").path
        _ = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: watchedOutput, lettersRoot: letters,
                                  today: Fixture.today, session: watched)
        let beforeChange = FolderSnapshot(content)

        try change(URL(fileURLWithPath: content), templates)
        let changes = beforeChange.changes(to: FolderSnapshot(content))
        watched.noteChanges(changes)
        let trusted = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: watchedOutput, lettersRoot: letters,
                                            today: secondDay, session: watched)
        #expect(watched.lastLoadTrustedChanges == (changes != .unknown), sourceLocation: sourceLocation)
        if let contentPatched { #expect(watched.contentWasPatched == contentPatched, sourceLocation: sourceLocation) }
        let second = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: incremental, lettersRoot: letters,
                                           today: secondDay, session: session)
        #expect(second.report != nil, "\(second.diagnostics)", sourceLocation: sourceLocation)
        #expect(session.listingWasReused == listingReused, sourceLocation: sourceLocation)
        #expect(session.wholeRulesWereReused == wholeRulesReused, sourceLocation: sourceLocation)
        if let boardPagesReused { #expect(session.boardPagesWereReused == boardPagesReused, sourceLocation: sourceLocation) }
        if let contentPatched { #expect(session.contentWasPatched == contentPatched, sourceLocation: sourceLocation) }
        let clean = folder.url.appendingPathComponent("clean").path
        let full = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: clean, lettersRoot: letters, today: secondDay)
        #expect(second.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
        let a = try snapshot(incremental), b = try snapshot(clean)
        #expect(a.keys.sorted() == b.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in b where a[path] != bytes {
            Issue.record("\(path) differs between the incremental and the clean build", sourceLocation: sourceLocation)
        }
        #expect(trusted.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
        let w = try snapshot(watchedOutput)
        #expect(w.keys.sorted() == b.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in b where w[path] != bytes {
            Issue.record("\(path) differs between the rebuild trusting the watcher and the clean build", sourceLocation: sourceLocation)
        }
        #expect(ContentLoader(root: content, today: secondDay, session: watched).keptFoldersAreCurrent(), sourceLocation: sourceLocation)
        let recordedRebuild = try BuildPipeline.run(contentRoot: content, templatesRoot: templates.path, output: recorded, lettersRoot: letters, today: secondDay)
        #expect(recordedRebuild.patched == patchBuild, sourceLocation: sourceLocation)
        #expect(recordedRebuild.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
        for file in Set(full.diagnostics.map(\.location.file)) where recordedRebuild.content.sources[file] != full.content.sources[file] {
            Issue.record("the rebuild does not show the lines of \(file) as a clean build does", sourceLocation: sourceLocation)
        }
        let r = try snapshot(recorded)
        #expect(r.keys.sorted() == b.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in b where r[path] != bytes {
            Issue.record("\(path) differs between the rebuild with the build record and the clean build", sourceLocation: sourceLocation)
        }
    }

    func age(_ root: URL) throws {
        let old = Date().addingTimeInterval(-3600)
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: root.appendingPathComponent(path).path)
        }
    }

    /// Every file of a site but the build record (which only builds without a session leave).
    private func snapshot(_ root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            guard path != BuildRecord.fileName else { continue }
            if let data = FileManager.default.contents(atPath: root + "/" + path) { result[path] = data }
        }
        return result
    }

    /// Replaces the first line of `url` that starts with `prefix` by `line`.
    private func replaceLine(in url: URL, startingWith prefix: String, with line: String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let old = try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) })
        try edit(url, String(old), line)
    }

    /// Checks the fixture with a session, applies `change` to the content folder and checks
    /// again with the same session; the second check must equal a check without a session.
    private func recheck(_ change: (URL) throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> (first: [Diagnostic], second: [Diagnostic], session: BuildSession) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = try folder.write(.valid)
        try age(folder.url)
        let session = BuildSession()
        let first = try CheckPipeline.run(contentRoot: content, today: Fixture.today, session: session).1
        try change(URL(fileURLWithPath: content))
        let second = try CheckPipeline.run(contentRoot: content, today: Fixture.today, session: session).1
        #expect(second == (try CheckPipeline.run(contentRoot: content, today: Fixture.today)).1, sourceLocation: sourceLocation)
        return (first, second, session)
    }

    private func edit(_ url: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "fixture no longer contains \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: false, encoding: .utf8)
    }

    @Test func changedBijsluiterOfTheSameSize() throws {
        // Same length, written right after the first build: file times may not move, bytes do.
        // No list shows the description: the listing pages are kept.
        try expectIncrementalEqualsClean(listingReused: true, patchBuild: true) { content, _ in
            let file = content.appendingPathComponent("bijsluiters/rekentuin.md")
            let line = try #require(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("omschrijving:") })
            try edit(file, String(line), String(line).replacingOccurrences(of: "e", with: "a"))
        }
    }

    @Test func changedBijsluiterBodyKeepsTheListingPages() throws {
        // Only the product's own page shows its body: every list is taken from the build before,
        // and no rule across documents reads it.
        try expectIncrementalEqualsClean(listingReused: true, wholeRulesReused: true, patchBuild: true) { content, _ in
            let file = content.appendingPathComponent("bijsluiters/rekentuin.md")
            let text = try String(contentsOf: file, encoding: .utf8)
            try (text + "\nEen zin die alleen op de eigen pagina van het product staat.\n").write(to: file, atomically: false, encoding: .utf8)
        }
    }

    @Test func changedPageBodyKeepsTheListingPages() throws {
        try expectIncrementalEqualsClean(listingReused: true) { content, _ in
            let file = content.appendingPathComponent("paginas/camerabewaking.md")
            let text = try String(contentsOf: file, encoding: .utf8)
            try (text + "\nNog een alinea over de camera's.\n").write(to: file, atomically: false, encoding: .utf8)
        }
    }

    @Test func changedPageTitleChangesTheListingPages() throws {
        // The home page links every extra page by its title; the footer lists the first ones.
        try expectIncrementalEqualsClean(contentPatched: true) { content, _ in
            try replaceLine(in: content.appendingPathComponent("paginas/camerabewaking.md"), startingWith: "titel:", with: "titel: Camera's op het schoolplein")
        }
    }

    @Test func changedDownloadWithTheSameName() throws {
        // A file in bestanden/ is read on every build: new bytes under the same name are published.
        try expectIncrementalEqualsClean(listingReused: true, wholeRulesReused: true, patchBuild: true) { content, _ in
            let logo = content.appendingPathComponent("bestanden/logo.svg")
            let text = try String(contentsOf: logo, encoding: .utf8)
            try text.replacingOccurrences(of: "</svg>", with: "<!-- nieuw -->\n</svg>").write(to: logo, atomically: false, encoding: .utf8)
        }
    }

    @Test func pageBodyIsReadByTheRulesAcrossDocuments() throws {
        // BT-MIN reads pages: a retention promise in a page's body is found on the next check.
        var lastLine = 0
        let (first, second, session) = try recheck { content in
            let page = content.appendingPathComponent("paginas/camerabewaking.md")
            let text = try String(contentsOf: page, encoding: .utf8) + "\nGegevens van leerlingen worden 2 jaar na uitschrijving verwijderd.\n"
            try text.write(to: page, atomically: false, encoding: .utf8)
            lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        }
        #expect(!first.contains { $0.code == "BT-MIN" })
        #expect(!session.wholeRulesWereReused)
        #expect(session.wholeRuleGroupsRun == [0, 1], "a page is read by both groups")
        let finding = try #require(second.first { $0.code == "BT-MIN" })
        #expect(finding.location.file.hasSuffix("paginas/camerabewaking.md") && finding.location.line == lastLine && finding.location.column == 1)
        #expect(finding.message == "deze tekst noemt 2 jaar, maar 'Gegevens over in- en uitschrijving' moet wettelijk minimaal 5 jaar worden bewaard")
    }

    @Test func bijsluiterFrontMatterIsReadByTheRulesAcrossDocuments() throws {
        // X-SCHOOL compares a bijsluiter's schools with organisatie.yaml.
        let (first, second, session) = try recheck { content in
            try edit(content.appendingPathComponent("bijsluiters/schoolapp.md"), "scholen: [07RB]", "scholen: [99ZZ]")
        }
        #expect(!first.contains { $0.code == "X-SCHOOL" })
        #expect(!session.wholeRulesWereReused)
        // Only the rules that read bijsluiters ran again; the others see none and kept their findings.
        #expect(session.wholeRuleGroupsRun == [0])
        let finding = try #require(second.first { $0.code == "X-SCHOOL" })
        #expect(finding.location.file.hasSuffix("bijsluiters/schoolapp.md") && finding.location.column == 11)
        #expect(finding.message.hasPrefix("BRIN-code '99ZZ' is geen school uit organisatie.yaml"))
    }

    @Test func rulesAcrossDocumentsSeeNoBijsluiterText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (content, _) = try CheckPipeline.run(contentRoot: try folder.write(.valid), today: Fixture.today)
        let whole = content.forWholeRules
        let files = Set(content.bijsluiters.map(\.file))
        // The rules that are no BijsluiterReadingRule see no bijsluiter at all, and the same files otherwise.
        let blind = whole.withoutBijsluiters
        #expect(blind.bijsluiters.isEmpty && blind.bodylessFingerprints.isEmpty)
        #expect(blind.sources.keys.sorted() == whole.sources.keys.sorted() && blind.paginas.count == whole.paginas.count)
        #expect(!files.isEmpty)
        #expect(whole.bijsluiters.map(\.file) == content.bijsluiters.map(\.file))
        #expect(whole.bijsluiters.allSatisfy { $0.body.text.isEmpty })
        #expect(whole.bijsluiters.map(\.product?.value) == content.bijsluiters.map(\.product?.value))
        #expect(whole.sources.keys.allSatisfy { !files.contains($0) } && whole.yamlTrees.keys.allSatisfy { !files.contains($0) })
        #expect(whole.bodies.allSatisfy { !files.contains($0.file) } && TextValues.files(in: whole).allSatisfy { !files.contains($0.path) })
        // Everything else is whole.
        #expect(whole.sources.count == content.sources.count - files.count)
        #expect(whole.paginas.map(\.body.text) == content.paginas.map(\.body.text))
        #expect(whole.privacyverklaring?.body.text == content.privacyverklaring?.body.text)
    }

    @Test func changedBijsluiterWithItsOldModificationTime() throws {
        // Same size and the old modification time put back (as some copy tools do): the change time still moves.
        try expectIncrementalEqualsClean(listingReused: true, patchBuild: true) { content, _ in
            let file = content.appendingPathComponent("bijsluiters/rekentuin.md")
            let modified = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
            let text = try String(contentsOf: file, encoding: .utf8)
            let omschrijving = try #require(text.split(separator: "\n").first { $0.hasPrefix("omschrijving:") })
            try edit(file, String(omschrijving), String(omschrijving).replacingOccurrences(of: "e", with: "a"))
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
        }
    }

    @Test func changedRetentionKeepsTheListingPages() throws {
        // Only the product's own page shows its retention; the rules across documents read it.
        try expectIncrementalEqualsClean(listingReused: true, patchBuild: true) { content, _ in
            try replaceLine(in: content.appendingPathComponent("bijsluiters/rekentuin.md"), startingWith: "bewaartermijn:",
                            with: "bewaartermijn: Tot het einde van het schooljaar.")
        }
    }

    @Test func changedCategoryExplanationKeepsTheListingPages() throws {
        // The matrix shows whether a category is processed, not how the product explains it.
        try expectIncrementalEqualsClean(listingReused: true, patchBuild: true) { content, _ in
            try replaceLine(in: content.appendingPathComponent("bijsluiters/rekentuin.md"), startingWith: "  studievoortgang:",
                            with: "  studievoortgang: Groep en oefenresultaten.")
        }
    }

    @Test func processedCategoryChangesTheMatrix() throws {
        // A category now processed: the matrix and the special-categories column change (a patch
        // build makes the lists from the listing snapshot).
        try expectIncrementalEqualsClean(patchBuild: true) { content, _ in
            try replaceLine(in: content.appendingPathComponent("bijsluiters/rekentuin.md"), startingWith: "  medisch:",
                            with: "  medisch: Ondersteuningsbehoefte bij dyscalculie.")
        }
    }

    @Test func supplierOutsideTheEERChangesTheLists() throws {
        // The product list and the privacyverklaring show the countries outside the EER.
        try expectIncrementalEqualsClean(patchBuild: true) { content, _ in
            let file = content.appendingPathComponent("bijsluiters/rekentuin.md")
            try edit(file, "{ naam: True B.V., plaats: Amsterdam, land: NL, taak: Hosting }", "{ naam: True Inc., plaats: Austin, land: US, taak: Hosting }")
            try edit(file, "doorgifte: nee", "doorgifte: { landen: [US], waarborg: dpf, toelichting: True Inc. is gecertificeerd. }")
        }
    }

    @Test func renamedProductChangesEveryListThatShowsIt() throws {
        // The product list, school pages, privacyverklaring, feed and sitemap show the product's name;
        // the pages that list no bijsluiter (reglement, contact, …) are kept.
        try expectIncrementalEqualsClean(boardPagesReused: true, contentPatched: true, patchBuild: true) { content, _ in
            try edit(content.appendingPathComponent("bijsluiters/rekentuin.md"), "product: Rekentuin", "product: Rekenhof")
        }
    }

    @Test func loaderFindingsComeAndGoWithAPatchedContent() throws {
        // A bijsluiter that gains a finding while loading (an unknown key, a refused value) and
        // loses it again: each check under the session patches the content of the check before,
        // and finds what a check without a session finds.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = try folder.write(.valid)
        try age(folder.url)
        let session = BuildSession()
        let file = URL(fileURLWithPath: content).appendingPathComponent("bijsluiters/rekentuin.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        let clean = try CheckPipeline.run(contentRoot: content, today: Fixture.today).1
        #expect(try CheckPipeline.run(contentRoot: content, today: Fixture.today, session: session).1 == clean)
        #expect(!session.contentWasPatched, "the first load has nothing to patch")
        let edits = [
            original.replacingOccurrences(of: "product: Rekentuin", with: "product: Rekentuin\nkleur: groen"),
            original.replacingOccurrences(of: "product: Rekentuin", with: "product: Rekentuin\nkleur: blauw")
                .replacingOccurrences(of: "scholen: alle", with: "scholen: 5"),
            original.replacingOccurrences(of: "product: Rekentuin", with: "product: Rekenhof"),
            original,
        ]
        var codes: [[String]] = []
        for text in edits {
            try text.write(to: file, atomically: false, encoding: .utf8)
            let expected = try CheckPipeline.run(contentRoot: content, today: Fixture.today).1
            #expect(try CheckPipeline.run(contentRoot: content, today: Fixture.today, session: session).1 == expected)
            #expect(session.contentWasPatched)
            codes.append(expected.filter { $0.location.file.hasSuffix("rekentuin.md") && $0.severity == .error }.map(\.code))
        }
        #expect(codes[0] == ["KEY-UNKNOWN"])
        #expect(codes[1].contains("VALUE") && codes[1].contains("KEY-UNKNOWN"))
        #expect(codes[2].isEmpty && codes[3].isEmpty)
    }

    @Test func aBijsluiterThatNoLongerDecodesIsMergedAgain() throws {
        // Front matter that is no map gives no bijsluiter: the content is merged again, not patched.
        let (_, second, session) = try recheck { content in
            try "---\n- een lijst\n---\nTekst.\n".write(to: content.appendingPathComponent("bijsluiters/rekentuin.md"), atomically: false, encoding: .utf8)
        }
        #expect(second.contains { $0.location.file.hasSuffix("rekentuin.md") && $0.severity == .error })
        #expect(!session.contentWasPatched)
    }

    @Test func changedReglementMakesTheBoardPagesAgain() throws {
        // A top-level document is a global input: every page is made again, the reglement too.
        try expectIncrementalEqualsClean(boardPagesReused: false) { content, _ in
            try edit(content.appendingPathComponent("reglement.md"), "Dit reglement geldt voor alle verwerkingen", "Dit reglement geldt voor elke verwerking")
        }
    }

    @Test func newChangeMovesTheFeedEntriesWithoutAVersion() throws {
        // A change without a version is known in the feed by its place, which a newer change moves.
        try expectIncrementalEqualsClean(patchBuild: true, before: { content in
            try edit(content.appendingPathComponent("bijsluiters/schoolapp.md"), "- { versie: \"1.0\", datum: 2025-06-01, samenvatting: Eerste versie. }",
                     "- { datum: 2025-06-01, samenvatting: Eerste versie. }")
        }) { content, _ in
            try edit(content.appendingPathComponent("bijsluiters/rekentuin.md"), "- { versie: \"2.1\", datum: 2026-09-01,",
                     "- { versie: \"2.2\", datum: 2026-10-01, samenvatting: Nieuwe leverancier. }\n  - { versie: \"2.1\", datum: 2026-09-01,")
        }
    }

    @Test func bijsluiterGainsAndLosesFindings() throws {
        // A warning appears in one file (a text rule and a bijsluiter rule) and one from the first build stays.
        try expectIncrementalEqualsClean(listingReused: true, patchBuild: true) { content, _ in
            try replaceLine(in: content.appendingPathComponent("bijsluiters/rekentuin.md"), startingWith: "omschrijving:", with: "omschrijving: Oefenen volgens de Wbp.")
        }
    }

    @Test func anotherDayRechecksEveryFile() throws {
        // BS-STALE and BS-VERSION depend on the date: a new schooljaar makes dated bijsluiters stale.
        try expectIncrementalEqualsClean(secondDay: SchoolDate(year: Fixture.today.year + 1, month: 9, day: 1)!) { _, _ in }
    }

    @Test func changedOrganisatie() throws {
        try expectIncrementalEqualsClean(contentPatched: false) { content, _ in
            let file = content.appendingPathComponent("organisatie.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            let fg = try #require(text.range(of: "fg:"))
            let naam = try #require(text[fg.upperBound...].range(of: "naam: "))
            var changed = text
            changed.insert(contentsOf: "Dr. ", at: naam.upperBound)
            try changed.write(to: file, atomically: false, encoding: .utf8)
        }
    }

    @Test func changedTemplate() throws {
        // Templates are not content: no rule runs again.
        try expectIncrementalEqualsClean(wholeRulesReused: true) { _, templates in
            let original = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("bijsluiter.mustache"), encoding: .utf8)
            try original.replacingOccurrences(of: "A. Het product en de leverancier", with: "A. Product en leverancier")
                .write(to: templates.appendingPathComponent("bijsluiter.mustache"), atomically: false, encoding: .utf8)
        }
    }

    @Test func changedRowTemplate() throws {
        // Rows are rendered once and kept: a new row template renders every row again.
        try expectIncrementalEqualsClean(wholeRulesReused: true) { _, templates in
            let original = try String(contentsOf: InzagePaths.defaultTemplates.appendingPathComponent("bijsluiters-rij.mustache"), encoding: .utf8)
            try original.replacingOccurrences(of: "<tr>", with: "<tr class=\"product\">")
                .write(to: templates.appendingPathComponent("bijsluiters-rij.mustache"), atomically: false, encoding: .utf8)
        }
    }

    @Test func deletedPage() throws {
        try expectIncrementalEqualsClean(contentPatched: false) { content, _ in
            try FileManager.default.removeItem(at: content.appendingPathComponent("paginas/camerabewaking.md"))
        }
    }

    @Test func renamedBijsluiter() throws {
        try expectIncrementalEqualsClean(contentPatched: false) { content, _ in
            try FileManager.default.moveItem(at: content.appendingPathComponent("bijsluiters/rekentuin.md"),
                                             to: content.appendingPathComponent("bijsluiters/rekentuin-plus.md"))
        }
    }

    @Test func addedBijsluiter() throws {
        try expectIncrementalEqualsClean(contentPatched: false) { content, _ in
            try FileManager.default.copyItem(at: content.appendingPathComponent("bijsluiters/rekentuin.md"),
                                             to: content.appendingPathComponent("bijsluiters/rekentuin-plus.md"))
            try edit(content.appendingPathComponent("bijsluiters/rekentuin-plus.md"), "product: Rekentuin", "product: Rekentuin Plus")
        }
    }

    /// A watcher names a file changed through a link where the file is, not at the link: a load
    /// that trusts the watcher looks at every link.
    @Test func changedFileBehindALinkedBijsluiter() throws {
        try expectIncrementalEqualsClean(before: { content in
            let concepten = content.appendingPathComponent("concepten")
            try FileManager.default.createDirectory(at: concepten, withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: content.appendingPathComponent("bijsluiters/rekentuin.md"), to: concepten.appendingPathComponent("rekentuin.md"))
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("bijsluiters/rekentuin.md").path,
                                                       withDestinationPath: "../concepten/rekentuin.md")
        }) { content, _ in
            try edit(content.appendingPathComponent("concepten/rekentuin.md"), "product: Rekentuin", "product: Rekentuin Plus")
        }
    }

    /// A load that trusts the watcher does not see a change no note names (a file changed
    /// through a hard link outside the content folder); the look at every file that `serve`
    /// takes after such a rebuild does, and a rebuild with unknown changes takes it in.
    @Test func aChangeTheWatcherDidNotNameIsFoundByTheLookAfterwards() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = try folder.write(.valid)
        try age(folder.url)
        let session = BuildSession()
        session.trustWatcher()
        let output = folder.url.appendingPathComponent("public").path
        let letters = folder.url.appendingPathComponent("letters").path
        func build() throws -> String {
            let result = try BuildPipeline.run(contentRoot: content, templatesRoot: nil, output: output, lettersRoot: letters, today: Fixture.today, session: session)
            #expect(result.report != nil)
            return try String(contentsOfFile: output + "/bijsluiters/index.html", encoding: .utf8)
        }
        _ = try build()
        let loader = ContentLoader(root: content, today: Fixture.today, session: session)
        #expect(loader.keptFoldersAreCurrent())
        try edit(URL(fileURLWithPath: content + "/bijsluiters/rekentuin.md"), "product: Rekentuin", "product: Rekenbos")
        session.noteChanges(.files([]))
        #expect(!(try build()).contains("Rekenbos"), "the load looked at a file no note named")
        #expect(session.lastLoadTrustedChanges)
        #expect(!loader.keptFoldersAreCurrent())
        session.noteChanges(.unknown)
        #expect(try build().contains("Rekenbos"))
        #expect(!session.lastLoadTrustedChanges)
        #expect(loader.keptFoldersAreCurrent())
    }

    @Test func noChangeWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = try folder.write(.valid)
        let session = BuildSession()
        let output = folder.url.appendingPathComponent("public").path
        let letters = folder.url.appendingPathComponent("letters").path
        _ = try BuildPipeline.run(contentRoot: content, templatesRoot: nil, output: output, lettersRoot: letters, today: Fixture.today, session: session)
        let again = try BuildPipeline.run(contentRoot: content, templatesRoot: nil, output: output, lettersRoot: letters, today: Fixture.today, session: session)
        #expect(again.report?.written == 0)
        #expect(again.report?.removed == 0)
    }

    /// Under `serve` the published site is looked at while the content loads; what was changed in
    /// the output folder by hand before a rebuild is still put right by it.
    @Test func handChangesToThePublishedSiteArePutRight() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = try folder.write(.valid)
        let session = BuildSession()
        let output = folder.url.appendingPathComponent("public")
        let letters = folder.url.appendingPathComponent("letters").path
        func build() throws -> BuildPipeline.Result {
            try BuildPipeline.run(contentRoot: content, templatesRoot: nil, output: output.path, lettersRoot: letters, today: Fixture.today, session: session)
        }
        _ = try build()
        try age(output)
        _ = try build()
        let clean = try snapshot(output.path)
        try Data("los".utf8).write(to: output.appendingPathComponent("bijsluiters/los.html"))
        try Data("veranderd".utf8).write(to: output.appendingPathComponent("index.html"))
        let again = try build()
        #expect(again.report?.removed == 1)
        #expect(again.report?.written == 1)
        #expect(try snapshot(output.path) == clean)
    }

    @Test func handChangesToAWatchedSiteArePutRight() throws {
        // Once the published site is watched, unchanged pages are taken without a stat: each kind
        // of hand change must still be seen. A page with its old size and times, a stray file, a
        // stray folder (which stops the watch), and a page in a folder made anew.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let content = try folder.write(.valid)
        let session = BuildSession(watchingOutput: true)
        let output = folder.url.appendingPathComponent("public")
        let letters = folder.url.appendingPathComponent("letters").path
        func build() throws -> BuildPipeline.Result {
            try BuildPipeline.run(contentRoot: content, templatesRoot: nil, output: output.path, lettersRoot: letters, today: Fixture.today, session: session)
        }
        /// Rebuilds until the watch is in place (it is made beside a rebuild) and every page is known.
        func buildWatched() throws {
            for _ in 0..<100 where !session.published.isWatchingSite {
                _ = try build()
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(session.published.isWatchingSite)
            _ = try build()
        }
        _ = try build()
        try age(output)
        try buildWatched()
        let clean = try snapshot(output.path)
        let home = output.appendingPathComponent("index.html")
        let hand: [(String, () throws -> Void)] = [
            ("a page with its old size and times", {
                let attributes = try FileManager.default.attributesOfItem(atPath: home.path)
                var bytes = try Data(contentsOf: home)
                bytes[bytes.count - 2] = bytes[bytes.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
                try bytes.write(to: home)
                try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: home.path)
            }),
            ("a stray file", { try Data("los".utf8).write(to: output.appendingPathComponent("bijsluiters/rekentuin/los.html")) }),
            ("a stray folder", {
                try FileManager.default.createDirectory(at: output.appendingPathComponent("bijsluiters/los"), withIntermediateDirectories: true)
                try Data("los".utf8).write(to: output.appendingPathComponent("bijsluiters/los/index.html"))
            }),
            ("a page in a folder made anew", {
                let page = output.appendingPathComponent("bijsluiters/rekentuin")
                let bytes = try Data(contentsOf: page.appendingPathComponent("index.html"))
                try FileManager.default.removeItem(at: page)
                try FileManager.default.createDirectory(at: page, withIntermediateDirectories: true)
                try (bytes + Data("<!-- hand -->".utf8)).write(to: page.appendingPathComponent("index.html"))
            }),
        ]
        for (what, change) in hand {
            try buildWatched()
            try change()
            let again = try build()
            #expect(again.report.map { $0.written + $0.removed } ?? 0 >= 1, "\(what)")
            #expect(try snapshot(output.path) == clean, "\(what)")
        }
    }

    @Test func aKeptNilIsKeptAndAMissingValueIsMade() {
        // The lists keep "no row for this product" (a product without a verwerker, or with no
        // country outside the EER) as a kept nil; a value never made is made, also for an
        // optional type.
        let fragments = FileFragments()
        var made = 0
        let first: String? = fragments.value("row") { made += 1; return nil }
        let second: String? = fragments.value("row") { made += 1; return "x" }
        #expect(first == nil && second == nil && made == 1)
        let other: String? = fragments.value("other") { made += 1; return "y" }
        #expect(other == "y" && made == 2)
    }
}
