/// X-RECIPIENTS: the privacyverklaring can list every verwerker with a bijsluiter (the site adds
/// them automatically, so each needs a name), and no text in it denies a transfer outside the EER
/// that a bijsluiter declares.
/// Source: AVG art. 13(1)(e) (recipients) and (f) (transfers to third countries).
struct XRecipients: BijsluiterReadingRule {
    let code = "X-RECIPIENTS"
    let severity = Severity.error
    let source = "AVG art. 13 lid 1 sub e en f"

    nonisolated(unsafe) static let denial = #/(?i)(geen|niet)[^.]{0,80}(buiten de (eer|europese economische ruimte|europese unie|eu)|derde landen)|(buiten de (eer|europese economische ruimte|europese unie|eu)|derde landen)[^.]{0,40}\b(niet|nooit|geen)\b/#

    func check(_ content: Content, bijsluiters: [BijsluiterSummary]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for b in bijsluiters {
            guard let verwerker = b.verwerker, !verwerker.isNamed else { continue }
            result.append(finding(at: verwerker.location, "de verwerker van \(b.title) heeft geen naam en kan dus niet als ontvanger in de privacyverklaring staan",
                                  hint: "vul 'naam:' in onder 'verwerker:'"))
        }
        guard let pv = content.privacyverklaring else { return result }
        var texts = pv.body.lines
        if let tree = content.yamlTrees[pv.file] { texts += tree.allScalars().map { Located($0.text, at: $0.textStart) } }
        // Every denial names the EER, the EU or derde landen: a cheap scan before the (slow) regex,
        // and the products are only looked at when the text denies a transfer at all.
        let denials = texts.compactMap { text in
            ASCIIScan.containsAny(text.value, ["buiten de", "derde landen"]) ? text.value.firstMatch(of: Self.denial).map { (text, $0.range) } : nil
        }
        guard !denials.isEmpty, let first = bijsluiters.first(where: { !$0.countriesOutsideEER.isEmpty }) else { return result }
        for (text, range) in denials {
            let countries = first.countriesOutsideEER.map { Countries.dutchName($0) ?? $0 }.joined(separator: ", ")
            result.append(finding(at: TextValues.location(of: range, in: text.value, at: text.location),
                                  "de privacyverklaring zegt dat er geen gegevens buiten de EER gaan, maar \(first.title) geeft gegevens door naar \(countries)",
                                  hint: "pas de tekst aan; de doorgiften uit de bijsluiters komen automatisch in de privacyverklaring"))
        }
        return result
    }
}
