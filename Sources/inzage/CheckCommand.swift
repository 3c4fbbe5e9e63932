import ArgumentParser
import Foundation
import InzageCore

/// `inzage check`: validate the content and report every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Controleer de inhoud zonder iets te publiceren.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var options: ContentOptions

    @Option(help: "Uitvoer: text of json.")
    var format: Format = .text

    @Flag(help: "Laat ook waarschuwingen de controle doen mislukken.")
    var strict = false

    func run() throws {
        let content: Content
        let diagnostics: [Diagnostic]
        do {
            (content, diagnostics) = try CheckPipeline.run(contentRoot: options.content)
        } catch {
            Output.err("inzage: \(error)\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        defer { KeptUntilExit.keep(content) }
        switch format {
        case .json:
            Output.out(JSONReport.render(diagnostics))
        case .text:
            let printer = DiagnosticPrinter(sources: content.sources, useColour: DiagnosticPrinter.wantsColour(fileDescriptor: 1))
            Output.out(printer.render(diagnostics))
        }
        if diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0) {
            throw ExitCode(ExitStatus.contentProblems)
        }
    }
}
