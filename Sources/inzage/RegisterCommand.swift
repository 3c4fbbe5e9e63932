import ArgumentParser
import Foundation
import InzageCore

/// `inzage register`: the verwerkingsregister (AVG art. 30) for the FG, from the same sources.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "Druk het verwerkingsregister (AVG artikel 30) af.")

    enum Format: String, ExpressibleByArgument { case csv, json }

    @OptionGroup var options: ContentOptions

    @Option(help: "Uitvoer: csv of json.")
    var format: Format = .csv

    func run() throws {
        let content: Content
        let diagnostics: [Diagnostic]
        do {
            (content, diagnostics) = try CheckPipeline.run(contentRoot: options.content)
        } catch {
            Output.err("inzage: \(error)\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        guard diagnostics.errorCount == 0 else {
            Output.err(DiagnosticPrinter(sources: content.sources, useColour: DiagnosticPrinter.wantsColour(fileDescriptor: 2)).render(diagnostics))
            Output.err("Het register is niet gemaakt: los eerst de fouten op.\n")
            throw ExitCode(ExitStatus.contentProblems)
        }
        let register = Verwerkingsregister(content: content)
        Output.out(format == .csv ? register.csv() : register.json())
    }
}
