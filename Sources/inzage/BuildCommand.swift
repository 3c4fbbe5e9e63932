import ArgumentParser
import Foundation
import InzageCore

/// `inzage build`: check, then publish the site atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Controleer de inhoud en maak de website.")

    @OptionGroup var options: ContentOptions

    @Option(help: "Een map met eigen sjablonen; ontbrekende sjablonen komen uit het standaardthema.")
    var templates: String?

    @Option(help: "De map waarin de website komt.")
    var output: String = "public"

    func run() throws {
        let result: BuildPipeline.Result
        do {
            result = try BuildPipeline.run(contentRoot: options.content, templatesRoot: templates ?? Self.localTemplates(), output: output)
        } catch let error as WriteError {
            Output.err("inzage: fout: \(error)\n")
            throw ExitCode(ExitStatus.contentProblems)
        } catch let error as TemplateError {
            // A broken template is the user's input, like content: shown with its place, exit 1.
            Output.err("\(error)\nEr is niets gepubliceerd: los eerst de fout in het sjabloon op. De vorige versie van '\(output)' is niet veranderd.\n")
            throw ExitCode(ExitStatus.contentProblems)
        } catch {
            Output.err("inzage: \(error)\n")
            throw ExitCode(ExitStatus.usageOrIO)
        }
        defer { KeptUntilExit.keep(result) }
        let printer = DiagnosticPrinter(sources: result.content.sources, useColour: DiagnosticPrinter.wantsColour(fileDescriptor: 2))
        if !result.diagnostics.isEmpty { Output.err(printer.render(result.diagnostics)) }
        guard let report = result.report else {
            Output.err("Er is niets gepubliceerd: los eerst de fouten op. De vorige versie van '\(output)' is niet veranderd.\n")
            throw ExitCode(ExitStatus.contentProblems)
        }
        Output.out("Website gemaakt in \(output)/: \(Output.count(result.pageCount, "pagina", "pagina's")), \(Output.count(report.written, "bestand", "bestanden")) geschreven, \(report.unchanged) ongewijzigd, \(report.removed) verwijderd.\n")
    }

    /// `templates/` in the working folder overrides the default theme when it exists.
    static func localTemplates() -> String? {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory) && isDirectory.boolValue ? "templates" : nil
    }
}
