import Foundation

/// `/bijsluiters/<slug>/`: one privacybijsluiter in sections A–H with all 14 categories.
struct BijsluiterView {
    struct CategoryRow { let nummer: Int; let label: String; let bijzonder: Bool; let status: String; let verwerkt: Bool; let toelichting: String?; let uitleg: String; let uitlegPunten: [String]; let heeftPunten: Bool }
    struct PlaceRow { let naam: String?; let plaats: String; let land: String; let taak: String?; let buitenEER: Bool }
    struct DoelRow { let label: String; let tekst: String?; let punten: [String]; let heeftPunten: Bool }

    let product: String
    let soort: String
    let omschrijving: String
    let verwerker: String
    let verwerkerAdres: String?
    let verwerkerWebsite: String?
    let gebruikers: String?
    let doelgroep: String?
    /// The schools, the texts of the lists and the changes are rows like the purposes: placed by
    /// their HTML (`{{{scholen.html}}}`), so that a page's shape does not depend on how long its
    /// lists are. A template that goes through a list itself still sees each row's fields, and each
    /// text as a text.
    let scholen: [ViewFragment<LinkView>]
    let alleScholen: Bool
    let verwerkingen: [TextRow]
    let optioneel: [TextRow]
    /// The purposes, each rendered with the row template `bijsluiter-doel` once per build for all
    /// products that show it alike (a purpose from the model reads the same on every page).
    let doelen: [ViewFragment<DoelRow>]
    /// The 14 rows of the categories table, each rendered with the row template
    /// `bijsluiter-categorie` once per build for all products that show it alike
    /// (`SiteContext.sharedFragment`).
    let categorieen: [ViewFragment<CategoryRow>]
    let bijzonder: Bool
    let entree: [TextRow]
    let bewaartermijn: String
    /// Where the data is stored and the subprocessors, rendered with the row templates
    /// `bijsluiter-opslag` and `bijsluiter-subverwerker`, once per build for each place alike.
    let opslag: [ViewFragment<PlaceRow>]
    let subverwerkers: [ViewFragment<PlaceRow>]
    let doorgifte: Bool
    let doorgifteLanden: String?
    let doorgifteWaarborg: String?
    let doorgifteToelichting: String?
    let contact: ContactView?
    let datalek: ContactView?
    let datalekTermijn: String?
    let classificatie: String?
    let normen: String?
    let maatregelen: [TextRow]
    let overeenkomst: String?
    let versie: String?
    let datum: DateView?
    let wijzigingen: [ViewFragment<ChangeView>]
    let body: String
    let heeftOptioneel: Bool
    let heeftEntree: Bool
    let heeftSubverwerkers: Bool
    let heeftMaatregelen: Bool
    let heeftBody: Bool
}

/// `/bijsluiters/`: every product in a table and a product × category matrix.
struct BijsluitersView {
    struct Row { let product: String; let href: String; let verwerker: String; let soort: String; let bijzonder: String; let buitenEER: String; let versie: String }
    /// A product's row of the matrix. Its 14 cells are each rendered with the row template
    /// `bijsluiters-matrixcel` once per build (a cell is "ja" or "nee"), so a row is three names,
    /// not a section over 14 cells of four names each.
    struct MatrixRow { let product: String; let href: String; let cellen: [ViewFragment<Cell>] }
    struct Cell { let verwerkt: Bool; let tekst: String }
    struct Header { let nummer: Int; let label: String }
    let rows: RowList<Row>
    let matrix: RowList<MatrixRow>
    let kolommen: [Header]
    let leeg: Bool
}

// The rows and cells a board with thousands of products renders thousands of times.
extension BijsluitersView.Row: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> {
        ["product": product, "href": href, "verwerker": verwerker, "soort": soort, "bijzonder": bijzonder, "buitenEER": buitenEER, "versie": versie]
    }
}

extension BijsluitersView.MatrixRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["product": product, "href": href, "cellen": cellen] }
}

extension BijsluitersView.Cell: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["verwerkt": verwerkt, "tekst": tekst] }
}

