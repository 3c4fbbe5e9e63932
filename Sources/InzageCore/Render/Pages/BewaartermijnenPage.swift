/// `/bewaartermijnen/`: the retention table.
struct BewaartermijnenView {
    struct Row { let id: String; let gegevens: String; let betrokkenen: String; let termijn: String; let bron: String? }
    let rows: [Row]
}

// Listed by hand, like the rows: a view read with `Mirror` costs a conformance scan and a
// demangled type per field the first time, which a short build (the demo board) pays for each.
extension BewaartermijnenView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["rows": rows] }
}

extension BewaartermijnenView.Row: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["id": id, "gegevens": gegevens, "betrokkenen": betrokkenen, "termijn": termijn, "bron": bron] }
}

enum BewaartermijnenPage {
    static let path = "bewaartermijnen/"

    /// "minimaal 5 jaar na uitschrijving (wettelijk)".
    static func describe(_ t: Bewaartermijn) -> String {
        var parts: [String] = []
        if let soort = t.soort?.value, t.duur != nil { parts.append(soort == .precies ? "" : soort.rawValue) }
        parts.append(t.termijn.nonBlank ?? "")
        if let ingang = t.ingang.nonBlank { parts.append(ingang) }
        var text = parts.filter { !$0.isEmpty }.joined(separator: " ")
        if t.wettelijk?.value == true { text += " (wettelijke termijn)" }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    static func make(_ site: SiteContext, _ table: Bewaartermijnen) -> Page {
        let rows = table.termijnen.map {
            BewaartermijnenView.Row(id: $0.id.nonBlank ?? "", gegevens: $0.gegevens.nonBlank ?? "", betrokkenen: $0.betrokkenen.nonBlank ?? "",
                                    termijn: describe($0), bron: $0.bron.nonBlank)
        }
        return Page(path: path, title: "Bewaartermijnen", template: "bewaartermijnen", view: BewaartermijnenView(rows: rows),
                    description: "Hoe lang wij persoonsgegevens bewaren", lastModified: nil, sources: [table.file])
    }
}
