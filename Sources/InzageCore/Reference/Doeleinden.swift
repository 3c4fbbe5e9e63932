// Reference data: the purposes (doeleinden) of Model Verwerkersovereenkomst 3.0,
// Bijlage 1 (Privacybijsluiter), section C.
//
// Sources (line numbers refer to the files in shared/seeds/):
// - 003 = 003_3cdd00f8aca69960.txt, l.301-348: the full section C with the
//   declaration I/II, list "Ad I." (Leermiddelen en Toetsen, l.308-323) and
//   list "Ad II." (School- en Leerlinginformatiemiddel, l.325-348).
// - 004 = 004_b60d844d8057e2e1.txt, l.250-266: list Ad I a-i only, identical
//   wording to 003.
//
// Texts are verbatim. Sub-items of a list item are put on their own lines
// starting with "- "; the second-level items of Ad II a ("het uitwisselen van
// Persoonsgegevens met Derden, waaronder:") start with "  - " (the extraction
// flattened that nesting, 003 l.336-340). Ad I and Ad II differ in two small
// places, kept as printed: d has an extra comma in Ad II ("Digitale
// Onderwijsmiddel, Verwerkte"), e writes "back-up" in Ad I and "backup" in Ad II.
// The model ends items a-f with ";" or ".", g and h with ".", i with nothing;
// that punctuation is kept.

/// A purpose code for a bijsluiter's section C, mapped to the model's lists Ad I (leermiddel) and Ad II (informatiemiddel).
///
/// Ad I applies to a "Leermiddel en Toets" (content-model `soort: leermiddel`),
/// Ad II to a "School- en Leerlinginformatiemiddel" (`soort: informatiemiddel`);
/// `soort: beide` may use both. Items b-i are the same purposes in both lists;
/// item a differs per list, hence the two codes `onderwijs` (Ad I a) and
/// `organisatie-onderwijs` (Ad II a). Texts: seed 003 l.308-348, seed 004 l.250-266.
public struct DoelInfo: Sendable, Hashable {
    /// The content-model code, e.g. `onderwijs`, `levering`.
    public let code: String
    /// The item letter in the model's lists, "a"..."i".
    public let letter: String
    /// The model's Ad I (Leermiddelen en Toetsen) text; nil for `organisatie-onderwijs`.
    public let leermiddelText: String?
    /// The model's Ad II (School- en Leerlinginformatiemiddel) text; nil for `onderwijs`.
    public let informatiemiddelText: String?
    /// True when the purpose only exists for an informatiemiddel (`organisatie-onderwijs`).
    public let informatiemiddelOnly: Bool
    /// A plain-Dutch (B1) short label for tables.
    public let shortLabel: String

    public init(code: String, letter: String, leermiddelText: String?, informatiemiddelText: String?,
                informatiemiddelOnly: Bool, shortLabel: String) {
        self.code = code
        self.letter = letter
        self.leermiddelText = leermiddelText
        self.informatiemiddelText = informatiemiddelText
        self.informatiemiddelOnly = informatiemiddelOnly
        self.shortLabel = shortLabel
    }

    /// The model text that fits a bijsluiter of the given kind: Ad II for an
    /// informatiemiddel, otherwise Ad I, falling back to whichever text exists.
    public func modelText(informatiemiddel: Bool) -> String {
        if informatiemiddel {
            return informatiemiddelText ?? leermiddelText ?? ""
        }
        return leermiddelText ?? informatiemiddelText ?? ""
    }
}

