// Reference data: the 14 standard categories of personal data of the
// Model Verwerkersovereenkomst 3.0, Bijlage 1 (Privacybijsluiter), section D.1.
//
// Sources (line numbers refer to the files in shared/seeds/):
// - 004 = 004_b60d844d8057e2e1.txt, l.272-288: the table with the model's
//   explanation kept for rows 1-12 (row 13 broken, row 14 missing).
// - 000 = 000_a29e0a997f7fb20f.txt, l.208-330: the same table with the model's
//   explanation for rows 2, 4-9 and 14 (and the full sub-list of row 7).
// - 003 = 003_3cdd00f8aca69960.txt, l.354-369: labels of all 14 rows, model
//   explanation only for row 14.
//
// Repairs applied to the PDF extractions: joined line breaks, undid the narrow-
// column hyphenation of the labels ("Onderwijs-deelnemer-nummer",
// "zorg-coördinator" become the spelling content-model.md uses), dropped the
// trailing list separator ";" of each cell, dropped the "…" placeholder of
// label 12 and the stray "O." of "13. BSN/PGNO." (004 l.288). Everything else is
// the model wording as printed, including its lower-case "hiermee" in row 14.

/// One of the 14 standard categories of personal data of Model VWO 3.0 Bijlage 1, section D.1.
///
/// `explanation` is the model's standard explanation for the category (the
/// "Toelichting" column as the model prints it), from seeds 000 and 004; the
/// doc comment of each entry in ``Categories/all`` cites the seed lines. For
/// categories 3 (Nationaliteit en geboorteplaats) and 13 (BSN/PGN) no seed
/// carries a model explanation (000 l.221-225 and l.320, 004 l.275 and l.286-288
/// leave the cell empty; 003 l.357 and l.368 say "N.V.T."), so `explanation` is
/// the empty string there and ``hasModelExplanation`` is false.
///
/// Category 7 has a list inside its explanation: the items follow the lead
/// text, each on its own line starting with "- " (see ``explanationItems``).
public struct CategoryInfo: Sendable, Hashable {
    /// The content-model key, e.g. `contactgegevens`.
    public let key: String
    /// The model's row number, 1...14.
    public let number: Int
    /// The model's label, e.g. "Contactgegevens", "Keten-ID (ECK-ID)".
    public let label: String
    /// The model's standard explanation text (repaired extraction); empty when the model has none.
    public let explanation: String
    /// Bijzondere persoonsgegevens in the sense of AVG art. 9 (medisch, godsdienst).
    public let isSpecial: Bool

    public init(key: String, number: Int, label: String, explanation: String, isSpecial: Bool) {
        self.key = key
        self.number = number
        self.label = label
        self.explanation = explanation
        self.isSpecial = isSpecial
    }

    /// True when the model prints an explanation for this category (false for 3 and 13).
    public var hasModelExplanation: Bool { !explanation.isEmpty }

    /// The explanation without its item list (equal to `explanation` when there is no list).
    public var explanationLead: String {
        guard let range = explanation.range(of: "\n- ") else { return explanation }
        return String(explanation[..<range.lowerBound])
    }

    /// The items of the list inside the explanation (only category 7 has one), without the "- ".
    public var explanationItems: [String] {
        explanation.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { $0.hasPrefix("- ") }
            .map { String($0.dropFirst(2)) }
    }
}

