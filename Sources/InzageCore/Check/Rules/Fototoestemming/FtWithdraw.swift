/// FT-WITHDRAW: the file says how consent is withdrawn, and withdrawing has no deadline.
/// Source: AVG art. 7(3) (withdraw at any time, as easily as giving); seed 001 ch. 7.
struct FtWithdraw: DocumentRule {
    let code = "FT-WITHDRAW"
    let severity = Severity.error
    let source = "AVG art. 7 lid 3"

    nonisolated(unsafe) static let deadline = #/(?i)\b(tot|vóór|voor|uiterlijk|binnen)\s+(\d{1,2}\s+[a-z]+|\d+\s+(dagen|weken|maanden)|de\s+(eerste|laatste)|het\s+einde)/#

    func check(_ content: Content) -> [Diagnostic] {
        guard let ft = content.fototoestemming else { return [] }
        guard let hoe = ft.intrekkenHoe, !hoe.isBlank else {
            return [finding(at: ft.intrekkenHoe?.location ?? ft.intrekkenKey ?? ft.endLocation, "er staat niet hoe ouders hun toestemming kunnen intrekken",
                            hint: "voeg toe: 'intrekken: { hoe: ..., email: ... }'; intrekken moet net zo makkelijk zijn als toestemming geven")]
        }
        if let match = hoe.value.firstMatch(of: Self.deadline) {
            var location = hoe.location
            location.column += hoe.value[hoe.value.startIndex..<match.range.lowerBound].unicodeScalars.count
            return [finding(at: location, "intrekken heeft hier een termijn ('\(hoe.value[match.range])'), maar toestemming kan altijd worden ingetrokken",
                            hint: "schrap de termijn; ouders en leerlingen mogen hun keuze op elk moment veranderen")]
        }
        return []
    }
}
