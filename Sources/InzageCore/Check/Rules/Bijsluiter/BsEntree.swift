/// BS-ENTREE: an Entree attribute the product receives falls in a category, which then cannot say `nee`.
/// Source: seed 000, Kennisnet Entree attribute table.
struct BsEntree: BijsluiterRule {
    let code = "BS-ENTREE"
    let severity = Severity.warning
    let source = "Kennisnet Entree attributen (seed 000)"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        b.entreeAttributen.compactMap { attribute -> Diagnostic? in
            guard let known = EntreeAttributes.attribute(named: attribute.value) else {
                return finding(at: attribute.location, "'\(attribute.value)' is geen Entree-attribuut",
                               hint: "controleer de spelling; bekende attributen: \(EntreeAttributes.all.prefix(6).map(\.name).joined(separator: ", ")), …")
            }
            guard let entry = b.category(known.categoryKey), !entry.answer.isProcessed else { return nil }
            let label = Categories.info(for: known.categoryKey)?.label ?? known.categoryKey
            return finding(at: attribute.location, "het product ontvangt '\(known.name)' via Entree, maar categorie '\(known.categoryKey)' (\(label)) staat op nee",
                           hint: "beschrijf bij '\(known.categoryKey)' welke gegevens het product via Entree krijgt")
        }
    }
}
