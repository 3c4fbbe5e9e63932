/// BS-DATALEK: the verwerker names how to report a data breach, and reports within 48 hours so the
/// school can meet the 72-hour deadline of the AVG.
/// Source: Model VWO 3.0 art. 9 and Bijlage 2; AVG art. 33.
struct BsDatalek: BijsluiterRule {
    let code = "BS-DATALEK"
    let severity = Severity.error
    let source = "Model Verwerkersovereenkomst 3.0, art. 9 en Bijlage 2; AVG art. 33"

    func check(_ b: Bijsluiter, in context: ItemContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        guard let verwerker = b.verwerker else { return result }
        guard let d = verwerker.datalek else {
            result.append(finding(at: verwerker.endLocation, "de contactgegevens voor het melden van een datalek ontbreken",
                                  hint: "voeg onder 'verwerker:' toe: 'datalek: { telefoon: ..., email: ..., termijn: 24 uur }'"))
            return result
        }
        if d.email.nonBlank == nil && d.telefoon.nonBlank == nil {
            result.append(finding(at: d.location, "bij 'datalek' staat geen telefoonnummer of e-mailadres", hint: "voeg 'email:' of 'telefoon:' toe"))
        }
        if let termijn = d.termijn, let hours = Self.hours(termijn.value), hours > 48 {
            result.append(finding(at: termijn.location, "de verwerker meldt een datalek pas na \(hours) uur; de school moet binnen 72 uur bij de AP melden",
                                  hint: "spreek een termijn van hooguit 24 of 48 uur af"))
        }
        return result
    }

    /// "24 uur", "2 dagen", "48 uur na ontdekking" in hours.
    static func hours(_ text: String) -> Int? {
        let words = text.lowercased().split(separator: " ")
        guard words.count >= 2, let number = Int(words[0]) else { return nil }
        if words[1].hasPrefix("uur") { return number }
        if words[1].hasPrefix("dag") || words[1].hasPrefix("werkdag") { return number * 24 }
        return nil
    }
}