/// The purpose codes of a bijsluiter's section C, in the order of the model's lists.
public enum Doeleinden {
    /// All ten codes: `onderwijs` (Ad I a), `organisatie-onderwijs` (Ad II a), then b-i.
    public static let all: [DoelInfo] = [
        // Ad I a: 003 l.310-315 = 004 l.252-257 (004 marks the sub-items with "o").
        DoelInfo(
            code: "onderwijs", letter: "a",
            leermiddelText: """
                het met gebruikmaking van het Digitale Onderwijsmiddel geven en volgen van onderwijs en het begeleiden en volgen van Onderwijsdeelnemers, waaronder:
                - de opslag van leer- en toetsresultaten;
                - het terugontvangen door de Onderwijsinstelling van leer- en toetsresultaten;
                - de beoordeling van leer- en toetsresultaten om leerstof en toetsmateriaal te kunnen verkrijgen dat is afgestemd op de specifieke leerbehoefte van een Onderwijsdeelnemer;
                - analyse en interpretatie van leerresultaten;
                - het kunnen uitwisselen van leer- en toetsresultaten tussen Digitale Onderwijsmiddelen.
                """,
            informatiemiddelText: nil,
            informatiemiddelOnly: false,
            shortLabel: "Onderwijs geven"),
        // Ad II a: 003 l.327-340 (not in 004, which has no Ad II list).
        DoelInfo(
            code: "organisatie-onderwijs", letter: "a",
            leermiddelText: nil,
            informatiemiddelText: """
                de organisatie, het geven en volgen van onderwijs, het begeleiden en volgen van Onderwijsdeelnemers of het geven van school- en studieadviezen, waaronder:
                - de indeling en aanpassing van roosters;
                - de analyse en interpretatie van leerresultaten;
                - het bijhouden van persoonlijke (waaronder medische) omstandigheden van een Onderwijsdeelnemer en de gevolgen daarvan voor het volgen van onderwijs;
                - het begeleiden en ondersteunen van leerkrachten en andere medewerkers binnen de Onderwijsinstelling;
                - de communicatie met Onderwijsdeelnemers en ouders en medewerkers van de onderwijsinstelling;
                - financieel beheer;
                - monitoring en verantwoording, ten behoeve van met name: (prestatie)metingen van de Onderwijsinstelling, kwaliteitszorg, tevredenheidsonderzoek, effectiviteitsonderzoek van onderwijs(vorm) of de geboden ondersteuning van Onderwijsdeelnemers bij passend onderwijs;
                - het behandelen van geschillen.
                - het uitwisselen van Persoonsgegevens met Derden, waaronder:
                  - toezichthoudende instanties en zorginstellingen in het kader van de uitvoering van hun (wettelijke) taak;
                  - samenwerkingsverbanden in het kader van passend onderwijs, regionale overstappen;
                  - partijen betrokken bij de invulling van stage of leer-/ werkplekken voor zover noodzakelijk en wettelijk toegestaan;
                  - Onderwijsinstellingen ingeval van overstappen tussen onderwijsinstellingen en bij vervolgonderwijs.
                """,
            informatiemiddelOnly: true,
            shortLabel: "Het onderwijs organiseren"),
        // b: Ad I 003 l.316 = 004 l.258; Ad II 003 l.341 (identical).
        DoelInfo(
            code: "levering", letter: "b",
            leermiddelText: "het geleverd krijgen/in gebruik kunnen nemen van Digitale Onderwijsmiddelen conform de afspraken die zijn gemaakt tussen de Onderwijsinstelling en de Leverancier;",
            informatiemiddelText: "het geleverd krijgen/in gebruik kunnen nemen van Digitale Onderwijsmiddelen conform de afspraken die zijn gemaakt tussen de Onderwijsinstelling en de Leverancier;",
            informatiemiddelOnly: false,
            shortLabel: "Het product leveren"),
        // c: Ad I 003 l.317 = 004 l.259; Ad II 003 l.342 (identical).
        DoelInfo(
            code: "toegang", letter: "c",
            leermiddelText: "het verkrijgen van toegang tot de aangeboden Digitale Onderwijsmiddelen, en externe informatiesystemen, waaronder de identificatie, authenticatie en autorisatie;",
            informatiemiddelText: "het verkrijgen van toegang tot de aangeboden Digitale Onderwijsmiddelen, en externe informatiesystemen, waaronder de identificatie, authenticatie en autorisatie;",
            informatiemiddelOnly: false,
            shortLabel: "Inloggen en toegang geven"),
        // d: Ad I 003 l.318 = 004 l.260; Ad II 003 l.343 (extra comma after "Onderwijsmiddel").
        DoelInfo(
            code: "beveiliging", letter: "d",
            leermiddelText: "de beveiliging, controle en preventie van misbruik en oneigenlijk gebruik en het voorkomen van inconsistentie en onbetrouwbaarheid in de, met behulp van het Digitale Onderwijsmiddel Verwerkte Persoonsgegevens.",
            informatiemiddelText: "de beveiliging, controle en preventie van misbruik en oneigenlijk gebruik en het voorkomen van inconsistentie en onbetrouwbaarheid in de, met behulp van het Digitale Onderwijsmiddel, Verwerkte Persoonsgegevens.",
            informatiemiddelOnly: false,
            shortLabel: "Beveiligen en misbruik voorkomen"),
        // e: Ad I 003 l.319 = 004 l.261 ("back-up"); Ad II 003 l.344 ("backup").
        DoelInfo(
            code: "continuiteit", letter: "e",
            leermiddelText: "de continuïteit en goede werking van het Digitale Onderwijsmiddel conform de afspraken die zijn gemaakt tussen de Onderwijsinstelling en de Leverancier, waaronder het laten uitvoeren van onderhoud, het maken van een back-up, het aanbrengen van verbeteringen na geconstateerde fouten of onjuistheden en het krijgen van ondersteuning;",
            informatiemiddelText: "de continuïteit en goede werking van het Digitale Onderwijsmiddel conform de afspraken die zijn gemaakt tussen de Onderwijsinstelling en de Leverancier, waaronder het laten uitvoeren van onderhoud, het maken van een backup, het aanbrengen van verbeteringen na geconstateerde fouten of onjuistheden en het krijgen van ondersteuning;",
            informatiemiddelOnly: false,
            shortLabel: "Het product goed laten werken"),
        // f: Ad I 003 l.320 = 004 l.262; Ad II 003 l.345 (identical).
        DoelInfo(
            code: "onderzoek", letter: "f",
            leermiddelText: "onderzoek en analyse op basis van strikte voorwaarden, vergelijkbaar met bestaande gedragscodes op het terrein van onderzoek en statistiek, ten behoeve van het (optimaliseren van het) leerproces of het beleid van de Onderwijsinstelling;",
            informatiemiddelText: "onderzoek en analyse op basis van strikte voorwaarden, vergelijkbaar met bestaande gedragscodes op het terrein van onderzoek en statistiek, ten behoeve van het (optimaliseren van het) leerproces of het beleid van de Onderwijsinstelling;",
            informatiemiddelOnly: false,
            shortLabel: "Onderzoek om het onderwijs te verbeteren"),
        // g: Ad I 003 l.321 = 004 l.263; Ad II 003 l.346 (identical).
        DoelInfo(
            code: "geanonimiseerd", letter: "g",
            leermiddelText: "het door de Onderwijsinstelling voor onderzoeks- en analyse doeleinden beschikbaar kunnen stellen van volledig geanonimiseerde Persoonsgegevens om daarmee de kwaliteit van het onderwijs te verbeteren.",
            informatiemiddelText: "het door de Onderwijsinstelling voor onderzoeks- en analyse doeleinden beschikbaar kunnen stellen van volledig geanonimiseerde Persoonsgegevens om daarmee de kwaliteit van het onderwijs te verbeteren.",
            informatiemiddelOnly: false,
            shortLabel: "Onderzoek met anonieme gegevens"),
        // h: Ad I 003 l.322 = 004 l.265; Ad II 003 l.347 (identical).
        DoelInfo(
            code: "wettelijke-eisen", letter: "h",
            leermiddelText: "het beschikbaar stellen van Persoonsgegevens voor zover noodzakelijk om te kunnen voldoen aan de wettelijke eisen die worden gesteld aan Digitale Onderwijsmiddelen.",
            informatiemiddelText: "het beschikbaar stellen van Persoonsgegevens voor zover noodzakelijk om te kunnen voldoen aan de wettelijke eisen die worden gesteld aan Digitale Onderwijsmiddelen.",
            informatiemiddelOnly: false,
            shortLabel: "Voldoen aan de wettelijke eisen"),
        // i: Ad I 003 l.323 = 004 l.266; Ad II 003 l.348 (identical; no end punctuation).
        DoelInfo(
            code: "andere-wet", letter: "i",
            leermiddelText: "De uitvoering of toepassing van een andere wet",
            informatiemiddelText: "De uitvoering of toepassing van een andere wet",
            informatiemiddelOnly: false,
            shortLabel: "Een andere wet uitvoeren"),
    ]

    /// All codes in model order.
    public static let codes: [String] = all.map(\.code)

    private static let byCode: [String: DoelInfo] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The purpose for a content-model code (exact, case-sensitive: codes are part of the format).
    public static func info(for code: String) -> DoelInfo? {
        byCode[code]
    }
}
