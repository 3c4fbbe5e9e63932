import ArgumentParser
import Foundation
import InzageCore

/// `inzage letters`: plain-text letters to parents, written from the same content as the site.
struct LettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract: "Schrijf brieven aan ouders: de jaarlijkse herinnering fototoestemming en aankondigingen van bijsluiters.",
        subcommands: [FotoLettersCommand.self, BijsluiterLettersCommand.self]
    )
}

/// Options every letters command shares.
struct LetterOptions: ParsableArguments {
    @Option(name: .long, help: "De map met de inhoud.")
    var content: String = "content"

    @Option(name: .long, help: "Een map met eigen sjablonen (standaard: de map templates als die bestaat).")
    var templates: String?

    @Option(name: .long, help: "De map waarin de brieven komen; nooit in de site-uitvoer.")
    var output: String = "letters"

    @Option(name: .customLong("site-output"), help: "De map van de gebouwde site; brieven daarin worden geweigerd.")
    var siteOutput: String = "public"

    /// The user's templates folder: the option, else `templates/` in the working folder when it exists.
    var templateOverride: String? {
        if let templates { return templates }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory) && isDirectory.boolValue ? "templates" : nil
    }

    /// Folders whose files reach the public site: letters and exports must stay out of them.
    var protectedFolders: [ProtectedFolder] {
        var folders = [
            ProtectedFolder(path: siteOutput, description: "de site-uitvoer (\(siteOutput))"),
            ProtectedFolder(path: content, description: "de inhoudsmap (\(content)), waarvan bestanden op de site komen"),
        ]
        if let override = templateOverride {
            folders.append(ProtectedFolder(path: override, description: "de sjablonenmap (\(override)), waarvan bestanden op de site komen"))
        }
        return folders
    }

    var writer: LetterWriter { LetterWriter(output: output, protected: protectedFolders) }

    /// Refuses a letters folder in a published folder before any work is done.
    func checkOutput() throws {
        do {
            try writer.checkLocation()
        } catch {
            Output.err("inzage: \(error)\n")
            throw ExitCode(ExitStatus.contentProblems)
        }
    }

    /// Loads and checks the content; on any `fout` prints every diagnostic and exits 1.
    func checkedContent(today: SchoolDate) throws -> Content {
        let content: Content
        let diagnostics: [Diagnostic]
        do {
            (content, diagnostics) = try CheckPipeline.run(contentRoot: self.content, today: today)
        } catch {
            Output.err("inzage: \(error)\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        if diagnostics.errorCount > 0 {
            let printer = DiagnosticPrinter(sources: content.sources, useColour: DiagnosticPrinter.wantsColour(fileDescriptor: 2))
            Output.err(printer.render(diagnostics))
            Output.err("Er zijn geen brieven geschreven: los eerst de fouten op.\n")
            throw ExitCode(ExitStatus.contentProblems)
        }
        if diagnostics.warningCount > 0 {
            let count = diagnostics.warningCount
            Output.err("Let op: \(count == 1 ? "1 waarschuwing" : "\(count) waarschuwingen") in de inhoud; zie 'inzage check'.\n")
        }
        return content
    }

    func loadTemplates() throws -> TemplateSet {
        do {
            return try TemplateSet(override: templateOverride)
        } catch {
            Output.err("inzage: \(error)\n")
            throw ExitCode(ExitStatus.contentProblems)
        }
    }

    /// Renders letters, turning a content gap or template problem into a message and exit 1.
    func make(_ body: () throws -> [Letter]) throws -> [Letter] {
        do {
            return try body()
        } catch {
            Output.err("inzage: \(error)\n")
            throw ExitCode(ExitStatus.contentProblems)
        }
    }

    func write(_ letters: [Letter], replacing folders: [String] = []) throws -> LetterWriteSummary {
        do {
            return try writer.write(letters, replacing: folders)
        } catch let error as LetterWriteError {
            Output.err("inzage: \(error)\n")
            if case .insidePublishedFolder = error { throw ExitCode(ExitStatus.contentProblems) }
            throw ExitCode(ExitStatus.usageOrIO)
        }
    }

    /// "letters/fototoestemming-2026-2027/"
    func display(_ folder: String) -> String {
        (output.hasSuffix("/") ? output : output + "/") + folder + "/"
    }
}