extension BijsluitersView.Header: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["nummer": nummer, "label": label] }
}

// One of these per product page: listed by hand so a board's thousands of pages convert without reflection.
extension BijsluiterView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> {
        ["product": product, "soort": soort, "omschrijving": omschrijving, "verwerker": verwerker, "verwerkerAdres": verwerkerAdres,
         "verwerkerWebsite": verwerkerWebsite, "gebruikers": gebruikers, "doelgroep": doelgroep, "scholen": scholen,
         "alleScholen": alleScholen, "verwerkingen": verwerkingen, "optioneel": optioneel, "doelen": doelen, "categorieen": categorieen,
         "bijzonder": bijzonder, "entree": entree, "bewaartermijn": bewaartermijn, "opslag": opslag, "subverwerkers": subverwerkers,
         "doorgifte": doorgifte, "doorgifteLanden": doorgifteLanden, "doorgifteWaarborg": doorgifteWaarborg,
         "doorgifteToelichting": doorgifteToelichting, "contact": contact, "datalek": datalek, "datalekTermijn": datalekTermijn,
         "classificatie": classificatie, "normen": normen, "maatregelen": maatregelen, "overeenkomst": overeenkomst, "versie": versie,
         "datum": datum, "wijzigingen": wijzigingen, "body": body, "heeftOptioneel": heeftOptioneel, "heeftEntree": heeftEntree,
         "heeftSubverwerkers": heeftSubverwerkers, "heeftMaatregelen": heeftMaatregelen, "heeftBody": heeftBody]
    }
}

extension BijsluiterView.PlaceRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["naam": naam, "plaats": plaats, "land": land, "taak": taak, "buitenEER": buitenEER] }
}

extension BijsluiterView.DoelRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["label": label, "tekst": tekst, "punten": punten, "heeftPunten": heeftPunten] }
}

extension BijsluiterView.DoelRow {
    /// Every field as a text, for `SiteContext.sharedFragment`.
    var parts: [String] { [label, tekst.map { "+" + $0 } ?? "-", String(punten.count)] + punten + [String(heeftPunten)] }
}

extension BijsluiterView.PlaceRow {
    /// Every field as a text, for `SiteContext.sharedFragment`.
    var parts: [String] { [naam.map { "+" + $0 } ?? "-", plaats, land, taak.map { "+" + $0 } ?? "-", String(buitenEER)] }
}

extension BijsluiterView.CategoryRow {
    /// Every field as a text, for `SiteContext.sharedFragment`.
    var parts: [String] {
        [String(nummer), label, String(bijzonder), status, String(verwerkt), toelichting.map { "+" + $0 } ?? "-", uitleg,
         String(uitlegPunten.count)] + uitlegPunten + [String(heeftPunten)]
    }
}

extension BijsluiterView.CategoryRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> {
        ["nummer": nummer, "label": label, "bijzonder": bijzonder, "status": status, "verwerkt": verwerkt, "toelichting": toelichting,
         "uitleg": uitleg, "uitlegPunten": uitlegPunten, "heeftPunten": heeftPunten]
    }
}

/// `/scholen/<brin>/`: the products one school uses.
struct SchoolView {
    let naam: String
    let soort: String?
    let brin: String
    let adres: String?
    let website: String?
    let directeur: String?
    let producten: RowList<BijsluitersView.Row>
    let geenProducten: Bool
}

// Listed by hand, like the rows: a view read with `Mirror` costs a conformance scan and a
// demangled type per field the first time, which a short build (the demo board) pays for each.
extension SchoolView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["naam": naam, "soort": soort, "brin": brin, "adres": adres, "website": website, "directeur": directeur, "producten": producten, "geenProducten": geenProducten] }
}

extension BijsluitersView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["rows": rows, "matrix": matrix, "kolommen": kolommen, "leeg": leeg] }
}

