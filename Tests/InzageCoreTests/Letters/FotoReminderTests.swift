import Foundation
@testable import InzageCore
import Testing

@Suite("Letters: the yearly photo-consent reminder")
struct LettersFotoReminderTests {
    static let kanalen = ["website", "nieuwsbrief", "sociale-media", "klassenapp"]

    /// Three pupils of the VO school: 12 years old, 17 years old, and 15 turning 16 in March 2027.
    static let export = """
        leerling;groep;geboortedatum;website;nieuwsbrief;sociale-media;klassenapp
        Zoë Çelik;1A;14-03-2014;ja;nee;nee;ja
        Émilie Dubois-Ñúñez;5V;02-01-2009;ja;ja;nee;nee
        Daan van 't Hof;3H;03-03-2011;nee;nee;nee;ja

        """

    static func pupils(_ content: Content) throws -> LeerlingenLijst {
        let (list, problems) = ExportValidator.load(Data(export.utf8), file: "export.csv", kanalen: kanalen,
                                                    reminderDate: FotoReminderLetters.reminderDate(content))
        #expect(problems.isEmpty)
        return try #require(list)
    }

    @Test func oneReminderPerSchoolWithEveryRequiredElement() throws {
        let content = try LetterFixture.content()
        let letters = try FotoReminderLetters.schoolLetters(content: content, templates: LetterFixture.templates())
        #expect(letters.map(\.path) == ["fototoestemming-2026-2027/23AB.txt", "fototoestemming-2026-2027/31CD.txt"])
        let required = [
            // each channel and what it is for
            "De website van de school", "Foto's van activiteiten, zonder namen erbij.",
            "De nieuwsbrief", "De maandelijkse nieuwsbrief per e-mail.",
            "Sociale media (Instagram)", "Het openbare Instagram-account van de school.",
            "De klassenapp", "afgeschermd",
            // choices on file still apply; silence is no new consent
            "blijven gelden", "Als u niet reageert, geeft u daarmee geen nieuwe toestemming.",
            // change or withdraw at any time, free, same route, no deadline
            "altijd aanpassen of intrekken", "op elk moment", "Het kost niets.", "geen uiterste datum",
            "net zo makkelijk als toestemming geven", "In de ouderapp onder Mijn gegevens, Toestemmingen.",
            "toestemming@waterlandonderwijs.nl",
            // earlier publication stays lawful; what happens after withdrawal
            "mochten wij plaatsen. Dat blijft zo.", "geen nieuwe foto's of video's",
            // 16 and older decide themselves
            "Vanaf 16 jaar beslist een leerling zelf over toestemming.",
            // FG, privacyverklaring, AP
            "drs. P. Bakker", "fg@waterlandonderwijs.nl", "https://privacy.waterlandonderwijs.nl/privacyverklaring/",
            "Autoriteit Persoonsgegevens", "https://autoriteitpersoonsgegevens.nl",
            // schooljaar, date and signature
            "schooljaar 2026-2027", "Purmerend, 15 september 2026", "Met vriendelijke groet,", "J. Visser\nvoorzitter College van Bestuur",
        ]
        for letter in letters {
            let flat = flattened(letter.text)
            for element in required {
                #expect(letter.text.contains(element) || flat.contains(flattened(element)),
                        "\(letter.path) lacks '\(element)'")
            }
            expectPlainLetter(letter)
            expectForm(letter, .u)
        }
        #expect(letters[0].text.hasPrefix("OBS De Zonnewijzer\n"))
        #expect(letters[1].text.hasPrefix("Waterland Lyceum\n"))
        expectGolden(letters[0].text, "fototoestemming-school-u.txt")
    }

    @Test func theReminderNeverTreatsSilenceAsConsent() throws {
        let content = try LetterFixture.content()
        for letter in try FotoReminderLetters.schoolLetters(content: content, templates: LetterFixture.templates()) {
            let lower = letter.text.lowercased().replacingOccurrences(of: "\n", with: " ")
            #expect(!lower.contains("wie zwijgt"))
            #expect(lower.firstMatch(of: /niet reageert[^.]*(gaat u akkoord|geeft u toestemming|stemt u in)/) == nil)
        }
    }

    @Test func theJeFormIsUsedThroughout() throws {
        let content = try LetterFixture.content(LetterFixture.jeFiles)
        let templates = try LetterFixture.templates()
        let letters = try FotoReminderLetters.schoolLetters(content: content, templates: templates)
        for letter in letters {
            expectPlainLetter(letter)
            expectForm(letter, .je)
            #expect(letter.text.contains("Beste ouder(s)/verzorger(s),"))
        }
        expectGolden(letters[0].text, "fototoestemming-school-je.txt")
        let pupilLetters = try FotoReminderLetters.pupilLetters(content: content, brin: "31CD", leerlingen: Self.pupils(content), templates: templates)
        for letter in pupilLetters {
            expectPlainLetter(letter)
            expectForm(letter, .je)
        }
        expectGolden(pupilLetters[1].text, "fototoestemming-leerling-16-plus-je.txt")
    }

    @Test func onePersonalLetterPerPupil() throws {
        let content = try LetterFixture.content()
        let letters = try FotoReminderLetters.pupilLetters(content: content, brin: "31cd", leerlingen: Self.pupils(content),
                                                           templates: LetterFixture.templates())
        #expect(letters.map(\.path) == [
            "fototoestemming-2026-2027/31CD/001-zoe-celik.txt",
            "fototoestemming-2026-2027/31CD/002-emilie-dubois-nunez.txt",
            "fototoestemming-2026-2027/31CD/003-daan-van-t-hof.txt",
        ])
        for letter in letters {
            expectPlainLetter(letter)
            expectForm(letter, .u)
        }

        // Under 16: to the parents, with this pupil's choices.
        let young = letters[0].text
        #expect(young.contains("Geachte ouder(s)/verzorger(s) van Zoë Çelik,"))
        #expect(young.contains("Dit zijn de keuzes voor Zoë Çelik (klas 1A):"))
        #expect(young.contains("- De website van de school: ja, wel toestemming\n- De nieuwsbrief: nee, geen toestemming\n- Sociale media: nee, geen toestemming\n- De klassenapp: ja, wel toestemming\n"))
        expectGolden(young, "fototoestemming-leerling-onder-16.txt")

        // 17: to the pupil, directly.
        let older = letters[1].text
        #expect(older.contains("Beste Émilie Dubois-Ñúñez,"))
        #expect(!older.contains("ouder(s)/verzorger(s)"))
        #expect(older.contains("U bent 16 jaar of ouder. Daarom beslist u zelf"))
        #expect(older.contains("- De website van de school: ja, wel toestemming\n- De nieuwsbrief: ja, wel toestemming\n- Sociale media: nee, geen toestemming\n- De klassenapp: nee, geen toestemming\n"))
        expectGolden(older, "fototoestemming-leerling-16-plus.txt")

        // 15, turning 16 during the schooljaar: to the parents, with the date.
        #expect(letters[2].text.contains("Daan van 't Hof wordt op 3 maart 2027 16 jaar."))
    }

    @Test(arguments: [
        ("2010-09-15", ReminderAudience.leerling),   // 16 on the reminder date itself
        ("2010-09-16", ReminderAudience.ouders),     // 16 one day later
        ("2008-02-29", ReminderAudience.leerling),
        ("2014-01-01", ReminderAudience.ouders),
    ])
    func sixteenIsCountedOnTheReminderDate(_ born: String, _ audience: ReminderAudience) throws {
        let leerling = Leerling(naam: "X", groep: "1", geboortedatum: SchoolDate(parsing: born), keuzes: [:], line: 2)
        #expect(FotoReminderLetters.audience(for: leerling, on: SchoolDate(year: 2026, month: 9, day: 15)!) == audience)
    }

    @Test func withoutBirthDatesEveryLetterGoesToTheParents() throws {
        let content = try LetterFixture.content()
        let leerling = Leerling(naam: "Noor Bakker", groep: "6", geboortedatum: nil, keuzes: ["website": true], line: 2)
        let list = LeerlingenLijst(leerlingen: [leerling], hasBirthDates: false, encoding: .utf8, separator: ";")
        let letters = try FotoReminderLetters.pupilLetters(content: content, brin: "23AB", leerlingen: list, templates: LetterFixture.templates())
        #expect(letters.first?.text.contains("Geachte ouder(s)/verzorger(s) van Noor Bakker,") == true)
        #expect(letters.first?.text.contains("(groep 6)") == true)
    }

    @Test func aNameExportedAsFamilyNameCommaGivenNameReadsNaturally() throws {
        let content = try LetterFixture.content()
        let export = """
            leerling;groep;website;nieuwsbrief;sociale-media;klassenapp
            "Jansen, Sem";6;ja;nee;nee;ja
            " de Vries ,  Lotte ";7;ja;nee;nee;ja
            Noor Bakker;5;ja;nee;nee;ja
            "Sem Jansen, jr.";8;ja;nee;nee;ja

            """
        let (list, problems) = ExportValidator.load(Data(export.utf8), file: "export.csv", kanalen: Self.kanalen,
                                                    reminderDate: FotoReminderLetters.reminderDate(content))
        #expect(problems.isEmpty)
        let letters = try FotoReminderLetters.pupilLetters(content: content, brin: "23AB", leerlingen: #require(list), templates: LetterFixture.templates())
        #expect(letters.map(\.path) == [
            "fototoestemming-2026-2027/23AB/001-sem-jansen.txt",
            "fototoestemming-2026-2027/23AB/002-lotte-de-vries.txt",
            "fototoestemming-2026-2027/23AB/003-noor-bakker.txt",
            "fototoestemming-2026-2027/23AB/004-sem-jansen-jr.txt",
        ])
        #expect(letters[0].text.contains("Geachte ouder(s)/verzorger(s) van Sem Jansen,\n"))
        #expect(letters[0].text.contains("Dit zijn de keuzes voor Sem Jansen (groep 6):\n"))
        #expect(!letters[0].text.contains("Jansen, Sem"))
        #expect(letters[1].text.contains("Geachte ouder(s)/verzorger(s) van Lotte de Vries,\n"))
        #expect(letters[1].text.contains("Dit zijn de keuzes voor Lotte de Vries (groep 7):\n"))
        #expect(letters[2].text.contains("Geachte ouder(s)/verzorger(s) van Noor Bakker,\n"))
        // A suffix after the comma is no first name: the name stays as exported.
        #expect(letters[3].text.contains("Geachte ouder(s)/verzorger(s) van Sem Jansen, jr.,\n"))
    }

    @Test func signatureFallsBackToTheDirecteur() throws {
        var files = LetterFixture.files
        files["fototoestemming.yaml"] = LetterFixture.fototoestemming
            .replacingOccurrences(of: "  afzender: { naam: J. Visser, functie: voorzitter College van Bestuur }\n", with: "")
        let content = try LetterFixture.content(files)
        let letters = try FotoReminderLetters.schoolLetters(content: content, templates: LetterFixture.templates())
        #expect(letters[0].text.hasSuffix("Met vriendelijke groet,\n\nK. Yılmaz\ndirecteur\nOBS De Zonnewijzer\n"))
        // The Lyceum has no directeur in the fixture: the bevoegd gezag signs.
        #expect(letters[1].text.hasSuffix("Met vriendelijke groet,\n\nCollege van Bestuur\nStichting Waterland Onderwijs\n"))
    }

    @Test func aDirecteurAsAfzenderSignsOnlyTheirOwnSchool() throws {
        var files = LetterFixture.files
        files["fototoestemming.yaml"] = LetterFixture.fototoestemming
            .replacingOccurrences(of: "afzender: { naam: J. Visser, functie: voorzitter College van Bestuur }", with: "afzender: { naam: K. Yılmaz, functie: directeur }")
        let content = try LetterFixture.content(files)
        let letters = try FotoReminderLetters.schoolLetters(content: content, templates: LetterFixture.templates())
        #expect(letters[0].text.hasSuffix("K. Yılmaz\ndirecteur\nOBS De Zonnewijzer\n"))
        #expect(!letters[1].text.contains("K. Yılmaz"))
    }

    @Test func aSchoolsTemplateOverrideIsUsedAndStillWrapped() throws {
        let content = try LetterFixture.content()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-tpl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("letters"), withIntermediateDirectories: true)
        let override = "{{% CONTENT_TYPE: TEXT}}\nBeste ouders van {{briefhoofd.school}}, dit is onze eigen tekst over foto's en video's in schooljaar {{schooljaar}}, lang genoeg om af te breken.\n"
        try Data(override.utf8).write(to: folder.appendingPathComponent("letters/fototoestemming-ouders-u.mustache"))
        let letters = try FotoReminderLetters.schoolLetters(content: content, templates: TemplateSet(override: folder.path))
        #expect(letters[0].text == "Beste ouders van OBS De Zonnewijzer, dit is onze eigen tekst over foto's\nen video's in schooljaar 2026-2027, lang genoeg om af te breken.\n")
    }

    @Test func withoutFototoestemmingThereIsAClearError() throws {
        var files = LetterFixture.files
        files["fototoestemming.yaml"] = nil
        files["privacyverklaring.md"] = LetterFixture.privacyverklaring
            .replacingOccurrences(of: "    grondslag: toestemming\n    toestemming: fototoestemming\n", with: "    grondslag: publieke-taak\n")
        let (content, _) = try LetterFixture.load(files)
        #expect(throws: LetterError.self) { try FotoReminderLetters.schoolLetters(content: content, templates: LetterFixture.templates()) }
    }
}
