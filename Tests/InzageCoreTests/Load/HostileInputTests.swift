import Foundation
import InzageCore
import Testing

/// Content authors are not trusted: every broken or hostile file gets a Dutch error that names
/// the file (and the line where there is one), never a crash or a hang.
@Suite("Hostile input")
struct HostileInputTests {
    @Test(arguments: ["organisatie.yaml", "privacyverklaring.md", "bijsluiters/rekentuin.md", "bewaartermijnen.yaml", "paginas/camerabewaking.md"])
    func emptyFile(path: String) {
        let d = expectDiagnostic("FILE-EMPTY", in: .valid.setting(path, to: .text("")).expecting(path, line: 1, column: 1))
        #expect(d?.message == "het bestand is leeg")
    }

    @Test func fileWithOnlyWhitespace() {
        expectDiagnostic("FILE-EMPTY", in: .valid.setting("reglement.md", to: .text(" \n\t\r\n")).expecting("reglement.md", line: 1, column: 1))
    }

    @Test func yamlFileWithOnlyAComment() {
        let d = expectDiagnostic("FILE-EMPTY", in: .valid.setting("fototoestemming.yaml", to: .text("# nog invullen\n")).expecting("fototoestemming.yaml", line: 1, column: 1))
        #expect(d?.message == "het bestand bevat geen gegevens")
    }

    @Test func binaryFile() {
        // The start of a PNG image saved under a content name: the first NUL byte is on line 3.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let d = expectDiagnostic("FILE-BINARY", in: .valid.setting("privacystatement.md", to: .bytes(png)).expecting("privacystatement.md", line: 3, column: 1))
        #expect(d?.message == "dit is geen tekstbestand (het bevat binaire gegevens)")
    }

