/// Decodes `bewaartermijnen.yaml`.
enum BewaartermijnenDecoder {
    static let keys = ["id", "gegevens", "betrokkenen", "termijn", "soort", "ingang", "wettelijk", "bron"]

    static func decode(_ root: YNode, file: String, sink: DiagnosticSink) -> Bewaartermijnen? {
        guard case .sequence(let items, _) = root else {
            sink.error("YAML-TYPE", at: root.location, "bewaartermijnen.yaml moet een lijst zijn, maar is \(root.shapeName)",
                       hint: "begin elke bewaartermijn met '- id: ...'")
            return nil
        }
        let termijnen = items.compactMap { MapReader($0, allowed: keys, context: "bewaartermijn", sink: sink) }.map { t in
            Bewaartermijn(id: t.text("id"), gegevens: t.text("gegevens"), betrokkenen: t.text("betrokkenen"),
                          termijn: t.text("termijn"), soort: t.choice("soort", TermijnSoort.self), ingang: t.text("ingang"),
                          wettelijk: t.bool("wettelijk"), bron: t.text("bron"), location: t.location, endLocation: t.endLocation)
        }
        return Bewaartermijnen(file: file, termijnen: termijnen)
    }
}

/// Decodes `fototoestemming.yaml`.
enum FototoestemmingDecoder {
    static let keys = ["schooljaar", "gevraagd_bij", "kanalen", "intrekken", "herinnering"]

    static func decode(_ root: YNode, file: String, sink: DiagnosticSink) -> Fototoestemming? {
        guard let map = MapReader(root, allowed: keys, context: "", sink: sink) else { return nil }
        let kanalen = (map.mapList("kanalen", allowed: ["id", "naam", "omschrijving", "platforms", "afgeschermd"]) ?? []).map {
            FotoKanaal(id: $0.text("id"), naam: $0.text("naam"), omschrijving: $0.text("omschrijving"),
                       platforms: $0.textList("platforms") ?? [], afgeschermd: $0.bool("afgeschermd"),
                       location: $0.location, endLocation: $0.endLocation)
        }
        let intrekken = map.map("intrekken", allowed: ["hoe", "email"])
        let herinnering = map.map("herinnering", allowed: ["datum", "afzender"])
        return Fototoestemming(
            file: file, schooljaar: map.text("schooljaar"), gevraagdBij: map.text("gevraagd_bij"), kanalen: kanalen,
            kanalenKey: map.keyLocation("kanalen"), intrekkenHoe: intrekken?.text("hoe"), intrekkenEmail: intrekken?.text("email"),
            intrekkenKey: map.keyLocation("intrekken"), herinneringDatum: herinnering?.date("datum"),
            afzender: CommonDecoders.contactpersoon(herinnering?.map("afzender", allowed: ["naam", "functie"])),
            location: map.location, endLocation: map.endLocation)
    }
}

/// Decodes `toegankelijkheid.yaml`.
enum ToegankelijkheidDecoder {
    static let keys = ["status", "onderzoek_gepland", "laatste_controle", "methode", "rapport", "beperkingen", "contact", "goedgekeurd_door"]

    static func decode(_ root: YNode, file: String, sink: DiagnosticSink) -> Toegankelijkheid? {
        guard let map = MapReader(root, allowed: keys, context: "", sink: sink) else { return nil }
        let beperkingen = (map.mapList("beperkingen", allowed: ["criterium", "omschrijving", "oplossing_voor"]) ?? []).map {
            Beperking(criterium: $0.text("criterium"), omschrijving: $0.text("omschrijving"), oplossingVoor: $0.date("oplossing_voor"),
                      location: $0.location, endLocation: $0.endLocation)
        }
        let goedgekeurd = map.map("goedgekeurd_door", allowed: ["naam", "functie", "datum"])
        return Toegankelijkheid(
            file: file, status: map.choice("status", ToegankelijkheidStatus.self), onderzoekGepland: map.date("onderzoek_gepland"),
            laatsteControle: map.date("laatste_controle"), methode: map.text("methode"), rapport: map.text("rapport"),
            beperkingen: beperkingen, contactEmail: map.map("contact", allowed: ["email", "telefoon"])?.text("email"),
            goedgekeurdDoor: CommonDecoders.contactpersoon(goedgekeurd), goedgekeurdDatum: goedgekeurd?.date("datum"),
            location: map.location, endLocation: map.endLocation)
    }
}

/// Decodes `paginas/<slug>.md` front matter.
enum PaginaDecoder {
    /// Like `BijsluiterDecoder.decode`: front matter only, the loader adds the body.
    static func decode(_ root: YNode, slug: String, file: String, bodyFirstLine: Int, sink: DiagnosticSink) -> Pagina? {
        guard let map = MapReader(root, allowed: ["titel", "volgorde"], context: "", sink: sink) else { return nil }
        var volgorde: Located<Int>?
        if let text = map.text("volgorde"), !text.isBlank {
            if let number = Int(text.value) {
                volgorde = text.map { _ in number }
            } else {
                sink.error("VALUE", at: text.location, "'volgorde' moet een geheel getal zijn, niet '\(text.value)'",
                           hint: "schrijf bijvoorbeeld 'volgorde: 2'")
            }
        }
        return Pagina(slug: slug, file: file, titel: map.text("titel"), volgorde: volgorde,
                      body: MarkdownBody(text: "", firstLine: bodyFirstLine, file: file), location: map.location)
    }
}
