/// BS-CAT: all 14 categories of D.1 are answered, and a processed category says which data.
/// Source: Model VWO 3.0 Bijlage 1, D.1 ("Wel moet worden vermeld om welke gegevens het gaat").
struct BsCategories: BijsluiterRule {
    let code = "BS-CAT"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, Bijlage 1 D.1"

    static let bareYes: Set<String> = ["", "ja", "yes", "true", "wel", "x", "j"]

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        guard let key = b.categorieenKey else {
            result.append(finding(at: b.endLocation, "de categorieën persoonsgegevens (categorieen) ontbreken",
                                  hint: "voeg 'categorieen:' toe met alle 14 categorieën; 'inzage new bijsluiter' maakt de lijst"))
            return result
        }
        for info in Categories.all where b.category(info.key) == nil {
            // Point where the missing key belongs: after the category before it, or at `categorieen:`.
            let previous = Categories.all.prefix(info.number - 1).reversed().compactMap { b.category($0.key) }.first
            let at = previous?.key.location ?? b.categorieen.first?.key.location ?? key
            result.append(finding(at: at, "categorie '\(info.key)' (\(info.number). \(info.label)) ontbreekt",
                                  hint: "voeg '\(info.key): nee' toe, of beschrijf welke gegevens worden verwerkt"))
        }
        for entry in b.categorieen {
            guard case .verwerkt(let toelichting, _) = entry.answer,
                  Self.bareYes.contains(toelichting.value.lowercased()) else { continue }
            let label = Categories.info(for: entry.key.value)?.label ?? entry.key.value
            result.append(finding(at: toelichting.location, "categorie '\(entry.key.value)' (\(label)) wordt verwerkt maar zonder toelichting",
                                  hint: "schrijf welke gegevens het zijn, bijvoorbeeld: naam, klas en e-mailadres; of 'nee'"))
        }
        return result
    }
}
