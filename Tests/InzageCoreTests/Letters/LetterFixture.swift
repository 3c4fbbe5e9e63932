import Foundation
import InzageCore
import Testing

/// A small board of its own for the letter tests: a basisschool and a VO school, one product that
/// stays in the EER and one that sends data to the United States. Independent of the demo content.
enum LetterFixture {
    static let today = SchoolDate(year: 2026, month: 9, day: 20)!

    static let organisatie = """
        naam: Stichting Waterland Onderwijs
        bevoegd_gezag: College van Bestuur
        adres: { straat: Dijkweg 4, postcode: 1441 AB, plaats: Purmerend }
        website: https://www.waterlandonderwijs.nl
        contact: { email: info@waterlandonderwijs.nl, telefoon: 0299-123456 }
        fg:
          naam: drs. P. Bakker
          email: fg@waterlandonderwijs.nl
          telefoon: 0299-654321
        scholen:
          - naam: OBS De Zonnewijzer
            brin: 23AB
            soort: po
            adres: { straat: Zonnebloemstraat 8, postcode: 1442 CD, plaats: Purmerend }
            website: https://www.dezonnewijzer.nl
            directeur: K. Yılmaz
          - naam: Waterland Lyceum
            brin: 31CD
            soort: vo
            adres: { straat: Lyceumlaan 1, postcode: 1443 EF, plaats: Purmerend }
            website: https://www.waterlandlyceum.nl
        site:
          url: https://privacy.waterlandonderwijs.nl/
          titel: Privacy bij Waterland Onderwijs
          aanspreekvorm: u
          kleur: "#0b5d3b"

        """

    static let fototoestemming = """
        schooljaar: 2026-2027
        gevraagd_bij: aanmeldformulier
        kanalen:
          - id: website
            naam: De website van de school
            omschrijving: Foto's van activiteiten, zonder namen erbij
          - id: nieuwsbrief
            naam: De nieuwsbrief
            omschrijving: De maandelijkse nieuwsbrief per e-mail.
          - id: sociale-media
            naam: Sociale media
            platforms: [Instagram]
            omschrijving: Het openbare Instagram-account van de school.
          - id: klassenapp
            naam: De klassenapp
            afgeschermd: true
        intrekken:
          hoe: In de ouderapp onder Mijn gegevens, Toestemmingen. Daar kiest u per kanaal ja of nee.
          email: toestemming@waterlandonderwijs.nl
        herinnering:
          datum: 2026-09-15
          afzender: { naam: J. Visser, functie: voorzitter College van Bestuur }

        """

    static let privacyverklaring = """
        ---
        titel: Privacyverklaring
        versie: "1.0"
        ingangsdatum: 2026-08-01
        laatst_gewijzigd: 2026-08-01
        verwerkingen:
          - doel: Onderwijs geven en leerlingen begeleiden
            grondslag: publieke-taak
            betrokkenen: [leerlingen, ouders]
            gegevens: [contactgegevens, studievoortgang]
            bewaartermijn: Tot twee jaar nadat de leerling de school heeft verlaten.
          - doel: Foto's en video's van activiteiten delen
            grondslag: toestemming
            toestemming: fototoestemming
            betrokkenen: [leerlingen]
            gegevens: [beeldmateriaal]
            bewaartermijn: Tot de toestemming wordt ingetrokken.
        ontvangers:
          - { naam: DUO, reden: Wettelijke verplichting. }
        geautomatiseerde_besluitvorming: nee
        verplichte_verstrekking: Voor de inschrijving zijn wij wettelijk verplicht gegevens te vragen.
        wijzigingen:
          - { versie: "1.0", datum: 2026-08-01, samenvatting: Eerste versie. }
        ---
        Stichting Waterland Onderwijs gaat zorgvuldig om met gegevens van leerlingen en ouders.

        """

    static let privacystatement = """
        ---
        titel: Privacy statement voor bezoekers van de website
        versie: "1.0"
        datum: 2026-08-01
        formulieren: []
        statistieken: geen
        cookies: []
        sociale_media: []
        ---
        Onze website gebruikt geen cookies die u volgen.

        """