/// `inzage letters fototoestemming`: the yearly reminder per school, or per pupil from an export.
struct FotoLettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fototoestemming",
        abstract: "De jaarlijkse herinnering dat toestemming voor foto's en video's altijd kan worden aangepast of ingetrokken."
    )

    @OptionGroup var options: LetterOptions

    @Option(name: .long, help: "Een export uit de leerlingadministratie (CSV): één brief per leerling.")
    var leerlingen: String?

    @Option(name: .long, help: "Het BRIN-nummer van de school van de export.")
    var school: String?

    func validate() throws {
        if school != nil, leerlingen == nil {
            throw ValidationError("--school hoort bij --leerlingen: geef ook de export op")
        }
    }

    func run() throws {
        try options.checkOutput()
        if let leerlingen, let folder = LetterWriter.protectedFolder(containing: leerlingen, among: options.protectedFolders) {
            Output.err("inzage: de export '\(leerlingen)' staat in \(folder.description); zo kunnen leerlinggegevens op de site komen. Zet de export ergens anders neer.\n")
            throw ExitCode(ExitStatus.contentProblems)
        }
        let content = try options.checkedContent(today: Today.date())
        guard let fototoestemming = content.fototoestemming else {
            Output.err("inzage: \(options.content)/fototoestemming.yaml ontbreekt; zonder kanalen en intrekroute kan er geen herinnering worden geschreven.\n")
            throw ExitCode(ExitStatus.contentProblems)
        }
        let templates = try options.loadTemplates()
        let folder = FotoReminderLetters.folder(fototoestemming)

        guard let exportPath = leerlingen else {
            let letters = try options.make { try FotoReminderLetters.schoolLetters(content: content, templates: templates) }
            _ = try options.write(letters)
            let schools = letters.count == 1 ? "1 school" : "\(letters.count) scholen"
            Output.out("\(letters.count == 1 ? "1 herinnering" : "\(letters.count) herinneringen") fototoestemming geschreven (\(schools)) in \(options.display(folder)).\n")
            return
        }

        let school = try chooseSchool(content)
        guard let brin = school.brinCode else { throw ExitCode(ExitStatus.usageOrIO) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: exportPath))
        } catch {
            Output.err("inzage: de export '\(exportPath)' kan niet worden gelezen\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        let kanalen = fototoestemming.kanalen.compactMap { $0.id.nonBlank }
        let (list, problems) = ExportValidator.load(data, file: DisplayPath.relative(exportPath), kanalen: kanalen, reminderDate: FotoReminderLetters.reminderDate(content))
        guard let list, problems.errorCount == 0 else {
            // No source excerpts: the lines of an export hold pupils' personal data.
            Output.err(DiagnosticPrinter(sources: [:], useColour: DiagnosticPrinter.wantsColour(fileDescriptor: 2)).render(problems))
            Output.err("Er zijn geen brieven geschreven: verbeter eerst de export.\n")
            throw ExitCode(ExitStatus.contentProblems)
        }
        let letters = try options.make { try FotoReminderLetters.pupilLetters(content: content, brin: brin, leerlingen: list, templates: templates) }
        let summary = try options.write(letters, replacing: ["\(folder)/\(brin)"])
        let pupils = FotoReminderLetters.audienceCounts(list, on: FotoReminderLetters.reminderDate(content))
        var message = "\(letters.count == 1 ? "1 brief" : "\(letters.count) brieven") fototoestemming geschreven voor \(school.naam.nonBlank ?? brin) in \(options.display("\(folder)/\(brin)"))"
        message += " (\(pupils.ouders) aan ouders, \(pupils.leerling) aan leerlingen van 16 jaar of ouder).\n"
        if !summary.removed.isEmpty {
            message += "\(summary.removed.count == 1 ? "1 oude brief" : "\(summary.removed.count) oude brieven") verwijderd uit die map.\n"
        }
        if !list.hasBirthDates, let soort = school.soort?.value, [.vo, .mbo, .so].contains(soort) {
            message += "Let op: de export heeft geen kolom geboortedatum; alle brieven zijn aan de ouders gericht, ook voor leerlingen van 16 jaar of ouder.\n"
        }
        Output.out(message)
    }

    /// The school of `--school`, or the only school of the board.
    func chooseSchool(_ content: Content) throws -> School {
        if let school {
            if let found = content.scholen.first(where: { $0.brinCode == school.uppercased() }) { return found }
            let known = content.scholen.compactMap(\.brinCode).joined(separator: ", ")
            Output.err("inzage: school '\(school)' staat niet in organisatie.yaml (bekend: \(known))\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        if content.scholen.count == 1, let only = content.scholen.first { return only }
        let known = content.scholen.compactMap(\.brinCode).joined(separator: ", ")
        Output.err("inzage: geef met --school aan van welke school de export is (\(known))\n")
        throw ExitCode(ExitStatus.usageOrIO)
    }
}

/// `inzage letters bijsluiter`: announcements of new or changed bijsluiters.
struct BijsluiterLettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bijsluiter",
        abstract: "Een brief over een nieuwe of gewijzigde privacybijsluiter, voor elke school die het product gebruikt."
    )

    @OptionGroup var options: LetterOptions

    @Argument(help: "De bijsluiters (bestandsnaam zonder .md), bijvoorbeeld junior-einstein.")
    var slugs: [String] = []

    @Option(name: .customLong("gewijzigd-sinds"), help: "Alle bijsluiters met een versie van deze datum of later, bijvoorbeeld 2026-08-01.")
    var gewijzigdSinds: String?

    func validate() throws {
        if slugs.isEmpty, gewijzigdSinds == nil {
            throw ValidationError("noem een of meer bijsluiters, of gebruik --gewijzigd-sinds DATUM")
        }
        if !slugs.isEmpty, gewijzigdSinds != nil {
            throw ValidationError("noem bijsluiters of gebruik --gewijzigd-sinds, niet allebei")
        }
        if let gewijzigdSinds, SchoolDate(parsing: gewijzigdSinds) == nil {
            throw ValidationError("'\(gewijzigdSinds)' is geen datum; schrijf bijvoorbeeld 2026-08-01 of 1 augustus 2026")
        }
    }

    func run() throws {
        try options.checkOutput()
        let content = try options.checkedContent(today: Today.date())
        let selection: BijsluiterSelection
        if let gewijzigdSinds, let date = SchoolDate(parsing: gewijzigdSinds) {
            selection = .changedSince(date)
        } else {
            for slug in slugs where content.bijsluiter(slug) == nil {
                do {
                    _ = try BijsluiterAnnouncements.select(.slugs([slug]), in: content)
                } catch {
                    Output.err("inzage: \(error)\n")
                }
                throw ExitCode(ExitStatus.usageOrIO)
            }
            selection = .slugs(slugs)
        }
        let templates = try options.loadTemplates()
        let letters = try options.make { try BijsluiterAnnouncements.letters(content: content, selection: selection, templates: templates) }
        if letters.isEmpty {
            if case .changedSince(let date) = selection {
                Output.out("Geen bijsluiters nieuw of gewijzigd sinds \(date.dutch); er zijn geen brieven geschreven.\n")
            } else {
                Output.out("Geen van deze producten wordt door een school gebruikt; er zijn geen brieven geschreven.\n")
            }
            return
        }
        _ = try options.write(letters)
        var byFolder: [String: Int] = [:]
        for letter in letters {
            byFolder[String(letter.path.split(separator: "/").first ?? ""), default: 0] += 1
        }
        var message = ""
        for (folder, count) in byFolder.sorted(by: { $0.key < $1.key }) {
            message += "\(count == 1 ? "1 brief" : "\(count) brieven") geschreven in \(options.display(folder)).\n"
        }
        Output.out(message)
    }
}