/// The 14 standard categories of Model VWO 3.0 Bijlage 1 D.1, in model order.
public enum Categories {
    /// All 14 categories in model order 1...14.
    public static let all: [CategoryInfo] = [
        // 1 — label: 000 l.210, 003 l.355, 004 l.273; explanation: 004 l.273 (the
        // supplier's addition "Alleen van de onderwijsinstellingen, niet van
        // leerlingen;" is not model text and is left out; 000 l.210-212 replaced the
        // model text by its own).
        CategoryInfo(
            key: "contactgegevens", number: 1, label: "Contactgegevens",
            explanation: "naam, voornamen, voorletters, adres, postcode, woonplaats, telefoonnummer en soortgelijke voor communicatie benodigde gegevens",
            isSpecial: false),
        // 2 — label: 003 l.356, 004 l.274 ("Onderwijs-deelnemer-nummer", de-hyphenated);
        // explanation: 004 l.274 = 000 l.218-219.
        CategoryInfo(
            key: "onderwijsdeelnemernummer", number: 2, label: "Onderwijsdeelnemernummer",
            explanation: "een administratienummer dat onderwijsdeelnemers identificeert",
            isSpecial: false),
        // 3 — label: 003 l.357, 004 l.275, 000 l.221-223. No model explanation in any seed.
        CategoryInfo(
            key: "nationaliteit", number: 3, label: "Nationaliteit en geboorteplaats",
            explanation: "",
            isSpecial: false),
        // 4 — label and explanation: 004 l.276 = 000 l.227-229.
        CategoryInfo(
            key: "ouders", number: 4, label: "Ouders, voogd",
            explanation: "gegevens als bedoeld onder 1, van de ouders/verzorgers van onderwijsdeelnemers",
            isSpecial: false),
        // 5 — label and explanation: 004 l.277 = 000 l.231-236. Gezondheid: AVG art. 9.
        CategoryInfo(
            key: "medisch", number: 5, label: "Medische gegevens",
            explanation: "gegevens die noodzakelijk zijn met het oog op de gezondheid of het welzijn van de betrokkene of op eigen verzoek, een en ander voor zover noodzakelijk voor het onderwijs",
            isSpecial: true),
        // 6 — label and explanation: 004 l.278 = 000 l.238-244. Godsdienst of
        // levensovertuiging: AVG art. 9.
        CategoryInfo(
            key: "godsdienst", number: 6, label: "Godsdienst",
            explanation: "gegevens betreffende de godsdienst of levensovertuiging van de betrokkene, voor zover die noodzakelijk zijn voor het onderwijs, of op eigen verzoek, een en ander voor zover noodzakelijk voor het onderwijs",
            isSpecial: true),
        // 7 — label: 000 l.250, 003 l.362, 004 l.279; lead text: 004 l.279 = 000
        // l.250-258; the items: 000 l.260-274 (the full model list; 004 l.279 keeps
        // only the first and third, inside raw HTML). "/ILT code" and
        // "-Aanwezigheidsregistratie" got their missing spaces back.
        CategoryInfo(
            key: "studievoortgang", number: 7, label: "Studievoortgang",
            explanation: """
                gegevens betreffende de aard en het verloop van het onderwijs, alsmede de behaalde studieresultaten; te weten:
                - Klas / leerjaar / ILT code
                - Examinering
                - Studievoortgang en/of Studietraject
                - Begeleiding onderwijsdeelnemers, inclusief handelingsplan
                - Aanwezigheidsregistratie
                """,
            isSpecial: false),
        // 8 — label and explanation: 004 l.280 = 000 l.276-280.
        CategoryInfo(
            key: "onderwijsorganisatie", number: 8, label: "Onderwijsorganisatie",
            explanation: "gegevens met het oog op de organisatie van het onderwijs en het verstrekken of ter beschikking stellen van leermiddelen",
            isSpecial: false),
        // 9 — label: 000 l.282, 003 l.364, 004 l.281; explanation: 000 l.282-288
        // (004 l.281 shortened it to "bijdragen voor leermiddelen ;").
        // "school- en lesgelden" is a real elision hyphen, not a line break.
        CategoryInfo(
            key: "financien", number: 9, label: "Financiën",
            explanation: "gegevens met het oog op het berekenen, vastleggen en innen van inschrijvingsgelden, school- en lesgelden en bijdragen of vergoedingen voor leermiddelen, alsmede bankrekeningnummer van betrokkene.",
            isSpecial: false),
        // 10 — label: 000 l.292, 003 l.365, 004 l.282; explanation: 004 l.282 (000 and
        // 003 replaced it by their own text).
        CategoryInfo(
            key: "beeldmateriaal", number: 10, label: "Beeldmateriaal",
            explanation: "foto's en videobeelden (beeldmateriaal) met of zonder geluid van activiteiten van de instelling of het instituut",
            isSpecial: false),
        // 11 — label: 004 l.283, 003 l.366, 000 l.301-304 ("zorg-coördinator",
        // de-hyphenated); explanation: 004 l.283.
        CategoryInfo(
            key: "begeleiders", number: 11, label: "Docent, zorgcoördinator, intern begeleider, decaan, mentor",
            explanation: "gegevens van docenten en begeleiders, voor zover deze gegevens van belang zijn voor de organisatie van het instituut of de instelling en het geven van onderwijs, opleidingen en trainingen",
            isSpecial: false),
        // 12 — label: 003 l.367 ("Overige gegevens, te weten"; 000 l.310-311 and
        // 004 l.284 add the placeholder "…"/"...", left out here because the school's
        // toelichting completes the label); explanation: 004 l.284.
        CategoryInfo(
            key: "overige", number: 12, label: "Overige gegevens, te weten",
            explanation: "andere dan de onder 1 tot en met 11 bedoelde gegevens waarvan de verwerking wordt vereist ingevolge of noodzakelijk is met het oog op de toepassing van een andere wet. Wel moet worden vermeld om welke gegevens het gaat.",
            isSpecial: false),
        // 13 — label: 000 l.320, 003 l.368 (004 l.288 garbles it as "BSN/PGNO.").
        // No model explanation in any seed. Not an AVG art. 9 category, but a
        // statutory identification number (AVG art. 87, UAVG art. 46).
        CategoryInfo(
            key: "bsn", number: 13, label: "BSN/PGN",
            explanation: "",
            isSpecial: false),
        // 14 — label: 000 l.322, 003 l.369 (row missing in 004); explanation: 000
        // l.322-330 (003 l.369 writes "unieke iD").
        CategoryInfo(
            key: "eck_id", number: 14, label: "Keten-ID (ECK-ID)",
            explanation: "unieke ID voor de 'educatieve contentketen'. hiermee kunnen onderwijsinstellingen gegevens delen, zonder dat ze direct herleidbaar zijn naar onderwijsdeelnemers of docenten.",
            isSpecial: false),
    ]

    /// The 14 content-model keys in model order.
    public static let keys: [String] = all.map(\.key)

    private static let byKey: [String: CategoryInfo] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

    /// The category for a content-model key (exact, case-sensitive: keys are part of the format).
    public static func info(for key: String) -> CategoryInfo? {
        byKey[key]
    }
}
