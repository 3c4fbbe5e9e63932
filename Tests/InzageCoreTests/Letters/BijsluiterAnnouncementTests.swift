import Foundation
@testable import InzageCore
import Testing

@Suite("Letters: announcing a new or changed bijsluiter")
struct LettersBijsluiterAnnouncementTests {
    @Test func aTransferToTheUnitedStatesIsStatedPlainly() throws {
        let content = try LetterFixture.content()
        let letters = try BijsluiterAnnouncements.letters(content: content, selection: .slugs(["klasbord-plus"]), templates: LetterFixture.templates())
        // Used by both schools ("scholen: alle"): one letter each.
        #expect(letters.map(\.path) == ["bijsluiter-klasbord-plus/23AB.txt", "bijsluiter-klasbord-plus/31CD.txt"])
        let text = letters[0].text
        let flat = flattened(text)
        for element in [
            "Onderwerp: Gewijzigd: de privacybijsluiter van Klasbord Plus",
            "Klasbord Plus B.V. levert het.",                                  // product and verwerker
            "App waarmee de school berichten en foto's deelt",                 // what it is for
            "Het onderwijs organiseren",
            "- Contactgegevens: Naam, e-mailadres en telefoonnummer van ouders", // categories
            "- Medische gegevens: Een allergie of medicijn dat de leerkracht moet weten. Alleen als de school dit aanzet.",
            "Let op: alleen als de school dit aanzet, worden er ook bijzondere persoonsgegevens gebruikt: medische gegevens. Daarvoor gelden extra strenge regels.",
            "buiten de Europese Economische Ruimte (EER): Verenigde Staten.",  // transfer
            "het EU-US Data Privacy Framework",
            "Mailgun Technologies, Inc., San Antonio (Verenigde Staten)",
            "Berichten en foto's worden een jaar na het einde van het schooljaar verwijderd.", // retention
            "https://privacy.waterlandonderwijs.nl/bijsluiters/klasbord-plus/",  // bijsluiter page
            "https://privacy.waterlandonderwijs.nl/scholen/23ab/",              // school page
            "U mag de gegevens van uw kind inzien.",                            // rights
            "drs. P. Bakker", "fg@waterlandonderwijs.nl",                       // FG
            "https://autoriteitpersoonsgegevens.nl",
            "- Versie 2.0 van 10 september 2026: Mailgun in de Verenigde Staten verstuurt nu de e-mailmeldingen.", // what changed
            "(versie 2.0 van 10 september 2026)",
            "Purmerend, 20 september 2026",
        ] {
            #expect(text.contains(element) || flat.contains(element), "announcement lacks '\(element)'")
        }
        // Only the newest change: what changed since the previous version.
        #expect(!text.contains("De bewaartermijn is korter gemaakt"))
        for letter in letters {
            expectPlainLetter(letter)
            expectForm(letter, .u)
        }
        #expect(letters[1].text.contains("https://privacy.waterlandonderwijs.nl/scholen/31cd/"))
        expectGolden(text, "bijsluiter-doorgifte-vs.txt")
    }

    @Test func aNewProductInsideTheEEROnlyGoesToItsSchool() throws {
        let content = try LetterFixture.content()
        let letters = try BijsluiterAnnouncements.letters(content: content, selection: .slugs(["rekenrijk"]), templates: LetterFixture.templates())
        #expect(letters.map(\.path) == ["bijsluiter-rekenrijk/23AB.txt"])
        let text = try #require(letters.first).text
        #expect(text.contains("Onderwerp: Nieuw op school: Rekenrijk Online"))
        #expect(text.contains("Onze school gaat Rekenrijk Online gebruiken."))
        #expect(text.contains("De gegevens blijven binnen de Europese Economische Ruimte (EER)."))
        #expect(text.contains("Er worden geen bijzondere persoonsgegevens gebruikt"))
        #expect(!text.contains("Wat is er veranderd?"))
        expectPlainLetter(letters[0])
        expectGolden(text, "bijsluiter-nieuw.txt")
    }

