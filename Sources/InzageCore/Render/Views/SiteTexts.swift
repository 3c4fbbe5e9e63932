/// Fixed site texts in the board's `aanspreekvorm`, so templates never hard-code "u" or "je".
public struct SiteTexts: Sendable {
    public let waarMeerWeten: String
    public let contactEnRechten: String
    public let rechten: String
    public let moetGegevensGeven: String
    public let zoContact: String
    public let keuzeVeranderen: String
    public let zoDoet: String
    public let rechtenGebruiken: String
    public let probleemMelden: String
    public let volgFeed: String
    public let fgHelpt: String

    public init(_ vorm: Aanspreekvorm) {
        let u = vorm == .u
        waarMeerWeten = u ? "Waar wilt u meer over weten?" : "Waar wil je meer over weten?"
        contactEnRechten = u ? "Contact en uw rechten" : "Contact en je rechten"
        rechten = u ? "Uw rechten" : "Je rechten"
        moetGegevensGeven = u ? "Moet u gegevens geven?" : "Moet je gegevens geven?"
        zoContact = u ? "Zo neemt u contact met ons op" : "Zo neem je contact met ons op"
        keuzeVeranderen = u ? "Uw keuze veranderen of intrekken" : "Je keuze veranderen of intrekken"
        zoDoet = u ? "Zo doet u het:" : "Zo doe je het:"
        rechtenGebruiken = u ? "Uw rechten gebruiken" : "Je rechten gebruiken"
        probleemMelden = u ? "Loopt u tegen een probleem aan?" : "Loop je tegen een probleem aan?"
        volgFeed = u ? "U kunt de wijzigingen ook volgen via de" : "Je kunt de wijzigingen ook volgen via de"
        fgHelpt = u ? "De FG houdt toezicht op hoe wij met persoonsgegevens omgaan en helpt u als u vragen of klachten hebt."
            : "De FG houdt toezicht op hoe wij met persoonsgegevens omgaan en helpt je als je vragen of klachten hebt."
    }
}

/// What a page template is rendered with: the page's own view, and the site texts one level up
/// (templates wrap their content in `{{#page}}…{{/page}}` and read `{{t.rechten}}` from above).
struct PageContext {
    let t: SharedView<SiteTexts>
    let page: Any
}

// Every page reads these: listed by hand so they are converted without reflection.
extension SiteTexts: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> {
        ["waarMeerWeten": waarMeerWeten, "contactEnRechten": contactEnRechten, "rechten": rechten, "moetGegevensGeven": moetGegevensGeven,
         "zoContact": zoContact, "keuzeVeranderen": keuzeVeranderen, "zoDoet": zoDoet, "rechtenGebruiken": rechtenGebruiken,
         "probleemMelden": probleemMelden, "volgFeed": volgFeed, "fgHelpt": fgHelpt]
    }
}

extension PageContext: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["t": t, "page": page] }
}
