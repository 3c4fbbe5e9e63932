import InzageCore
import Testing

/// The files and folders of a content folder.
@Suite("Content folder layout")
struct FileLayoutTests {
    @Test(arguments: ["organisatie.yaml", "privacyverklaring.md", "privacystatement.md"])
    func requiredFileIsMissing(name: String) {
        let d = expectDiagnostic("FILE-MISSING", in: .valid.removing(name).expecting(name, line: 1, column: 1))
        #expect(d?.message == "het verplichte bestand \(name) ontbreekt")
    }

    @Test(arguments: ["reglement.md", "toegankelijkheid.yaml"])
    func optionalFileMayBeMissing(name: String) throws {
        let run = try TestContent.valid.removing(name).check()
        #expect(run.errors.isEmpty, "\(run.summary)")
    }

    @Test func unknownFileGetsASuggestion() {
        let d = expectDiagnostic("FILE-UNKNOWN", .warning, in: .valid.setting("organisatie.yml", to: .text("naam: x\n")).expecting("organisatie.yml", line: 1, column: 1))
        #expect(d?.message == "onbekend bestand of map; het wordt niet gebruikt; bedoelde u 'organisatie.yaml'?")
    }

    @Test func nonMarkdownFileInBijsluiters() {
        expectDiagnostic("FILE-UNEXPECTED", .warning, in: .valid.setting("bijsluiters/verwerkersovereenkomst.pdf", to: .bytes([0x25, 0x50, 0x44, 0x46]))
            .expecting("bijsluiters/verwerkersovereenkomst.pdf", line: 1, column: 1))
    }

    @Test func fileNameInBestandenThatCannotBeAnAddress() {
        expectDiagnostic("FILE-SLUG", in: .valid.setting("bestanden/mijn logo.svg", to: .text(Fixture.logo)).expecting("bestanden/mijn logo.svg", line: 1, column: 1))
    }

    @Test func nestedFoldersInBestanden() throws {
        let run = try TestContent.valid.setting("bestanden/pdf/reglement-2026.pdf", to: .bytes([0x25, 0x50, 0x44, 0x46])).check()
        #expect(run.content.bestanden == ["logo.svg", "pdf/reglement-2026.pdf"])
        #expect(run.diagnostics.isEmpty, "\(run.summary)")
    }

    @Test(arguments: [("rekentuin", true), ("vo-next-2", true), ("Rekentuin", false), ("reken tuin", false), ("reken--tuin", false),
                      ("-reken", false), ("reken-", false), ("", false), (".", false), ("café", false)])
    func slugs(slug: String, valid: Bool) {
        #expect(Slug.isValid(slug) == valid)
    }

    @Test(arguments: [("Mijn Product", "mijn-product"), ("Café Één", "cafe-een"), ("..", "naam"), ("  VO next! ", "vo-next")])
    func slugSuggestions(text: String, suggestion: String) {
        #expect(Slug.suggest(from: text) == suggestion)
    }
}