    /// A new product, used by the basisschool only, everything in the EER.
    static let rekenrijk = """
        ---
        product: Rekenrijk Online
        soort: leermiddel
        verwerker:
          naam: Rekenrijk B.V.
          adres: { straat: Stationsplein 10, postcode: 3511 ED, plaats: Utrecht, land: NL }
          website: https://www.rekenrijk.nl
          contact: { naam: M. de Boer, email: privacy@rekenrijk.nl }
          datalek: { telefoon: 030-1112233, email: security@rekenrijk.nl, termijn: 24 uur }
        omschrijving: Oefenprogramma voor rekenen in groep 3 tot en met 8
        doelgroep: [po]
        gebruikers: [leerlingen, leerkrachten]
        scholen: [23AB]
        verwerkingen:
          - Inloggen met een klascode
          - Opslaan van oefenresultaten
        optionele_verwerkingen: []
        doeleinden: [onderwijs, levering, toegang]
        categorieen:
          contactgegevens: Voornaam en groep van de leerling.
          onderwijsdeelnemernummer: nee
          nationaliteit: nee
          ouders: nee
          medisch: nee
          godsdienst: nee
          studievoortgang: Oefenresultaten per les.
          onderwijsorganisatie: nee
          financien: nee
          beeldmateriaal: nee
          begeleiders: nee
          overige: nee
          bsn: nee
          eck_id: nee
        entree_attributen: []
        bewaartermijn: Tot het einde van het schooljaar, daarna worden de resultaten verwijderd.
        opslag:
          - { plaats: Amsterdam, land: NL }
        subverwerkers: []
        doorgifte: nee
        beveiliging:
          classificatie: { beschikbaarheid: midden, integriteit: hoog, vertrouwelijkheid: hoog }
          normen: [ISO 27001]
          maatregelen: [Versleutelde verbindingen (TLS)]
        verwerkersovereenkomst: { model: "4.0", getekend: 2026-08-15 }
        versie: "1.0"
        datum: 2026-09-01
        wijzigingen:
          - { versie: "1.0", datum: 2026-09-01, samenvatting: Eerste versie. }
        ---

        """

    /// A changed product, used by both schools, with a transfer to the United States.
    static let klasbord = """
        ---
        product: Klasbord Plus
        soort: informatiemiddel
        verwerker:
          naam: Klasbord Plus B.V.
          adres: { straat: Kanaalweg 3, postcode: 2012 AB, plaats: Haarlem, land: NL }
          website: https://www.klasbordplus.nl
          contact: { naam: Privacyteam, email: privacy@klasbordplus.nl }
          datalek: { telefoon: 023-4445566, email: datalek@klasbordplus.nl, termijn: 24 uur }
        omschrijving: App waarmee de school berichten en foto's deelt met ouders van een groep of klas.
        doelgroep: [po, vo]
        gebruikers: [ouders, leerkrachten]
        scholen: alle
        verwerkingen:
          - Berichten van de leerkracht aan ouders
          - Foto's in de afgeschermde groepsomgeving
        optionele_verwerkingen: []
        doeleinden: [organisatie-onderwijs, levering, beveiliging]
        categorieen:
          contactgegevens: Naam, e-mailadres en telefoonnummer van ouders; naam en groep van leerlingen.
          onderwijsdeelnemernummer: nee
          nationaliteit: nee
          ouders: Naam en e-mailadres van ouders en verzorgers.
          medisch: { toelichting: Een allergie of medicijn dat de leerkracht moet weten., optioneel: true }
          godsdienst: nee
          studievoortgang: nee
          onderwijsorganisatie: De groep of klas van de leerling.
          financien: nee
          beeldmateriaal: Foto's van activiteiten, alleen als ouders daarvoor toestemming gaven.
          begeleiders: nee
          overige: nee
          bsn: nee
          eck_id: nee
        entree_attributen: []
        bewaartermijn: Berichten en foto's worden een jaar na het einde van het schooljaar verwijderd.
        opslag:
          - { plaats: Dublin, land: IE }
        subverwerkers:
          - { naam: Amazon Web Services EMEA SARL, plaats: Luxemburg, land: LU, taak: Hosting in Ierland }
          - { naam: "Mailgun Technologies, Inc.", plaats: San Antonio, land: US, taak: Versturen van e-mailmeldingen }
        doorgifte:
          landen: [US]
          waarborg: dpf
          toelichting: Alleen e-mailadressen van ouders gaan naar Mailgun in de Verenigde Staten, om meldingen te versturen.
        beveiliging:
          classificatie: { beschikbaarheid: midden, integriteit: hoog, vertrouwelijkheid: hoog }
          normen: [ISO 27001]
          maatregelen: [Versleutelde opslag]
        verwerkersovereenkomst: { model: "4.0", getekend: 2025-08-01 }
        versie: "2.0"
        datum: 2026-09-10
        wijzigingen:
          - { versie: "2.0", datum: 2026-09-10, samenvatting: Mailgun in de Verenigde Staten verstuurt nu de e-mailmeldingen. }
          - { versie: "1.1", datum: 2026-02-01, samenvatting: De bewaartermijn is korter gemaakt. }
          - { versie: "1.0", datum: 2025-08-01, samenvatting: Eerste versie. }
        ---

        """

