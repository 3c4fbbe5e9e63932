/// Decodes `privacystatement.md` front matter.
enum PrivacystatementDecoder {
    static let keys = ["titel", "versie", "datum", "formulieren", "statistieken", "cookies", "sociale_media", "wijzigingen"]

    static func decode(_ root: YNode, file: String, body: MarkdownBody, sink: DiagnosticSink) -> Privacystatement? {
        guard let map = MapReader(root, allowed: keys, context: "", sink: sink) else { return nil }
        let formulieren = (map.mapList("formulieren", allowed: ["naam", "gegevens", "bewaartermijn"]) ?? []).map {
            Formulier(naam: $0.text("naam"), gegevens: $0.textList("gegevens") ?? [], bewaartermijn: $0.text("bewaartermijn"),
                      location: $0.location, endLocation: $0.endLocation)
        }
        var statistiekenGeen = false
        var statistieken: Statistieken?
        if let node = map.node("statistieken") {
            if case .scalar(let s) = node, s.isNull || ["geen", "nee", "false"].contains(s.text.lowercased()) {
                statistiekenGeen = true
            } else if let s = MapReader(node, allowed: ["dienst", "plaats", "ip_anoniem", "gegevens_delen", "verwerkersovereenkomst", "privacybeleid"],
                                        context: "statistieken", sink: sink) {
                let plaats = s.map("plaats", allowed: ["land", "plaats"])
                statistieken = Statistieken(dienst: s.text("dienst"), land: plaats?.text("land"), ipAnoniem: s.bool("ip_anoniem"),
                                            gegevensDelen: s.bool("gegevens_delen"), verwerkersovereenkomst: s.bool("verwerkersovereenkomst"),
                                            privacybeleid: s.text("privacybeleid"), location: s.location, endLocation: s.endLocation)
            }
        } else {
            statistiekenGeen = true
        }
        let cookies = (map.mapList("cookies", allowed: ["naam", "partij", "soort", "doel", "bewaartermijn", "toestemming"]) ?? []).map {
            Cookie(naam: $0.text("naam"), partij: $0.text("partij"), soort: $0.choice("soort", CookieSoort.self), doel: $0.text("doel"),
                   bewaartermijn: $0.text("bewaartermijn"), toestemming: $0.bool("toestemming"),
                   location: $0.location, endLocation: $0.endLocation)
        }
        let social = (map.mapList("sociale_media", allowed: ["netwerk", "privacybeleid"]) ?? []).map {
            SocialMedium(netwerk: $0.text("netwerk"), privacybeleid: $0.text("privacybeleid"), location: $0.location)
        }
        return Privacystatement(file: file, titel: map.text("titel"), versie: map.text("versie"), datum: map.date("datum"),
                                formulieren: formulieren, statistieken: statistieken, statistiekenGeen: statistiekenGeen,
                                cookies: cookies, socialeMedia: social, wijzigingen: CommonDecoders.wijzigingen(map),
                                body: body, location: map.location)
    }
}