enum BijsluiterPages {
    static func categoryRows(_ b: Bijsluiter) -> [BijsluiterView.CategoryRow] {
        zip(Categories.all, categoryExplanations).map { info, uitleg in
            let entry = b.category(info.key)
            var status = "Nee"
            var toelichting: String?
            if case .verwerkt(let text, let optioneel)? = entry?.answer {
                status = optioneel ? "Alleen als de school dit aanzet" : "Ja"
                toelichting = text.value
            }
            return .init(nummer: info.number, label: info.label, bijzonder: info.isSpecial, status: status,
                         verwerkt: entry?.answer.isProcessed ?? false, toelichting: toelichting, uitleg: uitleg.lead,
                         uitlegPunten: uitleg.items, heeftPunten: !uitleg.items.isEmpty)
        }
    }

    /// Each category's explanation from the model, split once: 14 for each of thousands of pages.
    private static let categoryExplanations = Categories.all.map { ModelText($0.explanation) }

    static func row(_ b: Bijsluiter, root: String) -> BijsluitersView.Row {
        let outsideEER = b.countriesOutsideEER
        return .init(product: b.title, href: root + "bijsluiters/\(b.slug)/", verwerker: b.verwerker?.naam.nonBlank ?? "",
              soort: b.soort?.value.dutch ?? "", bijzonder: b.processesSpecialCategories ? "Ja" : "Nee",
              buitenEER: outsideEER.isEmpty ? "Nee" : "Ja: " + outsideEER.map { Countries.dutchName($0) ?? $0 }.joined(separator: ", "),
              versie: b.versie.nonBlank ?? "")
    }

    static func place(_ v: Vestiging) -> BijsluiterView.PlaceRow {
        let code = v.landCode
        return .init(naam: v.naam.nonBlank, plaats: v.plaats.nonBlank ?? "", land: code.flatMap(Countries.dutchName) ?? v.land.nonBlank ?? "",
                     taak: v.taak.nonBlank, buitenEER: code.map { !Countries.isEER($0) } ?? false)
    }

    static func path(of b: Bijsluiter) -> String { path(ofSlug: b.slug) }
    /// The path of the page of a bijsluiter whose slug is `slug`.
    static func path(ofSlug slug: String) -> String { "bijsluiters/\(slug)/" }
    static func lastModified(of b: Bijsluiter) -> SchoolDate? { b.datum?.value }

