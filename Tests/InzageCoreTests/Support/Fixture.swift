import InzageCore

/// A small but complete, valid content folder for a fictional board, written for the tests
/// (independent of the demo in `content/`). Every rule is silent on it; each rule test changes
/// one snippet of one file to show the rule firing.
///
/// The board has two schools, a leermiddel that stays in the EER and an informatiemiddel with a
/// subverwerker in the United States under the Data Privacy Framework, every optional document
/// and one extra page.
enum Fixture {
    /// "Today" for every test run: a date inside schooljaar 2026-2027.
    static let today = SchoolDate(year: 2026, month: 11, day: 23)!

    /// The files by path relative to the content folder.
    static let files: [String: String] = [
        "organisatie.yaml": organisatie,
        "privacyverklaring.md": privacyverklaring,
        "privacystatement.md": privacystatement,
        "reglement.md": reglement,
        "bewaartermijnen.yaml": bewaartermijnen,
        "fototoestemming.yaml": fototoestemming,
        "toegankelijkheid.yaml": toegankelijkheid,
        "bijsluiters/rekentuin.md": rekentuin,
        "bijsluiters/schoolapp.md": schoolapp,
        "paginas/camerabewaking.md": camerabewaking,
        "bestanden/logo.svg": logo,
    ]

    static let organisatie = """
        naam: Stichting Openbaar Onderwijs De Linde
        bevoegd_gezag: College van Bestuur
        adres: { straat: Lindelaan 4, postcode: 3511 AB, plaats: Utrecht }
        kvk: "30123456"
        website: https://www.delinde.nl
        contact:
          email: privacy@delinde.nl
          telefoon: 030-1234567
        fg:
          naam: mr. P. Bakker
          email: fg@delinde.nl
          telefoon: 030-7654321
        scholen:
          - naam: OBS De Regenboog
            brin: 07RB
            soort: po
            adres: { straat: Regenbooglaan 1, postcode: 3512 CD, plaats: Utrecht }
            website: https://www.obsderegenboog.nl
            directeur: K. Visser
          - naam: SBO Het Anker
            brin: 15AK
            soort: sbo
            adres: { straat: Ankerweg 9, postcode: 3513 EF, plaats: Utrecht }
            website: https://www.sbohetanker.nl
        site:
          url: https://privacy.delinde.nl/
          titel: Privacy bij De Linde
          aanspreekvorm: u
          kleur: "#1d4f91"
          logo: bestanden/logo.svg
          logo_alt: Logo van Stichting De Linde

        """

    static let privacyverklaring = """
        ---
        titel: Privacyverklaring
        versie: "2.0"
        ingangsdatum: 2026-08-01
        laatst_gewijzigd: 2026-09-15
        verwerkingen:
          - doel: Onderwijs geven en leerlingen begeleiden
            grondslag: publieke-taak
            betrokkenen: [leerlingen, ouders]
            gegevens: [contactgegevens, studievoortgang, ouders]
            bewaartermijn: leerlingdossier
          - doel: Leerlingen inschrijven en gegevens doorgeven aan DUO
            grondslag: wettelijke-verplichting
            betrokkenen: [leerlingen, ouders]
            gegevens: [contactgegevens, bsn, ouders]
            bewaartermijn: leerlingadministratie
          - doel: Foto's en video's van activiteiten delen
            grondslag: toestemming
            toestemming: fototoestemming
            betrokkenen: [leerlingen]
            gegevens: [beeldmateriaal]
            bewaartermijn: beeldmateriaal
          - doel: Camerabewaking van het schoolplein
            grondslag: gerechtvaardigd-belang
            gerechtvaardigd_belang: De veiligheid van leerlingen en medewerkers en het voorkomen van vandalisme.
            betrokkenen: [leerlingen, medewerkers, bezoekers]
            gegevens: [camerabeelden]
            bewaartermijn: 4 weken
        ontvangers:
          - naam: DUO (Dienst Uitvoering Onderwijs)
            reden: Wettelijke verplichting. Wij geven inschrijving en uitschrijving door.
          - naam: Inspectie van het Onderwijs
            reden: Wettelijke taak. De inspectie houdt toezicht op de kwaliteit van het onderwijs.
        geautomatiseerde_besluitvorming: nee
        verplichte_verstrekking: Voor de inschrijving zijn wij wettelijk verplicht gegevens te vragen. Zonder deze gegevens kunnen wij uw kind niet inschrijven.
        wijzigingen:
          - { versie: "2.0", datum: 2026-09-15, samenvatting: Camerabewaking toegevoegd. }
          - { versie: "1.0", datum: 2025-08-01, samenvatting: Eerste versie. }
        ---
        Stichting De Linde is het schoolbestuur van twee scholen in Utrecht. In deze
        privacyverklaring leest u welke gegevens wij gebruiken en waarvoor.

        ## Digitale leermiddelen

        Per product staat in een privacybijsluiter welke gegevens de leverancier krijgt
        en waar die worden opgeslagen. Sommige leveranciers gebruiken diensten in de
        Verenigde Staten; de bijsluiter noemt dan de waarborg die daarvoor geldt.

        """

