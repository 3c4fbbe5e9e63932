/// One HTML page before layout: where it goes, its title, and the view its template reads.
struct Page {
    let path: String
    let title: String
    let template: String
    let view: Any
    let description: String
    let lastModified: SchoolDate?
    /// Files whose content this page shows, for dependency tracking.
    let sources: [String]
    /// Set for pages that show one file only (a bijsluiter, an extra page): with the global inputs
    /// unchanged, the same key means the same output.
    var cacheKey: String?

    /// How many rows the long lists of the page's view hold (every product, every change): what
    /// laying the page out mostly costs.
    var listedRows: Int {
        guard let fields = (view as? any MustacheFields)?.mustacheFields else { return 0 }
        return fields.reduce(0) { sum, field in sum + ((field.value as? any FragmentList)?.count ?? 0) }
    }
}

/// Texts that depend on how the site addresses readers.
struct Voice {
    let vorm: Aanspreekvorm

    var u: String { vorm == .u ? "u" : "je" }
    var uw: String { vorm == .u ? "uw" : "je" }
    var U: String { vorm == .u ? "U" : "Je" }
    var Uw: String { vorm == .u ? "Uw" : "Je" }
    /// "U kunt" / "Je kunt".
    var Ukunt: String { vorm == .u ? "U kunt" : "Je kunt" }
    /// After "dan", a comma or a subordinate clause the verb comes first: "kunt u" / "kun je".
    var kuntU: String { vorm == .u ? "kunt u" : "kun je" }
    var Uhebt: String { vorm == .u ? "U hebt" : "Je hebt" }
}

/// The rights of AVG art. 15–22, with the answer deadline of art. 12(3).
struct RightView {
    let naam: String
    let uitleg: String

    static func all(_ voice: Voice) -> [RightView] {
        [
            RightView(naam: "Recht op inzage", uitleg: "\(voice.Ukunt) vragen welke gegevens wij van \(voice.u) of \(voice.uw) kind verwerken en een kopie krijgen."),
            RightView(naam: "Recht op rectificatie", uitleg: "Kloppen de gegevens niet? Dan \(voice.kuntU) vragen ze te verbeteren of aan te vullen."),
            RightView(naam: "Recht op wissing", uitleg: "\(voice.Ukunt) vragen gegevens te verwijderen, als wij ze niet meer nodig hebben of niet (meer) mogen gebruiken."),
            RightView(naam: "Recht op beperking", uitleg: "\(voice.Ukunt) vragen dat wij gegevens tijdelijk niet gebruiken, bijvoorbeeld terwijl wij een klacht onderzoeken."),
            RightView(naam: "Recht op overdraagbaarheid", uitleg: "\(voice.Ukunt) gegevens die \(voice.u) zelf hebt gegeven in een gangbaar bestand krijgen, of laten doorsturen."),
            RightView(naam: "Recht van bezwaar", uitleg: "\(voice.Ukunt) bezwaar maken tegen een verwerking die op algemeen belang of gerechtvaardigd belang rust. Wij stoppen dan, tenzij wij zwaarwegende redenen hebben."),
        ]
    }

    static func deadline(_ voice: Voice) -> String {
        "Wij antwoorden binnen één maand. Is een verzoek ingewikkeld of krijgen wij veel verzoeken, dan kan dat twee maanden langer duren; dat laten wij \(voice.u) dan binnen de eerste maand weten. Een verzoek is gratis."
    }
}

/// The complaint route to the Autoriteit Persoonsgegevens (AVG art. 77).
struct ComplaintView {
    let tekst: String
    let href = "https://autoriteitpersoonsgegevens.nl/"
    let linkText = "Autoriteit Persoonsgegevens"

    init(_ voice: Voice) {
        tekst = "Bent \(voice.u) het niet eens met hoe wij met persoonsgegevens omgaan? Neem dan eerst contact op met onze functionaris gegevensbescherming. Komen wij er samen niet uit, dan \(voice.kuntU) een klacht indienen bij de"
    }
}

// Listed by hand, like the rows: a view read with `Mirror` costs a conformance scan and a
// demangled type per field the first time, which a short build (the demo board) pays for each.
extension ComplaintView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["tekst": tekst, "href": href, "linkText": linkText] }
}

extension RightView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["naam": naam, "uitleg": uitleg] }
}
