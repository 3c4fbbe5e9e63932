import Foundation

/// The verwerkingsregister of AVG art. 30(1) for the FG, built from the same sources as the site:
/// one row per verwerking of the privacyverklaring and one per product with a bijsluiter.
public struct Verwerkingsregister: Sendable {
    /// One register entry with the columns art. 30(1)(a)–(g) asks for.
    public struct Row: Sendable, Equatable {
        public var bron: String
        public var verwerking: String
        public var doel: String
        public var grondslag: String
        public var betrokkenen: String
        public var gegevens: String
        public var ontvangers: String
        public var doorgifte: String
        public var bewaartermijn: String
        public var beveiliging: String
    }

    public static let columns = ["bron", "verwerking", "doel", "grondslag", "betrokkenen", "gegevens", "ontvangers",
                                 "doorgifte", "bewaartermijn", "beveiliging"]

    public var verantwoordelijke: String
    public var fg: String
    public var rows: [Row]

    public init(content: Content) {
        let org = content.organisatie
        verantwoordelijke = [org?.naam.nonBlank, org?.adres?.oneLine, org?.contact?.email.nonBlank].compactMap { $0 }.joined(separator: ", ")
        fg = [org?.fg?.naam.nonBlank, org?.fg?.email.nonBlank, org?.fg?.telefoon.nonBlank].compactMap { $0 }.joined(separator: ", ")
        var rows: [Row] = []
        let termijnen = content.bewaartermijnen?.termijnen ?? []
        let ontvangers = (content.privacyverklaring?.ontvangers ?? []).compactMap { $0.naam.nonBlank }
        for v in content.privacyverklaring?.verwerkingen ?? [] {
            var bewaar = v.bewaartermijn.nonBlank ?? ""
            if let t = termijnen.first(where: { $0.id.nonBlank == bewaar }) { bewaar = BewaartermijnenPage.describe(t) }
            rows.append(Row(
                bron: content.privacyverklaring?.file ?? "", verwerking: v.doel.nonBlank ?? "", doel: v.doel.nonBlank ?? "",
                grondslag: v.grondslag.map { "\($0.value.label) (\($0.value.article))" } ?? "",
                betrokkenen: v.betrokkenen.map(\.value).joined(separator: "; "),
                gegevens: v.gegevens.map { Categories.info(for: $0.value)?.label ?? $0.value }.joined(separator: "; "),
                ontvangers: ontvangers.joined(separator: "; "), doorgifte: "", bewaartermijn: bewaar, beveiliging: ""))
        }
        for b in content.bijsluiters.sortedByName(\.title) {
            let doelen = (b.doeleinden ?? []).map { doel -> String in
                switch doel {
                case .code(let code): Doeleinden.info(for: code.value)?.shortLabel ?? code.value
                case .eigen(let text): text.value
                }
            }
            let gegevens = b.categorieen.filter(\.answer.isProcessed).compactMap { Categories.info(for: $0.key.value)?.label }
            let subs = b.subverwerkers.compactMap { $0.naam.nonBlank }
            let landen = b.countriesOutsideEER.map { Countries.dutchName($0) ?? $0 }.joined(separator: ", ")
            let waarborg = b.doorgifte?.waarborg?.value.dutch
            let security = [b.beveiliging?.normen.map(\.value).joined(separator: ", "), b.beveiliging?.maatregelen.map(\.value).joined(separator: "; ")]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
            rows.append(Row(
                bron: b.file, verwerking: "\(b.title) (\(b.soort?.value.dutch ?? "product"))", doel: doelen.joined(separator: "; "),
                grondslag: "\(Grondslag.publiekeTaak.label) (\(Grondslag.publiekeTaak.article)); verwerker: \(b.verwerker?.naam.nonBlank ?? "")",
                betrokkenen: b.gebruikers.map(\.value).joined(separator: "; "), gegevens: gegevens.joined(separator: "; "),
                ontvangers: ([b.verwerker?.naam.nonBlank].compactMap { $0 } + subs).joined(separator: "; "),
                doorgifte: landen.isEmpty ? "" : "\(landen)\(waarborg.map { " (\($0))" } ?? "")",
                bewaartermijn: b.bewaartermijn.nonBlank ?? "", beveiliging: security))
        }
        self.rows = rows
    }

    func values(_ row: Row) -> [String] {
        [row.bron, row.verwerking, row.doel, row.grondslag, row.betrokkenen, row.gegevens, row.ontvangers, row.doorgifte,
         row.bewaartermijn, row.beveiliging]
    }

    /// CSV with a header row, `;` separated as Dutch spreadsheets expect, quoted where needed.
    public func csv() -> String {
        func field(_ text: String) -> String {
            let needsQuotes = text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "," })
            return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [Self.columns.joined(separator: ";")]
        lines += rows.map { values($0).map(field).joined(separator: ";") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON: the controller, the FG and the rows as objects with the column names as keys.
    public func json() -> String {
        func quote(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case let s where s.value < 0x20: out += String(format: "\\u%04x", s.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let items = rows.map { row in
            "{" + zip(Self.columns, values(row)).map { "\(quote($0)):\(quote($1))" }.joined(separator: ",") + "}"
        }
        return "{\"verwerkingsverantwoordelijke\":\(quote(verantwoordelijke)),\"fg\":\(quote(fg)),\"verwerkingen\":[\(items.joined(separator: ","))]}\n"
    }
}