    static let privacystatement = """
        ---
        titel: Privacystatement voor bezoekers van de website
        versie: "1.1"
        datum: 2026-08-01
        formulieren:
          - naam: Contactformulier
            gegevens: [naam, e-mailadres, bericht]
            bewaartermijn: Tot uw vraag is afgehandeld.
        statistieken:
          dienst: Matomo
          plaats: { land: NL }
          ip_anoniem: true
          gegevens_delen: false
          verwerkersovereenkomst: true
          privacybeleid: https://matomo.org/privacy-policy/
        cookies:
          - naam: _pk_id
            partij: eigen website
            soort: analytisch
            doel: Bezoekersstatistieken
            bewaartermijn: 13 maanden
            toestemming: false
          - naam: YSC
            partij: YouTube
            soort: sociale-media
            doel: Ingesloten video's afspelen
            bewaartermijn: tot u de browser sluit
            toestemming: true
        sociale_media:
          - { netwerk: Instagram, privacybeleid: "https://privacycenter.instagram.com/policy" }
        ---
        Op deze website gebruiken wij zo min mogelijk gegevens van bezoekers.

        """

    static let reglement = """
        ---
        titel: Privacyreglement
        versie: "1.0"
        vastgesteld: 2026-06-01
        instemming: { orgaan: GMR, datum: 2026-05-20 }
        ingangsdatum: 2026-08-01
        evaluatie: 2028-08-01
        ---
        ## Artikel 1 Begripsbepalingen

        1.1. Betrokkene: degene op wie een persoonsgegeven betrekking heeft.
        1.2. Verwerker: degene die persoonsgegevens verwerkt in opdracht van de stichting.

        ## Artikel 2 Reikwijdte

        ### 2.1 Toepassing
        2.1.1. Dit reglement geldt voor alle verwerkingen binnen de scholen van de stichting.
        2.1.2. Het geldt ook voor verwerkers, zoals bedoeld in artikel 1.2.

        ### 2.2 Doel
        Het reglement beschermt de persoonlijke levenssfeer van leerlingen, ouders en medewerkers.

        ## Artikel 3 Rechten van betrokkenen

        3.1. Een betrokkene heeft recht op inzage in de eigen gegevens.
        3.2. Een verzoek wordt binnen een maand beantwoord, zoals artikel 12 AVG voorschrijft.

        """

    static let bewaartermijnen = """
        - id: leerlingadministratie
          gegevens: Gegevens over in- en uitschrijving
          betrokkenen: leerlingen
          termijn: 5 jaar
          soort: minimaal
          ingang: na uitschrijving
          wettelijk: true
          bron: art. 6 Bekostigingsbesluit WPO
        - id: leerlingdossier
          gegevens: Het leerlingdossier met verslagen en toetsresultaten
          betrokkenen: leerlingen
          termijn: 2 jaar
          soort: maximaal
          ingang: na uitschrijving
          wettelijk: false
          bron: Privacyreglement, Bijlage I-B
        - id: beeldmateriaal
          gegevens: Foto's en video's
          betrokkenen: leerlingen
          termijn: Zolang de toestemming geldt
          soort: maximaal
          wettelijk: false

        """