    @Test(arguments: [[0xFF, 0xFE] as [UInt8], [0xFE, 0xFF]])
    func utf16IsNamedAsSuch(bom: [UInt8]) {
        let text = Array("---\ntitel: Camerabewaking\n---\n".utf16)
        let bytes = bom + text.flatMap { bom == [0xFF, 0xFE] ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let d = expectDiagnostic("FILE-ENCODING", in: .valid.setting("paginas/camerabewaking.md", to: .bytes(bytes))
            .expecting("paginas/camerabewaking.md", line: 1, column: 1))
        #expect(d?.message == "het bestand is opgeslagen als UTF-16, niet als UTF-8")
    }

    @Test func nulByteInText() {
        expectDiagnostic("FILE-BINARY", in: .valid.settingBytes("paginas/camerabewaking.md", "---\ntitel: Camera1️⃣bewaking\n---\nTekst.\n",
                                                                 insertingAtMarker: [0x00]))
    }

    @Test(arguments: [
        [0xE9] as [UInt8],        // "é" in Windows-1252
        [0xFF],
        [0xC3, 0x20],             // a two-byte sequence cut short
        [0xED, 0xA0, 0x80],       // an encoded surrogate
        [0xC0, 0xAF],             // an overlong "/"
    ])
    func invalidUTF8IsReportedAtItsLine(bad: [UInt8]) {
        let marked = Fixture.organisatie.replacingOccurrences(of: "directeur: K. Visser", with: "directeur: K. Vi1️⃣sser")
        let d = expectDiagnostic("FILE-ENCODING", in: .valid.settingBytes("organisatie.yaml", marked, insertingAtMarker: bad))
        #expect(d?.message == "het bestand is geen geldige UTF-8-tekst")
    }

    @Test func invalidUTF8InAMarkdownBody() {
        let marked = Fixture.camerabewaking.replacingOccurrences(of: "Hebt u een vraag?", with: "Hebt u een vr1️⃣aag?")
        expectDiagnostic("FILE-ENCODING", in: .valid.settingBytes("paginas/camerabewaking.md", marked, insertingAtMarker: [0x92]))
    }

    @Test func controlCharacter() {
        let marked = Fixture.rekentuin.replacingOccurrences(of: "product: Rekentuin", with: "product: Reken1️⃣tuin")
        expectDiagnostic("FILE-CONTROL", in: .valid.settingBytes("bijsluiters/rekentuin.md", marked, insertingAtMarker: [0x0C]))
    }

    @Test func deleteCharacterInAWindowsFileIsAControlCharacterAtItsLine() {
        // DEL (0x7F) is a control character too; its line and column count no carriage returns.
        let marked = Fixture.camerabewaking.replacingOccurrences(of: "Hebt u een vraag?", with: "Hebt u een vr1️⃣aag?")
            .replacingOccurrences(of: "\n", with: "\r\n")
        expectDiagnostic("FILE-CONTROL", in: .valid.settingBytes("paginas/camerabewaking.md", marked, insertingAtMarker: [0x7F]))
    }

    @Test func aNulAfterAnotherControlCharacterIsBinaryData() {
        // The first control character is a form feed on an earlier line; the NUL is still what is reported.
        let marked = Fixture.rekentuin.replacingOccurrences(of: "product: Rekentuin", with: "product: Reken\u{0C}tuin")
            .replacingOccurrences(of: "samenvatting: Bijgewerkt voor", with: "samenvatting: Bij1️⃣gewerkt voor")
        expectDiagnostic("FILE-BINARY", in: .valid.settingBytes("bijsluiters/rekentuin.md", marked, insertingAtMarker: [0x00]))
    }

    @Test func tabsAndLineEndsAreNoControlCharacters() throws {
        let text = Fixture.camerabewaking.replacingOccurrences(of: "Hebt u een vraag?", with: "Hebt u\teen vraag?\r\n\r\nJa.")
        let run = try TestContent.valid.setting("paginas/camerabewaking.md", to: .text(text)).check()
        #expect(run.diagnostics.isEmpty, "\(run.summary)")
    }

    @Test(arguments: [
        ("organisatie.yaml", "naam: Stichting Openbaar Onderwijs De Linde", "naam: Stichting1️⃣: De Linde", "een dubbele punt op een plek waar die niet mag"),
        ("bijsluiters/rekentuin.md", "omschrijving: Adaptieve oefenomgeving", "omschrijving: Let1️⃣: adaptieve oefenomgeving", "een dubbele punt op een plek waar die niet mag"),
        ("privacyverklaring.md", "titel: Privacyverklaring", "titel: 1️⃣@privacy", "een teken waarmee een waarde niet mag beginnen (zoals @, ` of %)"),
    ])
    func yamlSyntaxErrorIsReportedAtItsPlace(path: String, old: String, new: String, message: String) {
        let d = expectDiagnostic("YAML-SYNTAX", in: .valid.replacing(old, with: new, in: path))
        #expect(d?.message == message)
    }

    @Test func unclosedQuote() throws {
        // The quote runs to the end of the file; libyaml reports where it gives up.
        let run = try TestContent.valid.replacing("functie: directeur }", with: "functie: \"directeur }", in: "fototoestemming.yaml").check()
        let d = try #require(run.diagnostics("YAML-SYNTAX").first, "\(run.summary)")
        #expect(run.relative(d.location) == "fototoestemming.yaml")
        #expect(d.location.line >= 12)
        #expect(d.message == "een aanhalingsteken wordt niet afgesloten of bevat een ongeldige code")
    }

    /// libyaml's own (English) problem text never reaches the reader.
    @Test(arguments: [
        ("naam: " + String(repeating: "[", count: 20_000), "de gegevens zijn te diep genest (lijsten of mappen in elkaar)"),
        ("naam: De Linde\n---\nnaam: Tweede\n", "er staat meer dan één YAML-document in dit bestand (een tweede '---' of '...')"),
        ("naam: !school!linde De Linde\n", "een waarde begint met '!', wat in YAML een bijzondere betekenis heeft"),
    ])
    func libyamlProblemsAreExplainedInDutch(yaml: String, message: String) throws {
        let run = try TestContent.valid.replacingFile("organisatie.yaml", with: yaml).check()
        let d = try #require(run.diagnostics("YAML-SYNTAX").first, "\(run.summary)")
        #expect(d.message == message)
        #expect(run.relative(d.location) == "organisatie.yaml")
    }

    @Test func unclosedFlowList() throws {
        let run = try TestContent.valid.replacing("doelgroep: [po, sbo]", with: "doelgroep: [po, sbo", in: "bijsluiters/rekentuin.md").check()
        let d = try #require(run.diagnostics("YAML-SYNTAX").first)
        #expect(run.relative(d.location) == "bijsluiters/rekentuin.md")
        #expect(d.location.line > 1)
    }

    @Test func documentIsAListWhereAMapIsExpected() {
        let d = expectDiagnostic("YAML-TYPE", in: .valid.replacingFile("organisatie.yaml", with: "1️⃣- naam: De Linde\n- naam: De Eik\n"))
        #expect(d?.message == "dit bestand moet een map met sleutels zijn ('sleutel: waarde'), maar is een lijst")
    }

    @Test func frontMatterIsAListWhereAMapIsExpected() {
        let d = expectDiagnostic("YAML-TYPE", in: .valid.replacingFile("paginas/camerabewaking.md", with: "---\n1️⃣- Camerabewaking\n---\nTekst.\n"))
        #expect(d?.message == "dit bestand moet een map met sleutels zijn ('sleutel: waarde'), maar is een lijst")
    }

    @Test func mapWhereTheFileIsAList() {
        let d = expectDiagnostic("YAML-TYPE", in: .valid.replacingFile("bewaartermijnen.yaml", with: "1️⃣id: leerlingdossier\ntermijn: 2 jaar\n"))
        #expect(d?.message == "bewaartermijnen.yaml moet een lijst zijn, maar is een lijst van sleutels (map)")
    }

    @Test func tabInTheIndentation() {
        let d = expectDiagnostic("YAML-TAB", in: .valid.replacing("fg:\n  naam:", with: "fg:\n1️⃣\tnaam:", in: "organisatie.yaml"))
        #expect(d?.message == "een tab in het inspringen; YAML kent alleen spaties")
    }

    @Test func tabInFrontMatterIndentation() {
        expectDiagnostic("YAML-TAB", in: .valid.replacing("verwerker:\n  naam:", with: "verwerker:\n 1️⃣\tnaam:", in: "bijsluiters/rekentuin.md"))
    }

    @Test(arguments: ["bijsluiters/Mijn Product.md", "bijsluiters/..md", "bijsluiters/.verborgen.md", "bijsluiters/café.md", "bijsluiters/-rekentuin.md", "paginas/Over_ons.md"])
    func fileNameThatIsNotASlug(path: String) {
        let d = expectDiagnostic("FILE-SLUG", in: .valid.setting(path, to: .text(Fixture.rekentuin)).expecting(path, line: 1, column: 1))
        #expect(d?.message.hasPrefix("de bestandsnaam") == true)
    }

    @Test func slugHintSuggestsAValidName() throws {
        let run = try TestContent.valid.setting("bijsluiters/Mijn Product.md", to: .text(Fixture.rekentuin)).check()
        #expect(run.diagnostics("FILE-SLUG").first?.hint == "gebruik alleen kleine letters a–z, cijfers en '-', bijvoorbeeld 'mijn-product.md'")
    }

    @Test func ordinaryHiddenFilesAreIgnored() {
        expectClean(TestContent.valid.setting("bijsluiters/.DS_Store", to: .bytes([0, 0, 0, 1])).setting("paginas/.gitkeep", to: .text("")))
    }

    @Test func fiftyMegabyteFile() {
        let d = expectDiagnostic("FILE-SIZE", in: .valid.setting("privacyverklaring.md", to: .sparse(50 * 1024 * 1024)).expecting("privacyverklaring.md", line: 1, column: 1))
        #expect(d?.message.hasPrefix("het bestand is te groot (50 MB)") == true)
    }

    @Test func missingClosingDashes() {
        let d = expectDiagnostic("FM-UNCLOSED", in: .valid
            .setting("paginas/camerabewaking.md", to: .text("---\ntitel: Camerabewaking\nvolgorde: 2\n\nOp het schoolplein hangen camera's.\n"))
            .expecting("paginas/camerabewaking.md", line: 1, column: 1))
        #expect(d?.message == "de front matter wordt niet afgesloten met '---'")
    }

    @Test func missingFrontMatter() {
        expectDiagnostic("FM-MISSING", in: .valid.setting("paginas/camerabewaking.md", to: .text("# Camerabewaking\n\nTekst.\n"))
            .expecting("paginas/camerabewaking.md", line: 1, column: 1))
    }

    @Test func emptyFrontMatter() {
        expectDiagnostic("FM-EMPTY", in: .valid.setting("paginas/camerabewaking.md", to: .text("---\n---\nTekst.\n"))
            .expecting("paginas/camerabewaking.md", line: 2, column: 1))
    }

    @Test(arguments: ["bijsluiters/lus.md", "organisatie.yaml", "reglement.md"])
    func symlinkToItself(path: String) {
        let name = (path as NSString).lastPathComponent
        let d = expectDiagnostic("FILE-LINK", in: .valid.setting(path, to: .symlink(name)).expecting(path, line: 1, column: 1))
        #expect(d?.message == "deze snelkoppeling (symlink) verwijst naar zichzelf of naar niets")
    }

    @Test func symlinksInACircle() throws {
        let run = try TestContent.valid
            .setting("bijsluiters/a.md", to: .symlink("b.md"))
            .setting("bijsluiters/b.md", to: .symlink("a.md"))
            .check()
        #expect(Set(run.diagnostics("FILE-LINK").map { run.relative($0.location) }) == ["bijsluiters/a.md", "bijsluiters/b.md"])
    }

    @Test(arguments: [("bestanden/lus", "."), ("bestanden/op", ".."), ("paginas/lus", "."), ("bijsluiters/terug", "..")])
    func folderLinkIntoItselfIsALoop(path: String, destination: String) throws {
        let run = try TestContent.valid.setting(path, to: .symlink(destination)).check()
        #expect(run.diagnostics("FILE-LINK").map { run.relative($0.location) } == [path], "\(run.summary)")
        #expect(run.content.bestanden == ["logo.svg"])
    }

    @Test func symlinkOutOfTheContentFolder() {
        let d = expectDiagnostic("FILE-LINK", in: .valid.setting("bijsluiters/passwd.md", to: .symlink("/etc/passwd")).expecting("bijsluiters/passwd.md", line: 1, column: 1))
        #expect(d?.message == "deze snelkoppeling (symlink) verwijst naar een bestand buiten de inhoudsmap")
    }

    @Test func folderWhereAFileIsExpected() {
        expectDiagnostic("FILE-READ", in: .valid.setting("reglement.md", to: .directory).expecting("reglement.md", line: 1, column: 1))
    }

    @Test func byteOrderMarkAndWindowsLineEndsLoadFine() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        func windows(_ text: String) -> [UInt8] { bom + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }
        let run = try TestContent.valid
            .setting("privacyverklaring.md", to: .bytes(windows(Fixture.privacyverklaring)))
            .setting("organisatie.yaml", to: .bytes(windows(Fixture.organisatie)))
            .setting("reglement.md", to: .bytes(windows(Fixture.reglement)))
            .check()
        #expect(run.diagnostics.isEmpty, "\(run.summary)")
        #expect(run.content.organisatie?.naam?.value == "Stichting Openbaar Onderwijs De Linde")
        #expect(run.content.reglement?.articles.count == 3)
    }

