/// BS-WAARBORG: the safeguard named for a transfer fits every country it is named for: `dpf` only
/// for the United States, `adequaatheid` only for countries with an adequacy decision.
/// Source: AVG art. 45 (adequacy decisions, the EU-US Data Privacy Framework among them), art. 46.
struct BsWaarborg: BijsluiterRule {
    let code = "BS-WAARBORG"
    let severity = Severity.error
    let source = "AVG art. 45 (adequaatheidsbesluit), art. 46 (passende waarborgen)"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        guard let d = b.doorgifte, let waarborg = d.waarborg else { return result }
        // Only the countries a transfer goes to: EER countries and unknown codes are BS-EER's concern.
        var seen: Set<String> = []
        let codes = d.landen.compactMap { Countries.code(forDutchName: $0.value) }
            .filter { !Countries.isEER($0) && seen.insert($0).inserted }
        switch waarborg.value {
        case .dpf:
            let others = codes.filter { !Countries.dpfCountries.contains($0) }
            guard !others.isEmpty else { return result }
            result.append(finding(at: waarborg.location,
                                  "'dpf' geldt alleen voor de Verenigde Staten, niet voor \(list(others))",
                                  hint: "het EU-US Data Privacy Framework (AVG art. 45) dekt alleen gecertificeerde bedrijven in de Verenigde Staten; "
                                      + "kies voor \(list(others)) een andere waarborg, zoals scc (modelcontractbepalingen, AVG art. 46)"))
        case .adequaatheid:
            let others = codes.filter { !Countries.isAdequate($0) }
            guard !others.isEmpty else { return result }
            let usOnly = others == ["US"]
            result.append(finding(at: waarborg.location,
                                  "voor \(list(others)) is er geen adequaatheidsbesluit van de Europese Commissie",
                                  hint: usOnly
                                      ? "voor de Verenigde Staten geldt het besluit alleen voor bedrijven met een certificaat (AVG art. 45): schrijf 'waarborg: dpf', of scc (AVG art. 46)"
                                      : "'adequaatheid' (AVG art. 45) geldt alleen voor landen met zo'n besluit, zoals het Verenigd Koninkrijk of Zwitserland; "
                                          + "kies een andere waarborg, zoals scc (modelcontractbepalingen, AVG art. 46)"))
        case .scc, .bcr, .uitzondering:
            return result
        }
        return result
    }

    /// "China (CN)", "China (CN) en India (IN)".
    private func list(_ codes: [String]) -> String {
        let names = codes.map { "\(Countries.dutchNameInSentence($0)) (\($0))" }
        guard names.count > 1, let last = names.last else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " en " + last
    }
}
