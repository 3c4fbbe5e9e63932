/// Decodes `privacyverklaring.md` front matter.
enum PrivacyverklaringDecoder {
    static let keys = ["titel", "versie", "ingangsdatum", "laatst_gewijzigd", "verwerkingen", "ontvangers",
                       "geautomatiseerde_besluitvorming", "verplichte_verstrekking", "wijzigingen"]
    static let verwerkingKeys = ["doel", "grondslag", "betrokkenen", "gegevens", "bewaartermijn", "toestemming",
                                 "gerechtvaardigd_belang"]

    static func decode(_ root: YNode, file: String, body: MarkdownBody, sink: DiagnosticSink) -> Privacyverklaring? {
        guard let map = MapReader(root, allowed: keys, context: "", sink: sink) else { return nil }
        let verwerkingen = (map.mapList("verwerkingen", allowed: verwerkingKeys) ?? []).map { v in
            Verwerking(doel: v.text("doel"), grondslag: v.choice("grondslag", Grondslag.self),
                       betrokkenen: v.textList("betrokkenen") ?? [], gegevens: v.textList("gegevens") ?? [],
                       bewaartermijn: v.text("bewaartermijn"), toestemming: v.text("toestemming"),
                       gerechtvaardigdBelang: v.text("gerechtvaardigd_belang"), location: v.location, endLocation: v.endLocation)
        }
        let ontvangers = (map.mapList("ontvangers", allowed: ["naam", "reden"]) ?? []).map {
            Ontvanger(naam: $0.text("naam"), reden: $0.text("reden"), location: $0.location)
        }
        return Privacyverklaring(
            file: file, titel: map.text("titel"), versie: map.text("versie"), ingangsdatum: map.date("ingangsdatum"),
            laatstGewijzigd: map.date("laatst_gewijzigd"), verwerkingen: verwerkingen,
            verwerkingenKey: map.keyLocation("verwerkingen"), ontvangers: ontvangers,
            geautomatiseerdeBesluitvorming: map.text("geautomatiseerde_besluitvorming"),
            verplichteVerstrekking: map.text("verplichte_verstrekking"), wijzigingen: CommonDecoders.wijzigingen(map),
            body: body, location: map.location, endLocation: map.endLocation)
    }
}
