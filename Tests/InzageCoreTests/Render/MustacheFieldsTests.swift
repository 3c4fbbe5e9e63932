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
        PageContext(t: SharedView(SiteTexts(.u)), page: "p"),
        LayoutView(title: "T", headTitle: "H", description: "D", siteTitle: "S", organisatie: "O", root: "../", homeHref: "../",
                   stylesheet: "s.css", kleur: "#000000", canonical: "https://x.nl/", feedHref: "f", nav: MenuRows([]), footerLinks: MenuRows([]), fg: nil,
                   contactHref: "c", logo: "l", logoAlt: "a", body: "<p>b</p>", gewijzigd: nil, t: SharedView(SiteTexts(.u))),
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
            // The layout's view lists its frame's fields (`LayoutFrame`) among its own.
            if let frame = Mirror(reflecting: view).children.first(where: { $0.value is LayoutFrame })?.value {
                let expanded = stored.filter { $0 != "frame" } + Mirror(reflecting: frame).children.compactMap(\.label)
                #expect(view.mustacheFields.map(\.key).sorted() == expanded.sorted(), "\(type(of: view))")
                continue
            }
            #expect(view.mustacheFields.map(\.key) == stored, "\(type(of: view))")
        }
    }

    /// What the conversion notes of each field is what a cast finds: stencil shapes go by it.
    @Test func eachFieldsKindIsWhatACastFinds() {
        for view in Self.samples {
            guard let converted = MustacheValue.convert(view) as? ConvertedView else {
                Issue.record("\(type(of: view)) is not converted to fields")
                continue
            }
            for (position, name) in converted.names.enumerated() {
                let value = converted.fields[name] as Any
                #expect(converted.kind(at: position, value: value) == ConvertedView.Kind(of: value), "\(type(of: view)).\(name)")
                // Its value by place is its value by name.
                #expect(converted.value(at: position).map { ViewFingerprint($0) } == ViewFingerprint(value), "\(type(of: view)).\(name)")
            }
        }
        let doel = MustacheValue.convert(BijsluiterView.DoelRow(label: "L", tekst: nil, punten: [], heeftPunten: false)) as? ConvertedView
        let kinds = doel.map { view in view.names.indices.map { view.kind(at: $0, value: view.fields[view.names[$0]] as Any) } }
        #expect(kinds == [.text, .absent, .texts, .flag(false)])
    }

    /// A view every page shows is converted once, and reads as its view does.
    @Test func aSharedViewIsConvertedOnceAndReadsAsItsView() {
        let texts = SiteTexts(.je)
        let shared = SharedView(texts)
        let first = MustacheValue.convert(PageContext(t: shared, page: "p")) as? ConvertedView
        let second = MustacheValue.convert(PageContext(t: shared, page: "q")) as? ConvertedView
        #expect(first?.child(named: "t") as? ConvertedView === second?.child(named: "t") as? ConvertedView)
        let fields = (first?.child(named: "t") as? ConvertedView)?.fields
        #expect(fields?["contactEnRechten"] as? String == "Contact en je rechten")
        #expect(fields?.keys.sorted() == (MustacheValue.convert(texts) as? ConvertedView)?.fields.keys.sorted())
        #expect(ViewFingerprint(shared) == ViewFingerprint(texts))
    }

    @Test func convertsLikeReflection() {
        let row = BijsluiterView.DoelRow(label: "P", tekst: nil, punten: ["ja"], heeftPunten: true)
        let converted = (MustacheValue.convert(row) as? ConvertedView)?.fields
        #expect(converted?["label"] as? String == "P")
        #expect(converted?["punten"] as? [String] == ["ja"])
        // A field without a value is there, as an absent value: Mustache does not look for it further out.
        let contact = (MustacheValue.convert(ContactView(naam: "N", functie: nil, email: nil, telefoon: nil, telefoonHref: nil)) as? ConvertedView)?.fields
        #expect(contact?.keys.sorted() == ["email", "functie", "naam", "telefoon", "telefoonHref"])
        #expect(contact?["naam"] as? String == "N" && contact?["email"] is AbsentValue)
        // A value converted already (a page's context, handed on to its template) stays as it is.
        let once = MustacheValue.convert(row) as? ConvertedView
        let twice = MustacheValue.convert(once as Any) as? ConvertedView
        #expect(twice === once)
        // What swift-mustache asks of a view: a field by name, nothing for a name it does not have.
        #expect(twice?.child(named: "label") as? String == "P" && (twice?.child(named: "punten") as? [String])?.count == 1)
        #expect(twice?.child(named: "tekst") is AbsentValue && twice?.child(named: "titel") == nil)
    }

    /// A text, flag or number converts as itself, also when an optional holds it (told from
    /// views by its type first, an optional is converted as what it holds), and an empty
    /// optional as an absent value.
    @Test func textsFlagsAndNumbersConvertAsThemselvesWrappedOrNot() {
        let fields: KeyValuePairs<String, Any?> = [
            "text": "t", "flag": true, "number": 3,
            "wrappedText": Optional("w") as Any, "wrappedFlag": Optional(false) as Any, "wrappedNumber": Optional(4) as Any,
            "empty": Optional<String>.none as Any, "view": DateView(SchoolDate(year: 2026, month: 9, day: 1)!),
        ]
        let view = MustacheValue.convert(fields)
        let kinds = view.names.indices.map { index in view.value(at: index).map { view.kind(at: index, value: $0) } }
        #expect(kinds == [.text, .flag(true), .number(3), .text, .flag(false), .number(4), .absent, .view])
        #expect(view.value(at: 0) as? String == "t" && view.value(at: 3) as? String == "w")
        #expect(view.value(at: 4) as? Bool == false && view.value(at: 5) as? Int == 4 && view.value(at: 6) is AbsentValue)
    }

    /// A list converts as its element type says: rows of fields to converted views, optionals to their
    /// value or to nothing, lists of lists, and untyped lists element by element.
    @Test func convertsEveryKindOfList() {
        let cells: [BijsluitersView.Cell] = [.init(verwerkt: true, tekst: "ja"), .init(verwerkt: false, tekst: "nee")]
        let rows = MustacheValue.convert(cells) as? [Any]
        #expect(rows?.compactMap { ($0 as? ConvertedView)?.child(named: "tekst") as? String } == ["ja", "nee"])
        let nested = MustacheValue.convert([cells, []]) as? [Any]
        #expect((nested?.first as? [Any])?.count == 2 && (nested?.last as? [Any])?.isEmpty == true)
        let optionals = MustacheValue.convert([Optional("a"), nil]) as? [Any]
        #expect(optionals?.first as? String == "a")
        #expect(optionals.map { "\($0[1])" } == "nil")
        let mixed = MustacheValue.convert([cells[0] as Any, "t", 3]) as? [Any]
        #expect((mixed?[0] as? ConvertedView)?.child(named: "tekst") as? String == "ja" && mixed?[1] as? String == "t" && mixed?[2] as? Int == 3)
        let texts = MustacheValue.convert(["a", "b"]) as? [String]
        #expect(texts == ["a", "b"])
    }

    /// Every view the fixture board's pages show, and every view inside them, lists its own
    /// fields, each stored property under its own name. The walk goes through real views, so a
    /// view added without `MustacheFields` (read with `Mirror`, slower the first time) or a field
    /// left out of a list is caught.
    @Test func everyViewOfTheFixtureBoardListsEveryStoredProperty() throws {
        let run = try TestContent.valid.check()
        let content = run.content
        let organisatie = try #require(content.organisatie)
        let site = SiteContext(content: content, organisatie: organisatie, templates: try TemplateSet(override: nil))
        var views: [Any] = SiteBuilder.sectionBuilders(content).map { $0.make(site).view }
        views.append(HomePage.make(site, pages: [("contact/", "Contact")]).view)
        views += content.scholen.indices.map { BijsluiterPages.school(site, at: $0).view }
        views += content.bijsluiters.map { BijsluiterPages.detail(site, $0).view }
        views += content.paginas.map { OtherPages.pagina(site, $0).view }
        views.append(FeedBuilder.view(site, entries: FeedBuilder.entries(site)))
        views.append(SitemapView(urls: site.rows([site.fragment(SitemapView.URLEntry(loc: "https://x.nl/", lastmod: nil), template: "sitemap-url")], at: "sitemap.xml#urls")))

        var listed: Set<String> = [], reflected: Set<String> = [], incomplete: Set<String> = []
        func walk(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
                for child in mirror.children { walk(child.value) }
                return
            }
            // Leaves; HTML bytes (an extra page's body) convert themselves to a text.
            if value is String || value is Bool || value is Int || value is HTMLText { return }
            if value is any ConvertedFragment {
                if let view = mirror.children.first(where: { $0.label == "madeView" }) { walk(view.value) }
                return
            }
            let name = String(reflecting: type(of: value))
            if name.hasPrefix("InzageCore.RowList<") {
                // A long list converts itself (as `FragmentRows`); its rows are views like the others.
                if let rows = mirror.children.first(where: { $0.label == "fragments" }) { walk(rows.value) }
                return
            }
            guard let fields = value as? any MustacheFields else {
                reflected.insert(name)
                return
            }
            listed.insert(name)
            if fields.mustacheFields.map(\.key) != mirror.children.compactMap(\.label) { incomplete.insert(name) }
            for (_, field) in fields.mustacheFields { if let field { walk(field) } }
        }
        views.forEach(walk)
        #expect(incomplete.isEmpty, "\(incomplete.sorted())")
        #expect(reflected.isEmpty, "\(reflected.sorted())")
        // The walk reached the views of every kind of page, and the rows inside them.
        for view in ["PrivacyverklaringView", "BijsluitersView", "FotosView", "ReglementView", "BewaartermijnenView", "PrivacystatementView",
                     "ContactPageView", "WijzigingenView", "HomeView", "SchoolView", "BijsluiterView", "PaginaView", "FeedView", "SitemapView",
                     "ToegankelijkheidView", "VerwerkingRow", "TocItem", "Kanaal", "RightView", "ComplaintView", "FormRow", "CookieRow",
                     "SocialRow", "Beperking", "BewaartermijnenView.Row", "MatrixRow", "ChangeView"] {
            #expect(listed.contains { $0.hasSuffix("." + view) }, "\(view) was not reached")
        }
    }
}
