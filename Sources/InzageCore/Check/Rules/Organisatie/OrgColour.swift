/// ORG-COLOUR: the brand colour reaches 4.5:1 contrast against white, so links and
/// headings in it stay readable.
/// Source: WCAG 2.2 success criterion 1.4.3 (contrast minimum).
struct OrgColour: DocumentRule {
    let code = "ORG-COLOUR"
    let severity = Severity.error
    let source = "WCAG 2.2, 1.4.3"

    func check(_ content: Content) -> [Diagnostic] {
        guard let kleur = content.organisatie?.site?.kleur else { return [] }
        if kleur.isBlank {
            // `kleur: #1d4f91` without quotes is a YAML comment: the value silently disappears.
            return [finding(at: kleur.location, "de kleur is leeg; zonder aanhalingstekens leest YAML '#' als begin van een opmerking",
                            hint: "zet de kleur tussen aanhalingstekens: kleur: \"#1d4f91\"")]
        }
        guard let colour = RGBColour(hex: kleur.value) else {
            return [finding(at: kleur.location, "'\(kleur.value)' is geen kleurcode", hint: "schrijf de kleur als \"#1d4f91\" (tussen aanhalingstekens)")]
        }
        let ratio = colour.contrast(with: RGBColour.white)
        guard ratio >= 4.5 else {
            // Dutch writes a decimal comma, as in "4,5:1".
            let shown = "\((ratio * 100).rounded() / 100)".replacingOccurrences(of: ".", with: ",")
            return [finding(at: kleur.location, "de kleur \(kleur.value) heeft te weinig contrast met wit (\(shown):1, minimaal 4,5:1)",
                            hint: "kies een donkerdere kleur, bijvoorbeeld \(colour.darkened(toContrast: 4.5).hex)")]
        }
        return []
    }
}