    static func detail(_ site: SiteContext, _ b: Bijsluiter) -> Page {
        let path = path(of: b)
        let root = SiteContext.root(for: path)
        let isInformatiemiddel = b.soort?.value == .informatiemiddel
        let doelen: [BijsluiterView.DoelRow] = (b.doeleinden ?? []).map {
            switch $0 {
            case .code(let code):
                let info = Doeleinden.info(for: code.value)
                let text = ModelText(isInformatiemiddel ? (info?.informatiemiddelText ?? info?.leermiddelText) : (info?.leermiddelText ?? info?.informatiemiddelText))
                return .init(label: info?.shortLabel ?? code.value, tekst: text.lead.isEmpty ? nil : text.lead,
                             punten: text.items, heeftPunten: !text.items.isEmpty)
            case .eigen(let text):
                return .init(label: text.value, tekst: nil, punten: [], heeftPunten: false)
            }
        }
        let scholen: [LinkView]
        var alle = false
        switch b.scholen {
        case .alle: alle = true; scholen = []
        case .brins(let brins):
            scholen = brins.compactMap { brin in
                let code = brin.value.uppercased()
                guard let index = site.content.scholen.firstIndex(where: { $0.brinCode == code }) else { return nil }
                let school = site.content.scholen[index]
                return LinkView(href: site.hasSchoolPages ? root + SiteContext.schoolPath(school) : root, text: school.naam.nonBlank ?? brin.value)
            }
        case nil: scholen = []
        }
        let sec = b.beveiliging
        let classificatie = sec.map { s in
            [("beschikbaarheid", s.beschikbaarheid), ("integriteit", s.integriteit), ("vertrouwelijkheid", s.vertrouwelijkheid)]
                .compactMap { name, level in level.map { "\(name) \($0.value.rawValue)" } }.joined(separator: ", ")
        }
        let datalek = b.verwerker?.datalek
        let overeenkomst = b.verwerkersovereenkomst.map { o -> String in
            let model = o.model.nonBlank.map { $0 == "eigen" ? "een eigen verwerkersovereenkomst" : "de Model Verwerkersovereenkomst \($0)" } ?? "een verwerkersovereenkomst"
            return o.getekend.map { "De school heeft \(model) getekend op \($0.value.dutch)." } ?? "De school heeft \(model) getekend."
        }
        let body = site.markdown.render(b.body.text)
        let outsideEER = b.countriesOutsideEER
        let view = BijsluiterView(
            product: b.title, soort: b.soort?.value.dutch ?? "", omschrijving: b.omschrijving.nonBlank ?? "",
            verwerker: b.verwerker?.naam.nonBlank ?? "", verwerkerAdres: b.verwerker?.adres?.oneLine,
            verwerkerWebsite: SafeURL.href(b.verwerker?.website.nonBlank),
            gebruikers: b.gebruikers.isEmpty ? nil : b.gebruikers.map(\.value).joined(separator: ", "),
            doelgroep: b.doelgroep.isEmpty ? nil : b.doelgroep.map { $0.value.dutch }.joined(separator: ", "),
            scholen: scholen.map { site.fragment($0, template: "bijsluiter-school") }, alleScholen: alle,
            verwerkingen: site.textRows((b.verwerkingen ?? []).map(\.value), template: "bijsluiter-punt"),
            optioneel: site.textRows((b.optioneleVerwerkingen ?? []).map(\.value), template: "bijsluiter-punt"),
            doelen: doelen.map { site.sharedFragment($0, parts: $0.parts, template: "bijsluiter-doel") },
            categorieen: categoryRows(b).map { site.sharedFragment($0, parts: $0.parts, template: "bijsluiter-categorie") },
            bijzonder: b.processesSpecialCategories, entree: site.textRows(b.entreeAttributen.map(\.value), template: "bijsluiter-entree"),
            bewaartermijn: b.bewaartermijn.nonBlank ?? "", opslag: b.opslag.map { site.sharedFragment(place($0), parts: place($0).parts, template: "bijsluiter-opslag") },
            subverwerkers: b.subverwerkers.map { site.sharedFragment(place($0), parts: place($0).parts, template: "bijsluiter-subverwerker") },
            doorgifte: !outsideEER.isEmpty,
            doorgifteLanden: outsideEER.isEmpty ? nil : outsideEER.map(Countries.dutchNameInSentence).joined(separator: ", "),
            doorgifteWaarborg: b.doorgifte?.waarborg?.value.dutch, doorgifteToelichting: b.doorgifte?.toelichting.nonBlank,
            contact: ContactView(b.verwerker?.contact),
            datalek: datalek.map { ContactView(naam: nil, functie: nil, email: SafeURL.mailto($0.email.nonBlank), telefoon: $0.telefoon.nonBlank, telefoonHref: SafeURL.tel($0.telefoon.nonBlank)) },
            datalekTermijn: datalek?.termijn.nonBlank, classificatie: classificatie,
            normen: sec.flatMap { $0.normen.isEmpty ? nil : $0.normen.map(\.value).joined(separator: ", ") },
            maatregelen: site.textRows(sec?.maatregelen.map(\.value) ?? [], template: "bijsluiter-punt"), overeenkomst: overeenkomst, versie: b.versie.nonBlank,
            datum: DateView(b.datum), wijzigingen: ChangeList.views(b.wijzigingen, document: nil, href: nil).map { site.fragment($0, template: "wijziging") },
            body: body, heeftOptioneel: !(b.optioneleVerwerkingen ?? []).isEmpty, heeftEntree: !b.entreeAttributen.isEmpty,
            heeftSubverwerkers: !b.subverwerkers.isEmpty, heeftMaatregelen: !(sec?.maatregelen.isEmpty ?? true),
            heeftBody: !body.trimmedWhitespace.isEmpty)
        return Page(path: path, title: "Privacybijsluiter \(b.title)", template: "bijsluiter", view: view,
                    description: "Welke gegevens \(b.title) verwerkt en waarom", lastModified: lastModified(of: b),
                    sources: [b.file, site.organisatie.file])
    }

