/// X-CONSENT: a verwerking based on consent that involves photos or video needs fototoestemming.yaml,
/// so the channels and the withdrawal route are published.
/// Source: AVG art. 6(1)(a), 7(3); seed 001 ch. 7.
struct XConsent: DocumentRule {
    let code = "X-CONSENT"
    let severity = Severity.error
    let source = "AVG art. 6 lid 1 sub a, art. 7 lid 3; privacyprotocol hoofdstuk 7 (seed 001)"

    static let imageWords = ["beeldmateriaal", "foto", "video", "beeld", "film"]

    func check(_ content: Content) -> [Diagnostic] {
        // A fototoestemming.yaml that exists but has errors is reported by the loader already.
        let fileExists = content.sources.keys.contains { $0.hasSuffix("fototoestemming.yaml") }
        guard content.fototoestemming == nil, !fileExists, let pv = content.privacyverklaring else { return [] }
        return pv.verwerkingen.compactMap { v in
            guard v.grondslag?.value == .toestemming else { return nil }
            let texts = [v.doel.nonBlank ?? "", v.toestemming.nonBlank ?? ""] + v.gegevens.map(\.value)
            guard texts.contains(where: { text in Self.imageWords.contains { text.lowercased().contains($0) } }) else { return nil }
            return finding(at: v.grondslag?.location ?? v.location, "voor foto's en video's met toestemming ontbreekt fototoestemming.yaml",
                           hint: "maak fototoestemming.yaml met de kanalen en hoe ouders toestemming intrekken")
        }
    }
}
