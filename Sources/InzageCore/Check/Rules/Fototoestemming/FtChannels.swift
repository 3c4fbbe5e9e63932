/// FT-CHANNELS: photo consent is asked per channel: at least one channel, each with an id and a
/// name, social media naming its platforms, and no catch-all channel "alle".
/// Source: seed 001 ch. 7 (consent per purpose and medium); AVG art. 7 (specific consent).
struct FtChannels: DocumentRule {
    let code = "FT-CHANNELS"
    let severity = Severity.error
    let source = "privacyprotocol hoofdstuk 7 (seed 001); AVG art. 7"

    func check(_ content: Content) -> [Diagnostic] {
        guard let ft = content.fototoestemming else { return [] }
        var result: [Diagnostic] = []
        if ft.kanalen.isEmpty {
            result.append(finding(at: ft.kanalenKey ?? ft.endLocation, "er staat geen kanaal in 'kanalen'",
                                  hint: "noem elk kanaal waar foto's op komen (website, nieuwsbrief, ...); toestemming geldt per kanaal"))
        }
        var ids: Set<String> = []
        for kanaal in ft.kanalen {
            guard let id = kanaal.id, !id.isBlank else {
                result.append(finding(at: kanaal.location, "een kanaal zonder id", hint: "voeg 'id:' toe, bijvoorbeeld 'id: website'"))
                continue
            }
            if ["alle", "alles", "overal", "alle-kanalen"].contains(id.value.lowercased())
                || ["alle kanalen", "alle media", "overal"].contains(kanaal.naam.nonBlank?.lowercased() ?? "") {
                result.append(finding(at: id.location, "een kanaal 'alle' vraagt toestemming voor alles tegelijk",
                                      hint: "toestemming moet per kanaal gegeven kunnen worden; maak voor elk kanaal een eigen regel"))
            }
            if !Slug.isValid(id.value) {
                result.append(finding(at: id.location, "id '\(id.value)' mag alleen kleine letters, cijfers en '-' bevatten",
                                      hint: "het id is ook de kolomnaam in de leerlingexport, bijvoorbeeld 'sociale-media'"))
            }
            if !ids.insert(id.value).inserted {
                result.append(finding(at: id.location, "kanaal '\(id.value)' staat er twee keer in", hint: "geef elk kanaal een eigen id"))
            }
            if kanaal.naam.nonBlank == nil {
                result.append(finding(at: kanaal.endLocation, "kanaal '\(id.value)' heeft geen naam", hint: "voeg 'naam:' toe; die staat in de brief aan ouders"))
            }
            let words = (id.value + " " + (kanaal.naam.nonBlank ?? "")).lowercased()
            let isSocial = ["social", "sociale", "instagram", "facebook", "tiktok", "youtube", "twitter", "linkedin", "snapchat", "x.com"]
                .contains { words.contains($0) }
            if isSocial, kanaal.platforms.isEmpty {
                result.append(finding(at: id.location, "kanaal '\(id.value)' noemt niet op welke sociale media de foto's komen",
                                      hint: "voeg 'platforms: [Instagram, Facebook]' toe; ouders moeten weten waar"))
            }
        }
        return result
    }
}
