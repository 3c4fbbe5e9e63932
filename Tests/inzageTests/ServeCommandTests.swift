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
