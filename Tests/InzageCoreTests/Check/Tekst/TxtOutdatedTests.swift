@testable import InzageCore
import Testing

@Suite("TXT-OUTDATED")
struct TxtOutdatedTests {
    let line = "3.1. Een betrokkene heeft recht op inzage in de eigen gegevens."

    @Test func silentOnValidContent() {
        expectNoDiagnostic("TXT-OUTDATED")
    }

    @Test(arguments: [
        ("Wbp", "de Wbp geldt niet meer sinds 25 mei 2018"),
        ("Wet bescherming persoonsgegevens", "de Wet bescherming persoonsgegevens geldt niet meer sinds 25 mei 2018"),
        ("CBP", "het CBP heet sinds 2016 Autoriteit Persoonsgegevens"),
        ("College bescherming persoonsgegevens", "het College bescherming persoonsgegevens heet sinds 2016 Autoriteit Persoonsgegevens"),
        ("twee werkdagen", "'twee werkdagen' is de oude termijn; een datalek meldt u binnen 72 uur"),
    ])
    func outdatedTermInTheReglement(term: String, message: String) {
        let d = expectDiagnostic("TXT-OUTDATED", .warning, in: .valid.replacing(line, with: "3.1. Volgens de 1️⃣\(term) heeft een betrokkene recht op inzage.", in: "reglement.md"))
        #expect(d?.message == message)
    }

    @Test func outdatedTermInAYAMLValue() {
        expectDiagnostic("TXT-OUTDATED", .warning, in: .valid.replacing("termijn: 24 uur }", with: "termijn: binnen 1️⃣twee werkdagen }", in: "bijsluiters/rekentuin.md"))
    }

    @Test(arguments: ["2 werkdagen", "TWEE WERKDAGEN", "Twee Werkdagen"])
    func theOldBreachDeadlineInAnyCase(term: String) {
        expectDiagnostic("TXT-OUTDATED", .warning, in: .valid.replacing(line, with: "3.1. Een datalek meldt u binnen 1️⃣\(term).", in: "reglement.md"))
    }

    @Test func otherDeadlinesInWorkingDaysAreFine() {
        expectNoDiagnostic("TXT-OUTDATED", in: .valid.replacing(line, with: "3.1. Wij reageren binnen tien werkdagen, uiterlijk 12 of 22 werkdagen.", in: "reglement.md"))
    }

    /// A term's pattern is run only on text holding one of its words: every match of the pattern
    /// holds one, in texts that vary case, neighbours and spacing.
    @Test func everyMatchHoldsOneOfItsTermsWords() {
        let texts = ["Wbp", "de Wbp.", "(Wbp)", "Wbp-regels", "CBP", "het CBP,", "wet bescherming persoonsgegevens", "WET BESCHERMING PERSOONSGEGEVENS",
                     "College Bescherming Persoonsgegevens", "twee werkdagen", "TWEE werkdagen", "2 werkdagen", "binnen 2 werkdagen", "22 werkdagen",
                     "één Wbp é", "Wbp’s", "cbp", "wbp"]
        for text in texts {
            for term in TxtOutdated.terms where text.firstMatch(of: term.pattern) != nil {
                #expect(ASCIIScan.containsAny(text, term.words), "\(text): \(term.message)")
                #expect(TxtOutdated.mightMatch(text), "\(text)")
            }
        }
    }

    @Test func wordsThatOnlyContainTheLettersAreFine() {
        expectNoDiagnostic("TXT-OUTDATED", in: .valid.replacing(line, with: "3.1. Wbpx en ACBPQ zijn geen afkortingen.", in: "reglement.md"))
    }
}

extension TxtOutdatedTests {
    /// In a text of ASCII alone each term is found by bytes (`TxtOutdated.ASCIIPattern`), with
    /// Unicode's word boundaries: the same range as its regular expression finds, over seeded
    /// texts full of the terms, their near misses and every character the boundaries turn on.
    @Test func asciiTextsMatchAsTheRegularExpressionsDo() {
        var generator = SeededGenerator(seed: 33)
        let pieces = ["Wbp", "wbp", "WBP", "CBP", "cbp", "twee werkdagen", "TWEE werkdagen", "2 werkdagen", "12 werkdagen",
                      "wet bescherming persoonsgegevens", "College Bescherming Persoonsgegevens", "a", "Z", "7", "_", ":", ".", "'",
                      ",", ";", " ", "-", "(", ")", "\"", "/", "\t", "twee", "werkdagen", "de ", "s"]
        for _ in 0..<6_000 {
            let text = (0..<Int.random(in: 0...9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for term in TxtOutdated.terms {
                let expected = text.firstMatch(of: term.pattern)?.range
                #expect(term.ascii.firstMatch(in: text) == expected, "\(text.debugDescription) \(term.wordList)")
            }
        }
    }

    /// A text with any other character is searched by the regular expression itself.
    @Test func otherTextsUseTheRegularExpression() {
        let wbp = TxtOutdated.terms[0]
        #expect(wbp.firstMatch(in: "éWbp") == nil && wbp.firstMatch(in: "é Wbp") != nil)
        #expect(wbp.firstMatch(in: "Wbp\u{301}") == nil && wbp.firstMatch(in: "Wbp’s") == nil && wbp.firstMatch(in: "Wbp’") != nil)
    }
}
