/// BS-CAT-12: category 12 "Overige gegevens, te weten …" names the data concretely.
/// Source: Model VWO 3.0 Bijlage 1 D.1 ("Wel moet worden vermeld om welke gegevens het gaat"); seeds 000/003 leave it open.
struct BsOverige: BijsluiterRule {
    let code = "BS-CAT-12"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, Bijlage 1 D.1, categorie 12"

    static let vague = ["te weten", "…", "...", "etc", "enz", "diversen", "overige gegevens", "en dergelijke", "o.a."]

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        return problem(with: b, in: context).map { [$0] } ?? []
    }

    private func problem(with b: Bijsluiter, in context: ItemContext) -> Diagnostic? {
        guard let entry = b.category("overige"), case .verwerkt(let toelichting, _) = entry.answer,
              !BsCategories.bareYes.contains(toelichting.value.lowercased()) else { return nil }
        let lower = toelichting.value.lowercased()
        let vagueWord = Self.vague.first(where: { lower.contains($0) }) ?? (lower.count < 4 ? lower : nil)
        guard let word = vagueWord else { return nil }
        return finding(at: toelichting.location, "categorie 12 'overige' noemt de gegevens niet concreet ('\(word)')",
                       hint: "schrijf precies welke gegevens het zijn, bijvoorbeeld: IP-adres en type browser")
    }
}