    static let fototoestemming = """
        schooljaar: 2026-2027
        gevraagd_bij: aanmeldformulier
        kanalen:
          - { id: website, naam: De website van de school, omschrijving: Foto's van activiteiten. }
          - { id: nieuwsbrief, naam: De nieuwsbrief, omschrijving: De maandelijkse nieuwsbrief per e-mail. }
          - { id: sociale-media, naam: Sociale media, platforms: [Instagram], omschrijving: Het Instagram-account van de school. }
        intrekken:
          hoe: In de schoolapp onder Instellingen, Privacyvoorkeuren. U kunt ook een e-mail sturen aan de administratie.
          email: administratie@obsderegenboog.nl
        herinnering:
          datum: 2026-09-15
          afzender: { naam: K. Visser, functie: directeur }

        """

    static let toegankelijkheid = """
        status: C
        onderzoek_gepland: 2027-03-01
        laatste_controle: 2026-10-01
        methode: Geautomatiseerde controle met axe-core bij elke publicatie.
        beperkingen:
          - { criterium: "1.2.2", omschrijving: Oudere video's hebben nog geen ondertiteling., oplossing_voor: 2027-03-01 }
        contact: { email: privacy@delinde.nl }
        goedgekeurd_door: { naam: J. Smit, functie: voorzitter College van Bestuur, datum: 2026-10-05 }

        """

    static let rekentuin = """
        ---
        product: Rekentuin
        soort: leermiddel
        verwerker:
          naam: Oefenweb B.V.
          adres: { straat: Nieuwe Achtergracht 100, postcode: 1018 WT, plaats: Amsterdam, land: NL }
          website: https://www.oefenweb.nl
          contact: { naam: S. de Wit, email: privacy@oefenweb.nl }
          datalek: { telefoon: 020 123 4567, email: datalek@oefenweb.nl, termijn: 24 uur }
        omschrijving: Adaptieve oefenomgeving voor rekenen in het primair onderwijs.
        doelgroep: [po, sbo]
        gebruikers: [leerlingen, leerkrachten]
        scholen: alle
        verwerkingen:
          - Opslaan van gebruikersnaam en wachtwoord
          - Opslaan van oefenresultaten
        optionele_verwerkingen: []
        doeleinden: [onderwijs, levering, toegang]
        categorieen:
          contactgegevens: Gebruikersnaam van de leerling; naam en e-mailadres van de leerkracht.
          onderwijsdeelnemernummer: nee
          nationaliteit: nee
          ouders: nee
          medisch: nee
          godsdienst: nee
          studievoortgang: Groep, niveau en oefenresultaten.
          onderwijsorganisatie: Naam en BRIN-code van de school.
          financien: nee
          beeldmateriaal: nee
          begeleiders: nee
          overige: IP-adres en type browser, voor de beveiliging.
          bsn: nee
          eck_id: nee
        entree_attributen: [uid, nlEduPersonHomeOrganizationId]
        bewaartermijn: Tot het account wordt opgeheven, uiterlijk één jaar na de laatste activiteit.
        opslag:
          - { plaats: Amsterdam, land: NL }
        subverwerkers:
          - { naam: True B.V., plaats: Amsterdam, land: NL, taak: Hosting }
        doorgifte: nee
        beveiliging:
          classificatie: { beschikbaarheid: midden, integriteit: hoog, vertrouwelijkheid: hoog }
          normen: [ISO 27001]
          maatregelen: [Versleutelde verbindingen (TLS), Wachtwoorden versleuteld opgeslagen]
        verwerkersovereenkomst: { model: "4.0", getekend: 2026-07-01 }
        versie: "2.1"
        datum: 2026-09-01
        wijzigingen:
          - { versie: "2.1", datum: 2026-09-01, samenvatting: Bijgewerkt voor het nieuwe schooljaar. }
          - { versie: "2.0", datum: 2025-08-15, samenvatting: Nieuwe verwerkersovereenkomst volgens model 4.0. }
        ---
        Leerlingen oefenen rekenen op hun eigen niveau. De leerkracht ziet de resultaten
        van de groep.

        """

