/// PS-STATS: statistics without consent are only allowed when privacy-friendly: IP addresses
/// anonymised, no data shared, a verwerkersovereenkomst signed.
/// Source: Autoriteit Persoonsgegevens, handleiding privacyvriendelijk instellen van Google Analytics.
struct PsStats: DocumentRule {
    let code = "PS-STATS"
    let severity = Severity.error
    let source = "Autoriteit Persoonsgegevens, handleiding Google Analytics"

    func check(_ content: Content) -> [Diagnostic] {
        guard let ps = content.privacystatement, let stats = ps.statistieken else { return [] }
        let withConsent = ps.cookies.contains { $0.soort?.value == .analytisch && $0.toestemming?.value == true }
        if withConsent { return [] }
        var result: [Diagnostic] = []
        let dienst = stats.dienst.nonBlank ?? "de statistiekendienst"
        if stats.ipAnoniem?.value != true {
            result.append(finding(at: stats.ipAnoniem?.location ?? stats.endLocation, "\(dienst) maakt IP-adressen niet anoniem, terwijl er geen toestemming wordt gevraagd",
                                  hint: "zet IP-anonimisering aan ('ip_anoniem: true') of vraag toestemming voor de analytische cookie"))
        }
        if stats.gegevensDelen?.value != false {
            result.append(finding(at: stats.gegevensDelen?.location ?? stats.endLocation, "\(dienst) deelt gegevens, terwijl er geen toestemming wordt gevraagd",
                                  hint: "zet het delen van gegevens uit ('gegevens_delen: false')"))
        }
        if stats.verwerkersovereenkomst?.value != true {
            result.append(finding(at: stats.verwerkersovereenkomst?.location ?? stats.endLocation, "met \(dienst) is geen verwerkersovereenkomst gesloten",
                                  hint: "sluit een verwerkersovereenkomst en zet 'verwerkersovereenkomst: true'"))
        }
        return result
    }
}
