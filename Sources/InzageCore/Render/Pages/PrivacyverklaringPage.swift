/// `/privacyverklaring/`: the school's own text plus every section AVG art. 13/14 requires.
struct PrivacyverklaringView {
    struct VerwerkingRow { let doel: String; let grondslag: String; let grondslagUitleg: String; let belang: String?; let betrokkenen: String; let gegevens: String; let bewaartermijn: String; let bewaartermijnHref: String? }
    struct OntvangerRow { let naam: String; let reden: String; let href: String? }
    struct DoorgifteRow { let product: String; let href: String; let verwerker: String; let landen: String; let waarborg: String; let toelichting: String? }

    let body: String
    let versie: String?
    let ingangsdatum: DateView?
    let laatstGewijzigd: DateView?
    let organisatie: String
    let bevoegdGezag: String?
    let adres: String?
    let kvk: String?
    let contact: ContactView?
    let website: String?
    let fg: ContactView?
    let verwerkingen: [VerwerkingRow]
    let ontvangers: RowList<OntvangerRow>
    let doorgiften: RowList<DoorgifteRow>
    let geenDoorgifte: Bool
    let rechten: [RightView]
    let termijn: String
    let toestemmingen: [String]
    let heeftToestemming: Bool
    let intrekkenTekst: String
    let fotosHref: String?
    let klacht: ComplaintView
    let besluitvorming: String
    let verstrekking: String?
    let wijzigingen: [ChangeView]
    let contactHref: String
}

// Listed by hand, like the rows: a view read with `Mirror` costs a conformance scan and a
// demangled type per field the first time, which a short build (the demo board) pays for each.
extension PrivacyverklaringView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["body": body, "versie": versie, "ingangsdatum": ingangsdatum, "laatstGewijzigd": laatstGewijzigd, "organisatie": organisatie, "bevoegdGezag": bevoegdGezag, "adres": adres, "kvk": kvk, "contact": contact, "website": website, "fg": fg, "verwerkingen": verwerkingen, "ontvangers": ontvangers, "doorgiften": doorgiften, "geenDoorgifte": geenDoorgifte, "rechten": rechten, "termijn": termijn, "toestemmingen": toestemmingen, "heeftToestemming": heeftToestemming, "intrekkenTekst": intrekkenTekst, "fotosHref": fotosHref, "klacht": klacht, "besluitvorming": besluitvorming, "verstrekking": verstrekking, "wijzigingen": wijzigingen, "contactHref": contactHref] }
}

extension PrivacyverklaringView.VerwerkingRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["doel": doel, "grondslag": grondslag, "grondslagUitleg": grondslagUitleg, "belang": belang, "betrokkenen": betrokkenen, "gegevens": gegevens, "bewaartermijn": bewaartermijn, "bewaartermijnHref": bewaartermijnHref] }
}

enum PrivacyverklaringPage {
    static let path = "privacyverklaring/"