    static func overview(_ site: SiteContext) -> Page {
        let path = "bijsluiters/"
        let root = SiteContext.root(for: path)
        let sorted = site.productsByName
        let matrixKind = FragmentKind("matrix", root: root, template: "bijsluiters-matrixrij")
        let cell = [false, true].map { processed in
            site.sharedFragment(BijsluitersView.Cell(verwerkt: processed, tekst: processed ? "ja" : "nee"),
                                parts: [String(processed)], template: "bijsluiters-matrixcel")
        }
        let matrix = sorted.map { product in
            site.fragment(matrixKind, of: product) {
                let b = site.bijsluiter(product)
                return BijsluitersView.MatrixRow(product: b.title, href: root + "bijsluiters/\(b.slug)/", cellen: Categories.all.map { info in
                    cell[b.category(info.key)?.answer.isProcessed ?? false ? 1 : 0]
                })
            }
        }
        let rowKind = FragmentKind("row", root: root, template: "bijsluiters-rij")
        let rows = sorted.map { product in site.fragment(rowKind, of: product) { row(site.bijsluiter(product), root: root) } }
        let view = BijsluitersView(rows: site.rows(rows, at: path + "#rows"), matrix: site.rows(matrix, at: path + "#matrix"),
                                   kolommen: Categories.all.map { .init(nummer: $0.number, label: $0.label) }, leeg: sorted.isEmpty)
        return Page(path: path, title: "Digitale producten en privacybijsluiters", template: "bijsluiters", view: view,
                    description: "Alle digitale leermiddelen en hun privacybijsluiters", lastModified: nil,
                    sources: site.content.bijsluiters.map(\.file))
    }

    /// The page of the school at `index` in the organisation's list.
    static func school(_ site: SiteContext, at index: Int) -> Page {
        let school = site.content.scholen[index]
        let path = SiteContext.schoolPath(school)
        let root = SiteContext.root(for: path)
        let rowKind = FragmentKind("row", root: root, template: "school-rij")
        let producten = site.productsBySchool[index].map { product in
            site.fragment(rowKind, of: product) { row(site.bijsluiter(product), root: root) }
        }
        let naam = school.naam.nonBlank ?? (school.brinCode ?? "School")
        let view = SchoolView(naam: naam, soort: school.soort?.value.dutch, brin: school.brinCode ?? "", adres: school.adres?.oneLine,
                              website: SafeURL.href(school.website.nonBlank), directeur: school.directeur.nonBlank,
                              producten: site.rows(producten, at: path + "#producten"), geenProducten: producten.isEmpty)
        return Page(path: path, title: naam, template: "school", view: view, description: "De digitale producten van \(naam)",
                    lastModified: nil, sources: [site.organisatie.file] + site.content.bijsluiters.map(\.file))
    }
}

/// A model text split into its lead sentence and the "- " items below it (nesting flattened), so
/// pages can show the items as a list instead of one run-on line.
struct ModelText {
    let lead: String
    let items: [String]

    /// The text split into its lead and list: from the model texts parsed once (every bijsluiter
    /// page shows 14 category explanations and its purposes), or parsed now.
    init(_ text: String?) {
        if let text, let known = Self.known[text] {
            self = known
        } else {
            self.init(parsing: text)
        }
    }

    private init(parsing text: String?) {
        let lines = (text ?? "").split(separator: "\n").map { $0.trimmedWhitespaceSubstring }
        lead = lines.filter { !$0.hasPrefix("- ") }.joined(separator: " ")
        items = lines.filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
    }

    /// Every category explanation and purpose text of the model, parsed.
    private static let known: [String: ModelText] = {
        let texts = Categories.all.map(\.explanation) + Doeleinden.all.flatMap { [$0.leermiddelText, $0.informatiemiddelText].compactMap { $0 } }
        return Dictionary(texts.map { ($0, ModelText(parsing: $0)) }, uniquingKeysWith: { first, _ in first })
    }()
}

private extension Substring {
    var trimmedWhitespaceSubstring: String { String(self).trimmedWhitespace }
}