    /// The summary of special categories says which are used always and which only when the school
    /// switches them on (`optioneel: true`), as the category list above it does.
    @Test(arguments: [
        // medisch optional (the fixture), godsdienst not processed: only when switched on.
        ("godsdienst: nee",
         "Let op: alleen als de school dit aanzet, worden er ook bijzondere persoonsgegevens gebruikt: medische gegevens. Daarvoor gelden extra strenge regels."),
        // medisch optional, godsdienst always: both, clearly apart.
        ("godsdienst: Of de leerling meedoet aan godsdienstles.",
         "Let op: er worden ook bijzondere persoonsgegevens gebruikt: godsdienst. Alleen als de school dit aanzet, worden ook deze bijzondere persoonsgegevens gebruikt: medische gegevens. Daarvoor gelden extra strenge regels."),
    ])
    func specialCategoriesSayWhenTheyAreOptional(_ godsdienst: String, _ expected: String) throws {
        var files = LetterFixture.files
        files["bijsluiters/klasbord-plus.md"] = LetterFixture.klasbord.replacingOccurrences(of: "godsdienst: nee", with: godsdienst)
        for form in ["u", "je"] {
            if form == "je" { files["organisatie.yaml"] = LetterFixture.jeFiles["organisatie.yaml"] }
            let content = try LetterFixture.content(files)
            let letters = try BijsluiterAnnouncements.letters(content: content, selection: .slugs(["klasbord-plus"]), templates: LetterFixture.templates())
            let flat = flattened(try #require(letters.first).text)
            #expect(flat.contains(expected), "\(form): \(flat)")
            #expect(!flat.contains("Er worden geen bijzondere persoonsgegevens gebruikt"))
        }
    }

    @Test func specialCategoriesThatAreAlwaysUsedKeepThePlainSentence() throws {
        var files = LetterFixture.files
        files["bijsluiters/klasbord-plus.md"] = LetterFixture.klasbord
            .replacingOccurrences(of: "{ toelichting: Een allergie of medicijn dat de leerkracht moet weten., optioneel: true }",
                                  with: "Een allergie of medicijn dat de leerkracht moet weten.")
        let content = try LetterFixture.content(files)
        let letters = try BijsluiterAnnouncements.letters(content: content, selection: .slugs(["klasbord-plus"]), templates: LetterFixture.templates())
        let flat = flattened(try #require(letters.first).text)
        #expect(flat.contains("Let op: er worden ook bijzondere persoonsgegevens gebruikt: medische gegevens. Daarvoor gelden extra strenge regels."))
        #expect(!flat.contains("Alleen als de school dit aanzet"))
    }

    /// "Dat is …" follows the product sentence directly, in the changed letter as in the new one.
    @Test func theChangedLetterSaysWhatTheProductIsRightAfterNamingIt() throws {
        for files in [LetterFixture.files, LetterFixture.jeFiles] {
            let content = try LetterFixture.content(files)
            let letters = try BijsluiterAnnouncements.letters(content: content, selection: .slugs(["klasbord-plus"]), templates: LetterFixture.templates())
            let flat = flattened(try #require(letters.first).text)
            #expect(flat.contains("Geachte ouder(s)/verzorger(s), Onze school gebruikt Klasbord Plus. Dat is een digitaal systeem voor de administratie van de school. Klasbord Plus B.V. levert het. De privacybijsluiter van Klasbord Plus is veranderd. In deze brief ")
                    || flat.contains("Beste ouder(s)/verzorger(s), Onze school gebruikt Klasbord Plus. Dat is een digitaal systeem voor de administratie van de school. Klasbord Plus B.V. levert het. De privacybijsluiter van Klasbord Plus is veranderd. In deze brief "),
                    "\(flat)")
        }
    }

    /// The FG's title and name stay on one line: "mw." alone at the end of a line reads as a separate person.
    @Test func theFGsTitleAndNameAreNotSplitByWrapping() throws {
        var files = LetterFixture.files
        files["organisatie.yaml"] = LetterFixture.organisatie.replacingOccurrences(of: "naam: drs. P. Bakker", with: "naam: mw. drs. H. Koçak")
        let content = try LetterFixture.content(files)
        let templates = try LetterFixture.templates()
        let announcement = try #require(BijsluiterAnnouncements.letters(content: content, selection: .slugs(["rekenrijk"]), templates: templates).first).text
        let reminder = try #require(FotoReminderLetters.schoolLetters(content: content, templates: templates).first).text
        for text in [announcement, reminder] {
            #expect(text.contains("contact opnemen met onze functionaris voor gegevensbescherming (FG),\nmw. drs. H. Koçak:\nfg@waterlandonderwijs.nl\n"))
            #expect(!text.contains("\u{00A0}"))
        }
    }

    @Test func theJeFormIsUsedThroughout() throws {
        let content = try LetterFixture.content(LetterFixture.jeFiles)
        let letters = try BijsluiterAnnouncements.letters(content: content, selection: .slugs(["klasbord-plus", "rekenrijk"]), templates: LetterFixture.templates())
        #expect(letters.count == 3)
        for letter in letters {
            expectPlainLetter(letter)
            expectForm(letter, .je)
        }
    }

    @Test func changedSinceSelectsVersionsOnOrAfterTheDate() throws {
        let content = try LetterFixture.content()
        let since = try BijsluiterAnnouncements.select(.changedSince(SchoolDate(year: 2026, month: 9, day: 10)!), in: content)
        #expect(since.map { $0.0.slug } == ["klasbord-plus"])
        #expect(since.first?.2 == true)
        #expect(since.first?.1.compactMap { $0.versie?.value } == ["2.0"])

        // Since January: two versions of Klasbord Plus and the new Rekenrijk.
        let year = try BijsluiterAnnouncements.select(.changedSince(SchoolDate(year: 2026, month: 1, day: 1)!), in: content)
        #expect(year.map { $0.0.slug } == ["klasbord-plus", "rekenrijk"])
        #expect(year[0].1.compactMap { $0.versie?.value } == ["2.0", "1.1"])
        #expect(year[1].2 == false, "rekenrijk has no version before the date: it is new")

        let none = try BijsluiterAnnouncements.select(.changedSince(SchoolDate(year: 2026, month: 9, day: 11)!), in: content)
        #expect(none.isEmpty)
    }

    @Test func anUnknownSlugIsNamedWithASuggestion() throws {
        let content = try LetterFixture.content()
        #expect {
            try BijsluiterAnnouncements.select(.slugs(["klasbord"]), in: content)
        } throws: { error in
            "\(error)".contains("er is geen bijsluiter 'klasbord'") && "\(error)".contains("bedoelde u 'klasbord-plus'?")
        }
    }
}
