import ArgumentParser
import Foundation
import InzageCore

/// The `inzage` command: check, build, serve and write letters from a school board's privacy content.
@main
struct Inzage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inzage",
        abstract: "Controleert en publiceert de privacy-informatie van een schoolbestuur.",
        subcommands: [CheckCommand.self, BuildCommand.self, ServeCommand.self, LettersCommand.self, NewCommand.self, RegisterCommand.self]
    )

    /// Runs the command; usage errors exit 2 (not ArgumentParser's 64), as product.md specifies.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Output.out(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            Output.err(UsageMessage.dutch(fullMessage(for: error)) + "\n")
            Foundation.exit(ExitStatus.usageOrIO)
        }
    }
}

/// Options every command that reads content shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "De map met de inhoud.")
    var content: String = "content"
}
