import ArgumentParser
import Foundation
import InzageCore

/// `inzage new bijsluiter <slug>`: a complete skeleton to fill in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Maak een nieuw, leeg document om in te vullen.")

    @OptionGroup var options: ContentOptions

    @Argument(help: "Soort document: bijsluiter of pagina.")
    var kind: String

    @Argument(help: "De naam van het bestand (kleine letters, cijfers en -), bijvoorbeeld 'mijn-product'.")
    var slug: String

    func run() throws {
        guard let kind = Skeleton.Kind(rawValue: kind) else {
            Output.err("inzage: onbekende soort '\(kind)'; kies uit: \(Skeleton.Kind.allCases.map(\.rawValue).joined(separator: ", "))\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        guard Slug.isValid(slug) else {
            Output.err("inzage: '\(slug)' is geen geldige naam; gebruik kleine letters, cijfers en '-', bijvoorbeeld '\(Slug.suggest(from: slug))'\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        let relative = Skeleton.relativePath(for: kind, slug: slug)
        let url = URL(fileURLWithPath: options.content).appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            Output.err("inzage: \(options.content)/\(relative) bestaat al; Inzage overschrijft niets\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(Skeleton.text(for: kind, slug: slug, today: Today.date()).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            Output.err("inzage: kan \(options.content)/\(relative) niet schrijven (\(error.localizedDescription))\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        Output.out("Gemaakt: \(options.content)/\(relative). Vul het in en controleer met: inzage check\n")
    }
}