    @Test func positionsInAWindowsFileAreLikeInAnyOther() throws {
        // The marker's position counts no byte order mark and no carriage returns, as an editor shows it.
        let marked = Fixture.organisatie.replacingOccurrences(of: "  email: fg@delinde.nl", with: "  1️⃣emial: fg@delinde.nl")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let text = MarkedText(marked)
        let position = try #require(text.position())
        expectDiagnostic("KEY-UNKNOWN", in: .valid.setting("organisatie.yaml", to: .bytes([0xEF, 0xBB, 0xBF] + Array(text.text.utf8)))
            .expecting("organisatie.yaml", line: position.line, column: position.column))
    }

    @Test func nestedAliasesDoNotExpand() throws {
        // "Billion laughs": nine lines that expand to 10^9 values when aliases are followed.
        var yaml = Fixture.organisatie + "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let run = try TestContent.valid.replacingFile("organisatie.yaml", with: yaml).check()
        #expect(!run.diagnostics("YAML-ALIAS").isEmpty, "\(run.summary)")
        #expect(run.diagnostics("YAML-ALIAS").count < 20)
    }

    @Test func aliasIsReportedAtItsAnchor() {
        let d = expectDiagnostic("YAML-ALIAS", in: .valid.replacing("naam: Stichting Openbaar Onderwijs De Linde\nbevoegd_gezag: College van Bestuur",
                                                                     with: "naam: 1️⃣&naam Stichting De Linde\nbevoegd_gezag: *naam", in: "organisatie.yaml"))
        #expect(d?.hint == "schrijf de waarde voluit op elke plek waar ze nodig is")
    }

