@testable import InzageCore
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

    /// The fixture with a folder's documents moved: `bijsluiters/rekentuin.md` becomes `<name>/rekentuin.md`.
    private func moving(_ folder: String, to name: String) -> TestContent {
        var content = TestContent.valid
        for (path, entry) in content.entries where path.hasPrefix(folder + "/") {
            content = content.removing(path).setting(name + path.dropFirst(folder.count), to: entry)
        }
        return content
    }

    @Test(arguments: ["bijsluiters", "paginas", "bestanden"])
    func contentFolderThatIsAFile(folder: String) throws {
        var content = TestContent.valid
        for path in content.entries.keys where path.hasPrefix(folder + "/") { content = content.removing(path) }
        content = content.setting(folder, to: .text("rekentuin\n")).expecting(folder, line: 1, column: 1)
        let d = expectDiagnostic("FILE-FOLDER", in: content)
        #expect(d?.message.hasSuffix("/\(folder)' is een bestand, geen map: Inzage kan er niets uit lezen") == true)
        #expect(d?.hint?.hasPrefix("verwijder of hernoem dit bestand en maak een map '\(folder)'") == true)
    }

    @Test(arguments: [("bijsluiters", "Bijsluiters"), ("bijsluiters", "bijsluiter"), ("paginas", "Paginas"), ("paginas", "pagina")])
    func misnamedContentFolderWithoutTheRealOne(folder: String, name: String) throws {
        let d = expectDiagnostic("FILE-FOLDER", in: moving(folder, to: name).expecting(name, line: 1, column: 1))
        #expect(d?.message.hasSuffix("/\(name)' wordt niet gelezen: Inzage kent alleen de map '\(folder)'") == true)
        #expect(d?.hint == "bedoelde u '\(folder)'? Hernoem de map naar '\(folder)'")
        let run = try moving(folder, to: name).check()
        #expect(run.diagnostics("FILE-UNKNOWN").isEmpty, "\(run.summary)")
    }

    @Test func misnamedFolderNextToTheRealOneIsOnlyAWarning() throws {
        let run = try TestContent.valid.setting("Bijsluiters/oud.md", to: .text("---\nproduct: x\n---\n")).check()
        #expect(run.diagnostics("FILE-FOLDER").isEmpty, "\(run.summary)")
        #expect(run.diagnostics("FILE-UNKNOWN").map(\.severity) == [.warning])
    }

    @Test func subfolderInBijsluitersIsCalledAFolder() {
        let d = expectDiagnostic("FILE-UNEXPECTED", .warning, in: .valid.setting("bijsluiters/vo", to: .directory)
            .expecting("bijsluiters/vo", line: 1, column: 1))
        #expect(d?.message == "deze map wordt overgeslagen: in bijsluiters/ horen alleen .md-bestanden, geen mappen")
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
                      ("-reken", false), ("reken-", false), ("", false), (".", false), ("café", false),
                      ("a-b-c", true), ("-", false), ("a---b", false), (String(repeating: "a", count: 100), true),
                      (String(repeating: "a", count: 101), false), ("rekentuin\n", false)])
    func slugs(slug: String, valid: Bool) {
        #expect(Slug.isValid(slug) == valid)
    }

    @Test(arguments: [("Mijn Product", "mijn-product"), ("Café Één", "cafe-een"), ("..", "naam"), ("  VO next! ", "vo-next"),
                      ("Artikel 2.1: Doel-en-Reikwijdte", "artikel-2-1-doel-en-reikwijdte"), ("Artikel 2.1 – Doel", "artikel-2-1-doel"),
                      ("--A_b--", "a-b"), ("Z9 [x]", "z9-x")])
    func slugSuggestions(text: String, suggestion: String) {
        #expect(Slug.suggest(from: text) == suggestion)
        // From UTF-8 bytes (a heading's text as cmark holds it): the same slug, or nil for
        // text that is not all ASCII.
        var bytes = text
        let fromBytes = bytes.withUTF8 { Slug.suggest(utf8: $0) }
        #expect(fromBytes == (ASCIIScan.isASCII(text) ? suggestion : nil))
    }

    /// Text beyond ASCII is folded one scalar at a time; that gives what Foundation gives folding
    /// the whole text, for every scalar folded so (alone, between letters, in runs of several),
    /// and for text with combining marks and other scalars, which is folded whole.
    @Test func slugsOfTextBeyondASCIIAreThoseOfFoldingItWhole() {
        let scalars = Slug.foldedScalars.keys.sorted().compactMap(Unicode.Scalar.init)
        var texts = scalars.flatMap { [String($0), "a\($0)b", "Kop \($0)\($0) 2"] }
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<5000 {
            texts.append(String(String.UnicodeScalarView((0..<8).map { _ in
                Bool.random(using: &generator) ? scalars.randomElement(using: &generator)! : "aZ9 -.".unicodeScalars.randomElement(using: &generator)!
            })))
        }
        texts += ["Één café: Waarom? – België", "Cafe\u{301} e\u{308}n", "Ἀθῆναι", "日本語の見出し", "ﬁets", "İstanbul", "Straße ’s morgens…"]
        for text in texts {
            #expect(Slug.suggest(from: text) == Slug.suggest(foldingWhole: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
