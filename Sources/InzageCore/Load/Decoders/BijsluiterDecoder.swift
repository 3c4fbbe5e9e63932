/// Decodes `bijsluiters/<slug>.md` front matter.
enum BijsluiterDecoder {
    static let keys = [
        "product", "soort", "verwerker", "omschrijving", "doelgroep", "gebruikers", "scholen", "verwerkingen",
        "optionele_verwerkingen", "doeleinden", "categorieen", "entree_attributen", "bewaartermijn", "opslag",
        "subverwerkers", "doorgifte", "beveiliging", "verwerkersovereenkomst", "versie", "datum", "wijzigingen",
    ]

    /// The bijsluiter from its front matter alone, with an empty body that starts at line
    /// `bodyFirstLine`: the loader adds the body, so nothing decoded here can depend on it.
    static func decode(_ root: YNode, slug: String, file: String, bodyFirstLine: Int, sink: DiagnosticSink) -> Bijsluiter? {
        guard let map = MapReader(root, allowed: keys, context: "", sink: sink) else { return nil }
        return Bijsluiter(BijsluiterFields(
            slug: slug, file: file, product: map.text("product"), soort: map.choice("soort", ProductSoort.self),
            verwerker: verwerker(map), omschrijving: map.text("omschrijving"),
            doelgroep: (map.textList("doelgroep") ?? []).compactMap {
                MapReader.choice($0, Schoolsoort.self, name: "doelgroep", sink: sink)
            },
            gebruikers: map.textList("gebruikers") ?? [], scholen: scholen(map, sink: sink), scholenKey: map.keyLocation("scholen"),
            verwerkingen: map.textList("verwerkingen"), optioneleVerwerkingen: map.textList("optionele_verwerkingen"),
            doeleinden: doeleinden(map, sink: sink), doeleindenKey: map.keyLocation("doeleinden"),
            categorieen: categorieen(map, sink: sink), categorieenKey: map.keyLocation("categorieen"),
            entreeAttributen: map.textList("entree_attributen") ?? [], bewaartermijn: map.text("bewaartermijn"),
            opslag: vestigingen(map, key: "opslag"), opslagKey: map.keyLocation("opslag"),
            subverwerkers: vestigingen(map, key: "subverwerkers"),
            doorgifte: doorgifte(map, sink: sink), doorgifteKey: map.keyLocation("doorgifte"),
            beveiliging: beveiliging(map), verwerkersovereenkomst: overeenkomst(map),
            versie: map.text("versie"), datum: map.date("datum"), wijzigingen: CommonDecoders.wijzigingen(map),
            location: map.location, endLocation: map.endLocation),
            body: MarkdownBody(text: "", firstLine: bodyFirstLine, file: file))
    }

    static func verwerker(_ map: MapReader) -> Verwerker? {
        guard let v = map.map("verwerker", allowed: ["naam", "adres", "website", "contact", "datalek"]) else { return nil }
        let datalek = v.map("datalek", allowed: ["telefoon", "email", "termijn"]).map {
            DatalekContact(telefoon: $0.text("telefoon"), email: $0.text("email"), termijn: $0.text("termijn"),
                           location: $0.location, endLocation: $0.endLocation)
        }
        return Verwerker(naam: v.text("naam"), adres: CommonDecoders.adres(v, key: "adres"), website: v.text("website"),
                         contact: CommonDecoders.contactpersoon(v.map("contact", allowed: ["naam", "email", "telefoon"])),
                         datalek: datalek, location: v.location, endLocation: v.endLocation)
    }

    static func scholen(_ map: MapReader, sink: DiagnosticSink) -> ScholenKeuze? {
        guard let node = map.node("scholen") else { return nil }
        switch node {
        case .scalar(let s) where s.text.lowercased() == "alle": return .alle(s.location)
        case .sequence: return .brins(map.textList("scholen") ?? [])
        default:
            sink.error("VALUE", at: node.location, "'scholen' moet 'alle' zijn of een lijst met BRIN-codes",
                       hint: "schrijf 'scholen: alle' of bijvoorbeeld 'scholen: [12OY, 04AB]'")
            return nil
        }
    }

    static func doeleinden(_ map: MapReader, sink: DiagnosticSink) -> [Doel]? {
        guard let node = map.node("doeleinden") else { return nil }
        let items: [YNode]
        switch node {
        case .sequence(let list, _): items = list
        case .mapping: items = [node]
        case .scalar(let s) where s.isNull: items = []
        case .scalar: items = [node]
        }
        return items.compactMap { item -> Doel? in
            if case .mapping = item {
                guard let eigen = MapReader(item, allowed: ["eigen"], context: "doeleinden", sink: sink)?.text("eigen") else { return nil }
                return .eigen(eigen)
            }
            guard let code = MapReader.text(item, name: "doeleinden", sink: sink) else { return nil }
            guard Doeleinden.info(for: code.value) != nil else {
                let suggestion = EditDistance.suggestion(for: code.value, among: Doeleinden.all.map(\.code)).map { "; bedoelde u '\($0)'?" } ?? ""
                sink.error("BS-DOEL", at: code.location, "'\(code.value)' is geen doel uit het model\(suggestion)",
                           hint: "kies uit \(Doeleinden.all.map(\.code).joined(separator: ", ")) of schrijf { eigen: \"...\" }")
                return nil
            }
            return .code(code)
        }
    }