    static var files: [String: String] {
        [
            "organisatie.yaml": organisatie,
            "fototoestemming.yaml": fototoestemming,
            "privacyverklaring.md": privacyverklaring,
            "privacystatement.md": privacystatement,
            "bijsluiters/rekenrijk.md": rekenrijk,
            "bijsluiters/klasbord-plus.md": klasbord,
        ]
    }

    /// Writes files into a fresh temporary folder and returns it; `content/` inside it holds the files.
    static func write(_ files: [String: String] = files) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inzage-letters-\(UUID().uuidString)")
        let content = root.appendingPathComponent("content")
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// Loads and checks the fixture (or a variant), as the letters command does.
    static func load(_ files: [String: String] = files) throws -> (Content, [Diagnostic]) {
        let root = try write(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return try CheckPipeline.run(contentRoot: root.appendingPathComponent("content").path, today: today)
    }

    /// Loaded content that must have no errors.
    static func content(_ files: [String: String] = files, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Content {
        let (content, diagnostics) = try load(files)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "fixture has errors: \(errors.map { "\($0.location) \($0.code) \($0.message)" })", sourceLocation: sourceLocation)
        return content
    }

    /// The default templates of the repository.
    static func templates() throws -> TemplateSet { try TemplateSet(override: nil) }

    /// The fixture with `aanspreekvorm: je`.
    static var jeFiles: [String: String] {
        var files = files
        files["organisatie.yaml"] = organisatie.replacingOccurrences(of: "aanspreekvorm: u", with: "aanspreekvorm: je")
        files["fototoestemming.yaml"] = fototoestemming.replacingOccurrences(of: "Daar kiest u per kanaal", with: "Daar kies je per kanaal")
        return files
    }
}

/// Compares text with a golden file in `Tests/InzageCoreTests/Golden/letters/`; with
/// `INZAGE_UPDATE_GOLDEN=1` the golden file is (re)written instead.
func expectGolden(_ text: String, _ name: String, filePath: String = #filePath, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/letters/\(name)")
    if ProcessInfo.processInfo.environment["INZAGE_UPDATE_GOLDEN"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            Issue.record("cannot write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = try? Data(contentsOf: url), let golden = String(data: data, encoding: .utf8) else {
        Issue.record("golden file \(name) is missing; run with INZAGE_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if golden != text {
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = Array(zip(goldenLines, lines)).firstIndex { $0.0 != $0.1 } ?? min(goldenLines.count, lines.count)
        let expected = index < goldenLines.count ? String(goldenLines[index]) : "<end>"
        let actual = index < lines.count ? String(lines[index]) : "<end>"
        Issue.record("\(name) differs from its golden file at line \(index + 1):\n  golden: \(expected)\n  actual: \(actual)\n(INZAGE_UPDATE_GOLDEN=1 rewrites it)", sourceLocation: sourceLocation)
    }
}
