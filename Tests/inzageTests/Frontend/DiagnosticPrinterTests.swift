import Foundation
import InzageCore
import Testing
@testable import inzage

@Suite("DiagnosticPrinter")
struct DiagnosticPrinterTests {
    let file = "content/bijsluiters/junior-einstein.md"
    let source = "---\nproduct: Junior Einstein\ncategorieen:\n  bsn: nee\n---\n"

    func at(_ line: Int, _ column: Int) -> InzageCore.SourceLocation {
        InzageCore.SourceLocation(file: file, line: line, column: column)
    }

    @Test func compilerStyleWithExcerptCaretAndHint() {
        let d = Diagnostic(.error, "BS-CAT", at: at(4, 3), "categorie 'eck_id' (14. Keten-ID (ECK-ID)) ontbreekt",
                           hint: "voeg 'eck_id: nee' toe, of beschrijf welke gegevens worden verwerkt")
        let text = DiagnosticPrinter(sources: [file: source], useColour: false).render([d])
        #expect(text == """
            content/bijsluiters/junior-einstein.md:4:3: fout: categorie 'eck_id' (14. Keten-ID (ECK-ID)) ontbreekt [BS-CAT]
                4 |   bsn: nee
                  |   ^
               = hulp: voeg 'eck_id: nee' toe, of beschrijf welke gegevens worden verwerkt
            1 fout en 0 waarschuwingen gevonden.

            """)
    }

    /// Many diagnostics are printed in pieces on all cores: the text is the pieces in order, each
    /// diagnostic exactly as printed alone, then one summary.
    @Test func manyDiagnosticsPrintInOrderAsEachAlone() {
        let files = (0..<7).map { "content/paginas/pagina-\($0).md" }
        let sources = Dictionary(uniqueKeysWithValues: files.map { ($0, "---\ntitel: T\n---\n" + (1...40).map { "regel \($0)\tmet tab" }.joined(separator: "\n")) })
        let diagnostics = (0..<(DiagnosticPrinter.piece * 3 + 17)).map { index in
            Diagnostic(index % 5 == 0 ? .error : .warning, "X\(index % 3)",
                       at: InzageCore.SourceLocation(file: files[index * 7 / (DiagnosticPrinter.piece * 3 + 17)], line: index % 45 + 1, column: index % 9 + 1),
                       "bericht \(index)", hint: index % 2 == 0 ? "hulp \(index)" : nil)
        }
        let printer = DiagnosticPrinter(sources: sources, useColour: false)
        let alone = diagnostics.map { printer.render([$0], summary: false) }.joined()
        #expect(printer.render(diagnostics) == alone + printer.summary(diagnostics) + "\n")
        #expect(printer.render(diagnostics, summary: false) == alone)
    }

    @Test(arguments: [(Severity.error, "fout"), (.warning, "waarschuwing"), (.note, "opmerking")])
    func severityInDutch(severity: Severity, word: String) {
        let text = DiagnosticPrinter(sources: [:], useColour: false).render([Diagnostic(severity, "X", at: at(1, 1), "bericht")])
        #expect(text.hasPrefix("\(file):1:1: \(word): bericht [X]\n"))
    }

    @Test func caretStandsUnderTheColumn() throws {
        let text = DiagnosticPrinter(sources: [file: source], useColour: false).render([Diagnostic(.error, "X", at: at(2, 10), "bericht")])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let excerpt = try #require(lines.first { $0.contains("| product") })
        let caret = try #require(lines.first { $0.hasSuffix("^") })
        let caretIndex = caret.distance(from: caret.startIndex, to: caret.lastIndex(of: "^")!)
        let textStart = excerpt.distance(from: excerpt.startIndex, to: excerpt.range(of: "product")!.lowerBound)
        #expect(caretIndex == textStart + 9)
    }

    @Test func lineNumbersOfAnyWidthKeepTheBarAligned() throws {
        let long = (1...120).map { "regel \($0)" }.joined(separator: "\n")
        let text = DiagnosticPrinter(sources: [file: long], useColour: false).render([Diagnostic(.error, "X", at: at(115, 7), "bericht")])
        let lines = text.split(separator: "\n")
        let excerpt = try #require(lines.first { $0.hasSuffix("| regel 115") })
        let caret = try #require(lines.first { $0.hasSuffix("^") })
        #expect(excerpt.firstIndex(of: "|").map { excerpt.distance(from: excerpt.startIndex, to: $0) }
            == caret.firstIndex(of: "|").map { caret.distance(from: caret.startIndex, to: $0) })
        #expect(caret.hasSuffix("|       ^"))
    }

    /// The lines are found by their line breaks: a tab shows as a space, letters outside ASCII
    /// stay whole, the empty line after the last line break is a line, and past it there is none.
    @Test func theExcerptIsTheWholeLineOfItsNumber() {
        let text = "eerste\n\tcafé één\n"
        func excerpt(_ line: Int) -> [Substring] {
            DiagnosticPrinter(sources: [file: text], useColour: false).render([Diagnostic(.error, "X", at: at(line, 1), "bericht")], summary: false)
                .split(separator: "\n", omittingEmptySubsequences: false).filter { $0.contains("|") }
        }
        #expect(excerpt(1) == ["    1 | eerste", "      | ^"])
        #expect(excerpt(2) == ["    2 |  café één", "      | ^"])
        #expect(excerpt(3) == ["    3 | ", "      | ^"])
        #expect(excerpt(4).isEmpty)
        #expect(excerpt(0).isEmpty)
        let lines = DiagnosticPrinter.Lines("\nééé ✓\nx")
        #expect([lines[1], lines[2], lines[3], lines[4]] == ["", "ééé ✓", "x", nil])
        #expect(DiagnosticPrinter.Lines("één regel")[1] == "één regel" && DiagnosticPrinter.Lines("")[1] == "")
    }

    @Test func withoutSourceOrHintOnlyTheHeadline() {
        let text = DiagnosticPrinter(sources: [:], useColour: false).render([
            Diagnostic(.error, "FILE-MISSING", at: InzageCore.SourceLocation(file: "content/organisatie.yaml", line: 1, column: 1), "het verplichte bestand organisatie.yaml ontbreekt"),
        ])
        #expect(text == "content/organisatie.yaml:1:1: fout: het verplichte bestand organisatie.yaml ontbreekt [FILE-MISSING]\n1 fout en 0 waarschuwingen gevonden.\n")
    }

    @Test(arguments: [(0, 0, "Geen problemen gevonden."), (1, 0, "1 fout en 0 waarschuwingen gevonden."),
                      (2, 1, "2 fouten en 1 waarschuwing gevonden."), (0, 3, "0 fouten en 3 waarschuwingen gevonden.")])
    func closingCount(errors: Int, warnings: Int, summary: String) {
        let diagnostics = Array(repeating: Diagnostic(.error, "X", at: at(1, 1), "f"), count: errors)
            + Array(repeating: Diagnostic(.warning, "Y", at: at(1, 1), "w"), count: warnings)
        let text = DiagnosticPrinter(sources: [:], useColour: false).render(diagnostics)
        #expect(text.hasSuffix(summary + "\n"))
    }

    @Test func noEscapeCodesWithoutColour() {
        let d = Diagnostic(.warning, "X", at: at(2, 1), "bericht", hint: "hulp")
        #expect(!DiagnosticPrinter(sources: [file: source], useColour: false).render([d]).contains("\u{1B}"))
        #expect(DiagnosticPrinter(sources: [file: source], useColour: true).render([d]).contains("\u{1B}[33mwaarschuwing\u{1B}[0m"))
    }

    @Test func tabsInTheSourceLineAreShownAsSpaces() {
        let text = DiagnosticPrinter(sources: [file: "a:\tb\n"], useColour: false).render([Diagnostic(.error, "X", at: at(1, 4), "bericht")])
        #expect(text.contains("    1 | a: b\n"))
    }

    @Test func notATerminalMeansNoColour() {
        let pipe = Pipe()
        #expect(!DiagnosticPrinter.wantsColour(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor))
    }
}

@Suite("Frontend: counts in Dutch")
struct DutchCountTests {
    @Test(arguments: [(0, "0 bestanden"), (1, "1 bestand"), (2, "2 bestanden"), (2019, "2019 bestanden")])
    func singularOnlyForOne(number: Int, text: String) {
        #expect(Output.count(number, "bestand", "bestanden") == text)
    }
}
