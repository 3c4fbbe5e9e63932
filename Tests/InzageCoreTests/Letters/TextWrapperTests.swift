import InzageCore
import Testing

@Suite("Letters: wrapping at 72 columns")
struct LettersTextWrapperTests {
    @Test func aLineOfExactly72ColumnsStaysWhole() {
        let line = String(repeating: "abcdefgh ", count: 7) + "abcdefgh"   // 9 * 7 + 8 = 71
        let exact = line + "x"
        #expect(exact.count == 72)
        #expect(TextWrapper.wrap(exact) == [exact])
    }

    @Test func aLineOf73ColumnsBreaksAtTheLastSpace() {
        let words = String(repeating: "abcdefgh ", count: 8)   // 72 with the trailing space
        let line = words + "z"                                  // 73 without trailing space
        let wrapped = TextWrapper.wrap(line)
        #expect(wrapped == [String(words.dropLast()), "z"])
        #expect(wrapped[0].count == 71)
    }

    @Test func aLongURLStandsAloneAndWhole() {
        let url = "https://privacy.voorbeeldbestuur.nl/bijsluiters/een-heel-lang-product-met-een-lange-naam/"
        #expect(url.count > 72)
        let wrapped = TextWrapper.wrap("De bijsluiter staat op \(url) en is openbaar.")
        #expect(wrapped == ["De bijsluiter staat op", url, "en is openbaar."])
    }

    @Test func aURLThatFitsMovesToTheNextLineWhole() {
        let url = "https://privacy.waterlandonderwijs.nl/privacyverklaring/"
        let wrapped = TextWrapper.wrap("In onze privacyverklaring leest u hoe wij met gegevens omgaan: \(url)")
        #expect(wrapped == ["In onze privacyverklaring leest u hoe wij met gegevens omgaan:", url])
    }

    @Test func anEmailAddressIsNeverBroken() {
        let email = "functionaris.gegevensbescherming@stichting-voor-openbaar-onderwijs-waterland.nl"
        let wrapped = TextWrapper.wrap("Mail de FG: \(email)")
        #expect(wrapped == ["Mail de FG:", email])
    }

    @Test func aLongWordIsNotSplit() {
        let word = String(repeating: "kinderopvangtoeslag", count: 5)
        #expect(word.count > 72)
        let wrapped = TextWrapper.wrap("Een woord als \(word) breken wij niet.")
        #expect(wrapped == ["Een woord als", word, "breken wij niet."])
    }

    @Test func listItemsContinueUnderTheirText() {
        let wrapped = TextWrapper.wrap("- Contactgegevens: naam, e-mailadres en telefoonnummer van ouders; naam en groep van leerlingen.")
        #expect(wrapped == [
            "- Contactgegevens: naam, e-mailadres en telefoonnummer van ouders; naam",
            "  en groep van leerlingen.",
        ])
        let indented = TextWrapper.wrap("  Foto's en korte video's van activiteiten, zoals sportdagen, excursies en vieringen.")
        #expect(indented == ["  Foto's en korte video's van activiteiten, zoals sportdagen, excursies", "  en vieringen."])
    }

    @Test func columnsCountCharactersNotBytes() {
        let line = String(repeating: "é", count: 72)
        #expect(TextWrapper.wrap(line) == [line])
    }

    @Test func formatNormalisesLineEndsSpacesAndBlankLines() {
        let text = "\n\nGeachte ouder,  \r\n\r\n\r\n\tTekst met tab.\rEinde   \n\n\n"
        #expect(TextWrapper.format(text) == "Geachte ouder,\n\n    Tekst met tab.\nEinde\n")
    }

    @Test(arguments: [
        "Ieder schooljaar herinneren wij u aan uw toestemming voor foto's en video's van uw kind. Dit is de herinnering voor schooljaar 2026-2027.",
        "Let op: er gaan ook gegevens naar een land buiten de Europese Economische Ruimte (EER): Verenigde Staten.",
        String(repeating: "woord ", count: 60),
    ])
    func wrappedLinesNeverExceedTheWidthAndKeepEveryWord(_ text: String) {
        let wrapped = TextWrapper.wrap(text)
        for line in wrapped {
            #expect(line.count <= 72)
            #expect(!line.hasSuffix(" "))
        }
        #expect(wrapped.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
    }

    @Test func aShortPhraseKeptTogetherMovesToTheNextLineWhole() {
        let line = "contact opnemen met onze functionaris voor gegevensbescherming (FG), " + TextWrapper.keepingTogether("mw. drs. H. Koçak") + ":"
        #expect(TextWrapper.wrap(line) == [
            "contact opnemen met onze functionaris voor gegevensbescherming (FG),",
            "mw. drs. H. Koçak:",
        ])
        // Without it the title is left behind.
        #expect(TextWrapper.wrap(line.replacingOccurrences(of: "\u{00A0}", with: " ")).first?.hasSuffix(" mw.") == true)
    }

    @Test func noBreakSpacesBecomeNormalSpacesInTheOutput() {
        let kept = TextWrapper.keepingTogether("mw.  drs. H. Koçak")
        #expect(kept == "mw.\u{00A0}drs.\u{00A0}H.\u{00A0}Koçak")
        #expect(TextWrapper.format("FG: \(kept)\n") == "FG: mw. drs. H. Koçak\n")
    }

    @Test func aLongPhraseIsNotKeptTogether() {
        let long = "prof. dr. mr. A.B.C. van den Heuvel-Oosterbroek"
        #expect(long.count > TextWrapper.keepTogetherLimit)
        #expect(TextWrapper.keepingTogether(long) == long)
    }
}