    static func categorieen(_ map: MapReader, sink: DiagnosticSink) -> [CategoryEntry] {
        guard let cats = map.map("categorieen", allowed: Categories.keys) else { return [] }
        return cats.pairs.compactMap { pair -> CategoryEntry? in
            guard Categories.keys.contains(pair.key.text) else { return nil }
            let key = Located(pair.key.text, at: pair.key.location)
            switch pair.value {
            case .scalar(let s):
                let text = s.isNull ? "" : s.text.trimmedWhitespace
                if ["nee", "no", "false", "n.v.t.", "nvt"].contains(text.lowercased()) {
                    return CategoryEntry(key: key, answer: .nee)
                }
                return CategoryEntry(key: key, answer: .verwerkt(toelichting: Located(text, at: s.location), optioneel: false))
            case .mapping:
                guard let sub = MapReader(pair.value, allowed: ["toelichting", "optioneel"], context: "categorieen.\(pair.key.text)", sink: sink) else { return nil }
                let toelichting = sub.text("toelichting") ?? Located("", at: sub.location)
                return CategoryEntry(key: key, answer: .verwerkt(toelichting: toelichting, optioneel: sub.bool("optioneel")?.value ?? false))
            case .sequence:
                sink.error("YAML-TYPE", at: pair.value.location, "categorie '\(pair.key.text)' moet 'nee' of een toelichting zijn, geen lijst",
                           hint: "schrijf de gegevens als één zin, bijvoorbeeld: naam, klas en e-mailadres")
                return nil
            }
        }
    }

    static func vestigingen(_ map: MapReader, key: String) -> [Vestiging] {
        (map.mapList(key, allowed: ["naam", "plaats", "land", "taak"]) ?? []).map {
            Vestiging(naam: $0.text("naam"), plaats: $0.text("plaats"), land: $0.text("land"), taak: $0.text("taak"),
                      location: $0.location, endLocation: $0.endLocation)
        }
    }

    static func doorgifte(_ map: MapReader, sink: DiagnosticSink) -> Doorgifte? {
        guard let node = map.node("doorgifte") else { return nil }
        if case .scalar(let s) = node {
            if s.isNull || ["nee", "no", "false", "geen"].contains(s.text.lowercased()) { return nil }
            sink.error("VALUE", at: s.location, "'doorgifte' moet 'nee' zijn of een map met landen en waarborg",
                       hint: "schrijf 'doorgifte: nee' of 'doorgifte: { landen: [US], waarborg: dpf, toelichting: ... }'")
            return nil
        }
        guard let d = MapReader(node, allowed: ["landen", "waarborg", "toelichting"], context: "doorgifte", sink: sink) else { return nil }
        return Doorgifte(landen: d.textList("landen") ?? [], waarborg: d.choice("waarborg", Waarborg.self),
                         toelichting: d.text("toelichting"), location: d.location, endLocation: d.endLocation)
    }

    static func beveiliging(_ map: MapReader) -> Beveiliging? {
        guard let b = map.map("beveiliging", allowed: ["classificatie", "normen", "maatregelen"]) else { return nil }
        let c = b.map("classificatie", allowed: ["beschikbaarheid", "integriteit", "vertrouwelijkheid"])
        return Beveiliging(beschikbaarheid: c?.choice("beschikbaarheid", Niveau.self), integriteit: c?.choice("integriteit", Niveau.self),
                           vertrouwelijkheid: c?.choice("vertrouwelijkheid", Niveau.self), normen: b.textList("normen") ?? [],
                           maatregelen: b.textList("maatregelen") ?? [], location: b.location, endLocation: b.endLocation)
    }

    static func overeenkomst(_ map: MapReader) -> Overeenkomst? {
        guard let o = map.map("verwerkersovereenkomst", allowed: ["model", "getekend"]) else { return nil }
        // The model is kept as written ("3.0") for the pages, but only one of the format's words is accepted.
        let model = o.text("model").flatMap { $0.value.isEmpty ? $0 : MapReader.choice($0, Overeenkomst.Model.self, name: "verwerkersovereenkomst.model", sink: o.sink).map { $0.map(\.rawValue) } }
        return Overeenkomst(model: model, getekend: o.date("getekend"), location: o.location)
    }
}