    @Test func ordinaryNestingIsNotAnAlias() throws {
        // Nodes that start close together (a list without indentation, maps in lists in lists) are not aliases.
        let run = try TestContent.valid
            .replacingFile("fototoestemming.yaml", with: Fixture.fototoestemming.replacingOccurrences(of: "\n  - {", with: "\n- {"))
            .replacing("adres: { straat: Lindelaan 4, postcode: 3511 AB, plaats: Utrecht }",
                       with: "adres: {straat: Lindelaan 4,postcode: 3511 AB,plaats: Utrecht}", in: "organisatie.yaml")
            .check()
        #expect(run.diagnostics.isEmpty, "\(run.summary)")
        let nested = try TestContent.valid.replacing("bevoegd_gezag: College van Bestuur",
                                                     with: "bevoegd_gezag: College van Bestuur\nextra: [[a], [b, [c]], {d: e}, [{f: g}]]", in: "organisatie.yaml").check()
        #expect(nested.diagnostics.map(\.code) == ["KEY-UNKNOWN"], "\(nested.summary)")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let run = try TestContent.valid.replacing("doelgroep: [po, sbo]", with: "doelgroep: \(deep)", in: "bijsluiters/rekentuin.md").check()
        let d = try #require(run.diagnostics("YAML-SYNTAX").first, "\(run.summary)")
        #expect(run.relative(d.location) == "bijsluiters/rekentuin.md")
    }

    @Test func everyHostileFileAtOnce() throws {
        // All of them in one folder: each is reported, the rest still loads.
        let run = try TestContent.valid
            .setting("bijsluiters/leeg.md", to: .text(""))
            .setting("bijsluiters/plaatje.md", to: .bytes([0x89, 0x50, 0x4E, 0x47, 0x00]))
            .setting("bijsluiters/lus.md", to: .symlink("lus.md"))
            .setting("bijsluiters/Mijn Product.md", to: .text(Fixture.rekentuin))
            .setting("bijsluiters/groot.md", to: .sparse(50 * 1024 * 1024))
            .check()
        #expect(Set(run.errors.map { run.relative($0.location) }) == [
            "bijsluiters/leeg.md", "bijsluiters/plaatje.md", "bijsluiters/lus.md", "bijsluiters/Mijn Product.md", "bijsluiters/groot.md",
        ], "\(run.summary)")
        #expect(run.content.bijsluiters.count == 2)
    }
}
