import Foundation
@testable import InzageCore
import Testing

@Suite("BT-MIN")
struct BtMinimumTests {
    @Test func silentOnValidContent() {
        // The page on cameras deletes images after 4 weeks; no statutory minimum covers them.
        expectNoDiagnostic("BT-MIN")
    }

    @Test func textDeletesPupilDataBeforeTheStatutoryMinimum() {
        // Seed 002: Bijlage VIII says 2 years where Bijlage I-B requires 5 for in- en uitschrijving.
        let d = expectDiagnostic("BT-MIN", in: .valid.replacing("en waarvoor.\n", with: "en waarvoor. 1️⃣Gegevens van leerlingen worden 2 jaar na uitschrijving verwijderd.\n",
                                                                 in: "privacyverklaring.md"))
        #expect(d?.message == "deze tekst noemt 2 jaar, maar 'Gegevens over in- en uitschrijving' moet wettelijk minimaal 5 jaar worden bewaard")
    }

    @Test func verwerkingWithAShorterTerm() {
        expectDiagnostic("BT-MIN", in: .valid.replacing("    bewaartermijn: leerlingadministratie",
                                                         with: "    bewaartermijn: 1️⃣2 jaar na uitschrijving", in: "privacyverklaring.md"))
    }

    @Test func sentenceThatPromisesAtLeastTheTermIsFine() {
        expectNoDiagnostic("BT-MIN", in: .valid.replacing("en waarvoor.\n", with: "en waarvoor. Gegevens van leerlingen worden minimaal 2 jaar na uitschrijving bewaard.\n",
                                                          in: "privacyverklaring.md"))
    }

    @Test(arguments: ["1️⃣GEGEVENS VAN LEERLINGEN WORDEN TWEE JAAR NA UITSCHRIJVING VERWIJDERD.",
                      "Wij zijn klaar! 1️⃣Gegevens van leerlingen worden twee jaar na uitschrijving gewist?"])
    func aShorterTermInCapitalsOrAfterAnotherSentence(text: String) {
        expectDiagnostic("BT-MIN", in: .valid.replacing("en waarvoor.\n", with: "en waarvoor. \(text)\n", in: "privacyverklaring.md"))
    }

    /// Sentences are cut at `.`, `!` or `?` before a space or the end, and trimmed of spaces and
    /// tabs, as reading the text character by character and trimming with Foundation did.
    @Test func sentencesAreCutAsCharacterByCharacter() {
        func reference(_ text: Located<String>) -> [Located<String>] {
            var result: [Located<String>] = []
            func append(_ from: String.Index, _ to: String.Index) {
                let piece = text.value[from..<to]
                let trimmed = piece.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return }
                var location = text.location
                location.column += text.value[text.value.startIndex..<from].unicodeScalars.count + piece.prefix { $0 == " " }.count
                result.append(Located(trimmed, at: location))
            }
            var start = text.value.startIndex, index = start
            while index < text.value.endIndex {
                let next = text.value.index(after: index)
                if ".!?".contains(text.value[index]), next == text.value.endIndex || text.value[next] == " " {
                    append(start, next)
                    start = next
                }
                index = next
            }
            append(start, text.value.endIndex)
            return result
        }
        let lines = ["", " ", "Eén zin.", "Twee zinnen. En nog één!", "Vraag? Ja. Nee!  Misschien", "3.5 jaar. Daarna\tweg.", "\t Tab voor.\u{A0}Niet-brekende spatie. ",
                     "Einde op punt.", "...", ". . .", "Café.Geen spatie. é. ë?", "Wij bewaren, verwijderen. En wissen."]
        for line in lines {
            let text = Located(line, at: SourceLocation(file: "f.md", line: 3, column: 2))
            let sentences = RetentionTexts.sentences(of: text)
            let expected = reference(text)
            #expect(sentences.map(\.value) == expected.map(\.value), "\(line)")
            #expect(sentences.map(\.location) == expected.map(\.location), "\(line)")
        }
    }

    @Test func verwerkerRetentionInABijsluiterIsAboutItsOwnCopy() {
        expectNoDiagnostic("BT-MIN", in: .valid.replacing(
            "bewaartermijn: Tot het account wordt opgeheven, uiterlijk één jaar na de laatste activiteit.",
            with: "bewaartermijn: Gegevens van leerlingen worden 1 jaar na uitschrijving verwijderd.", in: "bijsluiters/rekentuin.md"))
    }
}