    static let schoolapp = """
        ---
        product: Schoolapp Ouderportaal
        soort: informatiemiddel
        verwerker:
          naam: Schoolapp Nederland B.V.
          adres: { straat: Stationsplein 8, postcode: 3511 ED, plaats: Utrecht, land: NL }
          website: https://www.schoolapp.nl
          contact: { naam: R. Peters, email: privacy@schoolapp.nl, telefoon: 030 765 4321 }
          datalek: { email: security@schoolapp.nl, termijn: 48 uur }
        omschrijving: App waarmee de school berichten, de agenda en foto's met ouders deelt.
        doelgroep: [po]
        gebruikers: [ouders, leerkrachten]
        scholen: [07RB]
        verwerkingen:
          - Versturen van berichten van de school aan ouders
          - Bijhouden van de agenda en de gespreksplanning
        optionele_verwerkingen:
          - Delen van foto's van activiteiten, alleen met toestemming
        doeleinden: [organisatie-onderwijs, levering, beveiliging, { eigen: Ouders informeren over activiteiten van de groep. }]
        categorieen:
          contactgegevens: Naam, e-mailadres en telefoonnummer van ouders; naam en groep van de leerling.
          onderwijsdeelnemernummer: nee
          nationaliteit: nee
          ouders: Namen en contactgegevens van ouders en verzorgers.
          medisch: nee
          godsdienst: nee
          studievoortgang: nee
          onderwijsorganisatie: Groep en leerkracht.
          financien: nee
          beeldmateriaal: { toelichting: Foto's van activiteiten in de groep., optioneel: true }
          begeleiders: Naam en e-mailadres van de leerkracht.
          overige: nee
          bsn: nee
          eck_id: nee
        entree_attributen: []
        bewaartermijn: Berichten en foto's worden gewist aan het einde van het schooljaar na uitschrijving; het account uiterlijk drie maanden daarna.
        opslag:
          - { plaats: Dublin, land: IE }
        subverwerkers:
          - { naam: Microsoft Ireland Operations Ltd., plaats: Dublin, land: IE, taak: Hosting van de app }
          - { naam: Twilio Inc., plaats: San Francisco, land: US, taak: Versturen van sms-berichten met inlogcodes }
        doorgifte:
          landen: [US]
          waarborg: dpf
          toelichting: Twilio is gecertificeerd onder het EU-US Data Privacy Framework.
        beveiliging:
          classificatie: { beschikbaarheid: midden, integriteit: hoog, vertrouwelijkheid: hoog }
          normen: [ISO 27001, NEN 7510]
          maatregelen: [Versleutelde verbindingen (TLS), Inloggen met een tweede factor]
        verwerkersovereenkomst: { model: "4.0", getekend: 2025-06-01 }
        versie: "1.0"
        datum: 2025-06-01
        wijzigingen:
          - { versie: "1.0", datum: 2025-06-01, samenvatting: Eerste versie. }
        ---
        Via de schoolapp krijgt u berichten van de leerkracht en ziet u de agenda van de groep.

        """

    static let camerabewaking = """
        ---
        titel: Camerabewaking
        volgorde: 2
        ---
        Op het schoolplein van OBS De Regenboog hangen twee camera's. De beelden worden
        na 4 weken automatisch verwijderd, tenzij de politie ze nodig heeft.

        Hebt u een vraag? [Mail de school](mailto:administratie@obsderegenboog.nl) of lees
        de [privacyverklaring](/privacyverklaring/).

        """

    static let logo = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1d4f91"/></svg>

        """
}
