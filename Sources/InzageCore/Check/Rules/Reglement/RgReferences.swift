/// RG-REF: every "artikel X.Y" reference in the reglement points at an article or paragraph that exists.
/// Source: seed 002 ("artikel 5 lid 2.a." points at nothing).
struct RgReferences: DocumentRule {
    let code = "RG-REF"
    let severity = Severity.error
    let source = "privacyreglement (seed 002)"

    func check(_ content: Content) -> [Diagnostic] {
        guard let reglement = content.reglement else { return [] }
        let known = reglement.knownNumbers
        return reglement.references.compactMap { reference in
            guard !known.contains(reference.number.value) else { return nil }
            let article = reference.number.value.split(separator: ".").first.map(String.init) ?? ""
            let hint = known.contains(article)
                ? "artikel \(article) bestaat, maar lid \(reference.number.value) niet; controleer het nummer"
                : "het reglement heeft geen artikel \(article); verwijst u naar een andere wet, noem die dan direct erna (bijvoorbeeld 'artikel 9 AVG')"
            return finding(at: reference.number.location, "'\(reference.text)' verwijst naar een artikel dat niet bestaat", hint: hint)
        }
    }
}
