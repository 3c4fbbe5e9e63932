@testable import InzageCore
import Testing

/// Views that list their fields by hand must list every stored property, under its own name:
/// a field left out renders as empty text without any error.
@Suite("MustacheFields")
struct MustacheFieldsTests {
    static var samples: [any MustacheFields] { [
        DateView(SchoolDate(year: 2026, month: 9, day: 1)!),
        LinkView(href: "/a/", text: "A", external: true, current: true),
        ContactView(naam: "N", functie: "F", email: "e@x.nl", telefoon: "1", telefoonHref: "tel:1"),
        ChangeView(document: "D", documentHref: "/d/", versie: "1", datum: nil, samenvatting: "S"),
        SiteTexts(.je),
        PageContext(t: SiteTexts(.u), page: "p"),
        LayoutView(title: "T", headTitle: "H", description: "D", siteTitle: "S", organisatie: "O", root: "../", homeHref: "../",
                   stylesheet: "s.css", kleur: "#000000", canonical: "https://x.nl/", feedHref: "f", nav: [], footerLinks: [], fg: nil,
                   contactHref: "c", logo: "l", logoAlt: "a", body: "<p>b</p>", gewijzigd: nil, t: SiteTexts(.u)),
        BijsluitersView.Row(product: "P", href: "/p/", verwerker: "V", soort: "S", bijzonder: "nee", buitenEER: "nee", versie: "1"),
        BijsluitersView.MatrixRow(product: "P", href: "/p/", cellen: []),
        BijsluitersView.Cell(verwerkt: true, tekst: "ja"),
        BijsluitersView.Header(nummer: 1, label: "L"),
        BijsluiterView.CategoryRow(nummer: 1, label: "L", bijzonder: false, status: "S", verwerkt: true, toelichting: "T", uitleg: "U",
                                   uitlegPunten: [], heeftPunten: false),
        BijsluiterView.PlaceRow(naam: "N", plaats: "P", land: "L", taak: "T", buitenEER: true),
        BijsluiterView.DoelRow(label: "L", tekst: "T", punten: ["a"], heeftPunten: true),
        BijsluiterView(product: "P", soort: "S", omschrijving: "O", verwerker: "V", verwerkerAdres: "A", verwerkerWebsite: "W", gebruikers: "G",
                       doelgroep: "D", scholen: [], alleScholen: true, verwerkingen: [], optioneel: [], doelen: [], categorieen: [], bijzonder: false,
                       entree: [], bewaartermijn: "B", opslag: [], subverwerkers: [], doorgifte: false, doorgifteLanden: nil, doorgifteWaarborg: nil,
                       doorgifteToelichting: nil, contact: nil, datalek: nil, datalekTermijn: nil, classificatie: nil, normen: nil, maatregelen: [],
                       overeenkomst: nil, versie: "1", datum: nil, wijzigingen: [], body: "<p>b</p>", heeftOptioneel: false, heeftEntree: false,
                       heeftSubverwerkers: false, heeftMaatregelen: false, heeftBody: true),
        PrivacyverklaringView.OntvangerRow(naam: "N", reden: "R", href: "/n/"),
        PrivacyverklaringView.DoorgifteRow(product: "P", href: "/p/", verwerker: "V", landen: "L", waarborg: "W", toelichting: "T"),
        SitemapView.URLEntry(loc: "https://x.nl/", lastmod: "2026-09-01"),
        FeedView.Entry(id: "i", title: "T", link: "https://x.nl/", updated: "2026-09-01T00:00:00Z", summary: "S", date: "2026-09-01"),
    ] }

    @Test func listsEveryStoredProperty() {
        for view in Self.samples {
            let stored = Mirror(reflecting: view).children.compactMap(\.label)
            #expect(view.mustacheFields.map(\.key) == stored, "\(type(of: view))")
        }
    }

    @Test func convertsLikeReflection() {
        let row = BijsluitersView.MatrixRow(product: "P", href: "/p/", cellen: [.init(verwerkt: true, tekst: "ja")])
        let converted = MustacheValue.convert(row) as? [String: Any]
        #expect(converted?["product"] as? String == "P")
        let cells = converted?["cellen"] as? [Any]
        #expect((cells?.first as? [String: Any])?["tekst"] as? String == "ja")
        let contact = MustacheValue.convert(ContactView(naam: "N", functie: nil, email: nil, telefoon: nil, telefoonHref: nil)) as? [String: Any]
        #expect(contact?.keys.sorted() == ["naam"])
        // A value converted already (a page's context, handed on to its template) stays as it is.
        let twice = MustacheValue.convert(MustacheValue.convert(row)) as? [String: Any]
        #expect(twice?["product"] as? String == "P" && (twice?["cellen"] as? [Any])?.count == 1)
    }

    /// A list converts as its element type says: rows of fields to dictionaries, optionals to their
    /// value or to nothing, lists of lists, and untyped lists element by element.
    @Test func convertsEveryKindOfList() {
        let cells: [BijsluitersView.Cell] = [.init(verwerkt: true, tekst: "ja"), .init(verwerkt: false, tekst: "nee")]
        let rows = MustacheValue.convert(cells) as? [Any]
        #expect(rows?.compactMap { ($0 as? [String: Any])?["tekst"] as? String } == ["ja", "nee"])
        let nested = MustacheValue.convert([cells, []]) as? [Any]
        #expect((nested?.first as? [Any])?.count == 2 && (nested?.last as? [Any])?.isEmpty == true)
        let optionals = MustacheValue.convert([Optional("a"), nil]) as? [Any]
        #expect(optionals?.first as? String == "a")
        #expect(optionals.map { "\($0[1])" } == "nil")
        let mixed = MustacheValue.convert([cells[0] as Any, "t", 3]) as? [Any]
        #expect((mixed?[0] as? [String: Any])?["tekst"] as? String == "ja" && mixed?[1] as? String == "t" && mixed?[2] as? Int == 3)
        let texts = MustacheValue.convert(["a", "b"]) as? [String]
        #expect(texts == ["a", "b"])
    }
}
