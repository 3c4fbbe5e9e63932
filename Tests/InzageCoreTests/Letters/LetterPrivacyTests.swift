import Foundation
@testable import InzageCore
import Testing

@Suite("Letters: pupil data never reaches the site")
struct LettersPrivacyTests {
    @Test func noPupilNameAppearsInABuiltSite() throws {
        let root = try LetterFixture.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let contentRoot = root.appendingPathComponent("content").path
        let (content, _) = try CheckPipeline.run(contentRoot: contentRoot, today: LetterFixture.today)
        let export = "leerling;groep;geboortedatum;website;nieuwsbrief;sociale-media;klassenapp\nZoë Çelik;1A;14-03-2014;ja;nee;nee;ja\nÉmilie Dubois-Ñúñez;5V;02-01-2009;ja;ja;nee;nee\n"
        let (list, problems) = ExportValidator.load(Data(export.utf8), file: "export.csv", kanalen: ["website", "nieuwsbrief", "sociale-media", "klassenapp"],
                                                    reminderDate: FotoReminderLetters.reminderDate(content))
        #expect(problems.isEmpty)
        let letters = try FotoReminderLetters.pupilLetters(content: content, brin: "31CD", leerlingen: try #require(list), templates: LetterFixture.templates())
        let site = root.appendingPathComponent("public").path
        let protected = [ProtectedFolder(path: site, description: "de site-uitvoer"), ProtectedFolder(path: contentRoot, description: "de inhoudsmap")]
        try LetterWriter(output: root.appendingPathComponent("letters").path, protected: protected).write(letters)

        // Letters are refused inside the site output, also before anything is built.
        #expect(throws: LetterWriteError.self) { try LetterWriter(output: site + "/letters", protected: protected).write(letters) }

        let result = try BuildPipeline.run(contentRoot: contentRoot, templatesRoot: nil, output: site, today: LetterFixture.today)
        #expect(result.report != nil, "the fixture site must build: \(result.diagnostics.filter { $0.severity == .error }.map(\.message))")
        let files = try FileManager.default.subpathsOfDirectory(atPath: site)
        #expect(!files.isEmpty)
        for file in files {
            let path = site + "/" + file
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let text = String(decoding: bytes, as: UTF8.self)
            for secret in ["Çelik", "Celik", "celik", "Dubois", "dubois", "Ñúñez", "fototoestemming-2026-2027"] {
                #expect(!text.contains(secret) && !file.contains(secret), "\(file) contains '\(secret)'")
            }
        }
    }
}