    static func make(_ site: SiteContext, _ pv: Privacyverklaring) -> Page {
        let root = SiteContext.root(for: path)
        let voice = Voice(vorm: site.aanspreekvorm)
        let org = site.organisatie
        let termijnen = site.content.bewaartermijnen?.termijnen ?? []
        let rows = pv.verwerkingen.map { v -> PrivacyverklaringView.VerwerkingRow in
            let grondslag = v.grondslag?.value
            var bewaar = v.bewaartermijn.nonBlank ?? "Niet vermeld"
            var bewaarHref: String?
            if let id = v.bewaartermijn.nonBlank, let t = termijnen.first(where: { $0.id.nonBlank == id }) {
                bewaar = BewaartermijnenPage.describe(t)
                bewaarHref = root + BewaartermijnenPage.path + "#" + id
            }
            return .init(doel: v.doel.nonBlank ?? "", grondslag: grondslag?.label ?? "", grondslagUitleg: grondslag?.inWords ?? "",
                         belang: v.gerechtvaardigdBelang.nonBlank, betrokkenen: v.betrokkenen.map(\.value).joined(separator: ", "),
                         gegevens: v.gegevens.map { Categories.info(for: $0.value)?.label ?? $0.value }.joined(separator: ", "),
                         bewaartermijn: bewaar, bewaartermijnHref: bewaarHref)
        }
        var ontvangers = pv.ontvangers.map { site.fragment(PrivacyverklaringView.OntvangerRow(naam: $0.naam.nonBlank ?? "", reden: $0.reden.nonBlank ?? "", href: nil), template: "ontvanger") }
        // The board's own recipients in its order, then the verwerkers alphabetically.
        let ontvangerKind = FragmentKind("ontvanger", root: root, template: "ontvanger")
        for product in site.productsByName.sortedByName(keyed: { site.sortKey(.verwerker, of: $0) }) {
            let fragment = site.kept(ontvangerKind.key, of: product) { () -> ViewFragment<PrivacyverklaringView.OntvangerRow>? in
                let b = site.bijsluiter(product)
                guard let naam = b.verwerker?.naam.nonBlank else { return nil }
                return site.fragment(.init(naam: naam, reden: "Verwerker: levert \(b.title) (\(b.soort?.value.dutch ?? "digitaal product")) en verwerkt gegevens in opdracht van de school.",
                                           href: root + "bijsluiters/\(b.slug)/"), template: ontvangerKind.template)
            }
            if let fragment { ontvangers.append(fragment) }
        }
        let doorgifteKind = FragmentKind("doorgifte", root: root, template: "doorgifte")
        let doorgiften = site.productsByName.compactMap { product in
            site.kept(doorgifteKind.key, of: product) { () -> ViewFragment<PrivacyverklaringView.DoorgifteRow>? in
                let b = site.bijsluiter(product)
                let outsideEER = b.countriesOutsideEER
                guard !outsideEER.isEmpty else { return nil }
                return site.fragment(PrivacyverklaringView.DoorgifteRow(
                    product: b.title, href: root + "bijsluiters/\(b.slug)/", verwerker: b.verwerker?.naam.nonBlank ?? "",
                    landen: outsideEER.map(Countries.dutchNameInSentence).joined(separator: ", "),
                    waarborg: b.doorgifte?.waarborg?.value.dutch ?? "geen waarborg vermeld", toelichting: b.doorgifte?.toelichting.nonBlank),
                    template: doorgifteKind.template)
            }
        }
        let toestemmingen = pv.verwerkingen.filter { $0.grondslag?.value == .toestemming }.compactMap { $0.doel.nonBlank }
        let besluit = pv.geautomatiseerdeBesluitvorming.nonBlank
        let view = PrivacyverklaringView(
            body: site.markdown.render(pv.body.text), versie: pv.versie.nonBlank, ingangsdatum: DateView(pv.ingangsdatum),
            laatstGewijzigd: DateView(pv.laatstGewijzigd), organisatie: org.naam.nonBlank ?? "", bevoegdGezag: org.bevoegdGezag.nonBlank,
            adres: org.adres?.oneLine, kvk: org.kvk.nonBlank, contact: ContactView(org.contact), website: SafeURL.href(org.website.nonBlank),
            fg: site.fg, verwerkingen: rows, ontvangers: site.rows(ontvangers, at: path + "#ontvangers"),
            doorgiften: site.rows(doorgiften, at: path + "#doorgiften"), geenDoorgifte: doorgiften.isEmpty,
            rechten: RightView.all(voice), termijn: RightView.deadline(voice), toestemmingen: toestemmingen,
            heeftToestemming: !toestemmingen.isEmpty,
            intrekkenTekst: "Als wij gegevens gebruiken omdat \(voice.u) toestemming hebt gegeven, \(voice.kuntU) die toestemming altijd weer intrekken of veranderen. Dat is gratis en net zo makkelijk als toestemming geven. Wat wij vóór het intrekken met toestemming hebben gedaan, blijft wel rechtmatig.",
            fotosHref: site.content.fototoestemming != nil ? root + "fotos-en-video/" : nil, klacht: ComplaintView(voice),
            besluitvorming: besluit.map { ["nee", "geen"].contains($0.lowercased()) ? "Wij nemen geen besluiten over \(voice.u) of \(voice.uw) kind die alleen door een computer worden genomen." : $0 }
                ?? "Wij nemen geen besluiten die alleen door een computer worden genomen.",
            verstrekking: pv.verplichteVerstrekking.nonBlank,
            wijzigingen: ChangeList.views(pv.wijzigingen, document: nil, href: nil), contactHref: root + "contact/")
        return Page(path: path, title: pv.titel.nonBlank ?? "Privacyverklaring", template: "privacyverklaring", view: view,
                    description: "Hoe \(org.naam.nonBlank ?? "wij") omgaat met persoonsgegevens van leerlingen, ouders en medewerkers",
                    lastModified: pv.laatstGewijzigd?.value, sources: [pv.file, org.file] + site.content.bijsluiters.map(\.file) + [site.content.bewaartermijnen?.file].compactMap { $0 })
    }
}

/// Change histories as views, newest first.
enum ChangeList {
    static func views(_ wijzigingen: [Wijziging], document: String?, href: String?) -> [ChangeView] {
        wijzigingen.map {
            ChangeView(document: document, documentHref: href, versie: $0.versie.nonBlank, datum: DateView($0.datum), samenvatting: $0.samenvatting.nonBlank ?? "")
        }.sorted { ($0.datum?.iso ?? "") > ($1.datum?.iso ?? "") }
    }
}

// One per recipient and one per transfer (thousands on a large board): listed by hand so they
// convert without reflection.
extension PrivacyverklaringView.OntvangerRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["naam": naam, "reden": reden, "href": href] }
}

extension PrivacyverklaringView.DoorgifteRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> {
        ["product": product, "href": href, "verwerker": verwerker, "landen": landen, "waarborg": waarborg, "toelichting": toelichting]
    }
}
