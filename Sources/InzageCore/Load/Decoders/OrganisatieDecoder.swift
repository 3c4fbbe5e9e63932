/// Decodes `organisatie.yaml`.
enum OrganisatieDecoder {
    static let keys = ["naam", "bevoegd_gezag", "adres", "kvk", "website", "contact", "fg", "scholen", "site"]

    static func decode(_ root: YNode, file: String, sink: DiagnosticSink) -> Organisatie? {
        guard let map = MapReader(root, allowed: keys, context: "", sink: sink) else { return nil }
        let scholen = (map.mapList("scholen", allowed: ["naam", "brin", "soort", "adres", "website", "directeur"]) ?? []).map { school in
            School(naam: school.text("naam"), brin: school.text("brin"), soort: school.choice("soort", Schoolsoort.self),
                   adres: CommonDecoders.adres(school, key: "adres"), website: school.text("website"),
                   directeur: school.text("directeur"), location: school.location, endLocation: school.endLocation)
        }
        let site = map.map("site", allowed: ["url", "titel", "aanspreekvorm", "kleur", "logo", "logo_alt"]).map { site in
            SiteSettings(url: site.text("url"), titel: site.text("titel"),
                         aanspreekvorm: site.choice("aanspreekvorm", Aanspreekvorm.self), kleur: site.text("kleur"),
                         logo: site.text("logo"), logoAlt: site.text("logo_alt"),
                         location: site.location, endLocation: site.endLocation)
        }
        return Organisatie(
            file: file, naam: map.text("naam"), bevoegdGezag: map.text("bevoegd_gezag"),
            adres: CommonDecoders.adres(map, key: "adres"), kvk: map.text("kvk"), website: map.text("website"),
            contact: CommonDecoders.contactpersoon(map.map("contact", allowed: ["email", "telefoon"])),
            fg: CommonDecoders.contactpersoon(map.map("fg", allowed: ["naam", "email", "telefoon"])),
            fgKey: map.keyLocation("fg"), scholen: scholen, scholenKey: map.keyLocation("scholen"), site: site,
            location: map.location, endLocation: map.endLocation)
    }
}
