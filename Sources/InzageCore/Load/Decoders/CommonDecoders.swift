/// Decoders for the small structures several documents share.
enum CommonDecoders {
    static func adres(_ reader: MapReader?, key: String) -> Adres? {
        guard let map = reader?.map(key, allowed: ["straat", "postcode", "plaats", "land"]) else { return nil }
        return Adres(straat: map.text("straat"), postcode: map.text("postcode"), plaats: map.text("plaats"),
                     land: map.text("land"), location: map.location)
    }

    static func contactpersoon(_ map: MapReader?) -> Contactpersoon? {
        guard let map else { return nil }
        return Contactpersoon(naam: map.text("naam"), email: map.text("email"), telefoon: map.text("telefoon"),
                              functie: map.text("functie"), location: map.location, endLocation: map.endLocation)
    }

    static func wijzigingen(_ reader: MapReader) -> [Wijziging] {
        (reader.mapList("wijzigingen", allowed: ["versie", "datum", "samenvatting"]) ?? []).map { map in
            Wijziging(versie: map.text("versie"), datum: map.date("datum"), samenvatting: map.text("samenvatting"),
                      location: map.location)
        }
    }
}
