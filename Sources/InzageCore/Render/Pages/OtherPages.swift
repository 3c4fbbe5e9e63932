/// `/privacystatement/`: forms, statistics, cookies and social media of the website.
struct PrivacystatementView {
    struct FormRow { let naam: String; let gegevens: String; let bewaartermijn: String }
    struct CookieRow { let naam: String; let partij: String; let soort: String; let doel: String; let bewaartermijn: String; let toestemming: String }
    struct SocialRow { let netwerk: String; let href: String? }
    let body: String
    let versie: String?
    let datum: DateView?
    let formulieren: [FormRow]
    let statistieken: String?
    let statistiekenBeleid: String?
    let cookies: [CookieRow]
    let sociaal: [SocialRow]
    let wijzigingen: [ChangeView]
}

/// `/reglement/`: the reglement with a table of contents and anchors.
struct ReglementView {
    struct TocItem { let href: String; let text: String }
    let body: String
    let toc: [TocItem]
    let versie: String?
    let vastgesteld: DateView?
    let ingangsdatum: DateView?
    let instemming: String?
    let instemmingDatum: DateView?
    let evaluatie: DateView?
}

/// `/fotos-en-video/`: channels and how to change or withdraw consent.
struct FotosView {
    struct Kanaal { let naam: String; let omschrijving: String?; let platforms: String?; let afgeschermd: Bool }
    let schooljaar: String?
    let gevraagdBij: String?
    let kanalen: [Kanaal]
    let intrekkenHoe: String
    let intrekkenEmail: String?
    let uitleg: [String]
}

/// `/contact/`: who is responsible, the FG, rights and the complaint route.
struct ContactPageView {
    let organisatie: String
    let adres: String?
    let contact: ContactView?
    let fg: ContactView?
    let rechten: [RightView]
    let termijn: String
    let klacht: ComplaintView
    let privacyverklaringHref: String
    let scholen: [LinkView]
}

/// `/wijzigingen/`: every change of every document, newest first.
struct WijzigingenView {
    let wijzigingen: RowList<ChangeView>
    let feedHref: String
}

/// `/toegankelijkheid/`: the accessibility statement.
struct ToegankelijkheidView {
    struct Beperking { let criterium: String; let omschrijving: String; let oplossingVoor: DateView? }
    let organisatie: String
    let status: String
    let statusLetter: String
    let onderzoekGepland: DateView?
    let laatsteControle: DateView?
    let methode: String?
    let rapport: String?
    let beperkingen: [Beperking]
    let email: String?
    let goedgekeurd: String?
    let goedgekeurdDatum: DateView?
}

// Listed by hand, like the rows: a view read with `Mirror` costs a conformance scan and a
// demangled type per field the first time, which a short build (the demo board) pays for each.
extension PaginaView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["body": body] }
}

extension PrivacystatementView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["body": body, "versie": versie, "datum": datum, "formulieren": formulieren, "statistieken": statistieken, "statistiekenBeleid": statistiekenBeleid, "cookies": cookies, "sociaal": sociaal, "wijzigingen": wijzigingen] }
}

extension PrivacystatementView.FormRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["naam": naam, "gegevens": gegevens, "bewaartermijn": bewaartermijn] }
}

extension PrivacystatementView.CookieRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["naam": naam, "partij": partij, "soort": soort, "doel": doel, "bewaartermijn": bewaartermijn, "toestemming": toestemming] }
}

extension PrivacystatementView.SocialRow: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["netwerk": netwerk, "href": href] }
}

extension ReglementView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["body": body, "toc": toc, "versie": versie, "vastgesteld": vastgesteld, "ingangsdatum": ingangsdatum, "instemming": instemming, "instemmingDatum": instemmingDatum, "evaluatie": evaluatie] }
}

extension ReglementView.TocItem: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["href": href, "text": text] }
}

extension FotosView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["schooljaar": schooljaar, "gevraagdBij": gevraagdBij, "kanalen": kanalen, "intrekkenHoe": intrekkenHoe, "intrekkenEmail": intrekkenEmail, "uitleg": uitleg] }
}

extension FotosView.Kanaal: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["naam": naam, "omschrijving": omschrijving, "platforms": platforms, "afgeschermd": afgeschermd] }
}

extension ContactPageView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["organisatie": organisatie, "adres": adres, "contact": contact, "fg": fg, "rechten": rechten, "termijn": termijn, "klacht": klacht, "privacyverklaringHref": privacyverklaringHref, "scholen": scholen] }
}

extension WijzigingenView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["wijzigingen": wijzigingen, "feedHref": feedHref] }
}

extension ToegankelijkheidView: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["organisatie": organisatie, "status": status, "statusLetter": statusLetter, "onderzoekGepland": onderzoekGepland, "laatsteControle": laatsteControle, "methode": methode, "rapport": rapport, "beperkingen": beperkingen, "email": email, "goedgekeurd": goedgekeurd, "goedgekeurdDatum": goedgekeurdDatum] }
}

extension ToegankelijkheidView.Beperking: MustacheFields {
    var mustacheFields: KeyValuePairs<String, Any?> { ["criterium": criterium, "omschrijving": omschrijving, "oplossingVoor": oplossingVoor] }
}

/// `/<slug>/`: an extra page.
/// An extra page's view: its body as HTML bytes (`HTMLText`), which its stencil places as they are.
struct PaginaView { let body: HTMLText }

enum OtherPages {
    static func privacystatement(_ site: SiteContext, _ ps: Privacystatement) -> Page {
        let stats = ps.statistieken.map { s -> String in
            var parts = ["Wij meten het gebruik van de website met \(s.dienst.nonBlank ?? "een statistiekendienst")."]
            if let land = s.land.nonBlank { parts.append("De gegevens blijven in \(Countries.dutchName(land.uppercased()) ?? land).") }
            if s.ipAnoniem?.value == true { parts.append("IP-adressen worden anoniem gemaakt.") }
            if s.gegevensDelen?.value == false { parts.append("De gegevens worden met niemand gedeeld.") }
            if s.verwerkersovereenkomst?.value == true { parts.append("Met de leverancier is een verwerkersovereenkomst gesloten.") }
            return parts.joined(separator: " ")
        }
        let view = PrivacystatementView(
            body: site.markdown.render(ps.body.text), versie: ps.versie.nonBlank, datum: DateView(ps.datum),
            formulieren: ps.formulieren.map { .init(naam: $0.naam.nonBlank ?? "", gegevens: $0.gegevens.map(\.value).joined(separator: ", "), bewaartermijn: $0.bewaartermijn.nonBlank ?? "") },
            statistieken: stats ?? (ps.statistiekenGeen ? "Wij houden geen bezoekersstatistieken bij." : nil),
            statistiekenBeleid: SafeURL.href(ps.statistieken?.privacybeleid.nonBlank),
            cookies: ps.cookies.map { .init(naam: $0.naam.nonBlank ?? "", partij: $0.partij.nonBlank ?? "", soort: $0.soort?.value.rawValue ?? "",
                                            doel: $0.doel.nonBlank ?? "", bewaartermijn: $0.bewaartermijn.nonBlank ?? "",
                                            toestemming: $0.toestemming?.value == true ? "Ja" : "Nee") },
            sociaal: ps.socialeMedia.map { .init(netwerk: $0.netwerk.nonBlank ?? "", href: SafeURL.href($0.privacybeleid.nonBlank)) },
            wijzigingen: ChangeList.views(ps.wijzigingen, document: nil, href: nil))
        return Page(path: "privacystatement/", title: ps.titel.nonBlank ?? "Privacy statement", template: "privacystatement", view: view,
                    description: "Welke gegevens de website van bezoekers verwerkt", lastModified: ps.datum?.value, sources: [ps.file])
    }

    /// Gives `<p>4.3.1. …` the id of lid 4.3.1, in one pass over the page (the first paragraph
    /// with a number gets it, so ids stay unique).
    static func anchorParagraphs(_ html: String, anchors: [Substring: String]) -> String {
        var anchors = anchors
        var result = ""
        result.reserveCapacity(html.utf8.count + anchors.count * 24)
        var rest = html[...]
        while let open = rest.firstRange(of: "<p>") {
            result += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            let run = after.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            if run.count > 1, run.last == ".", after.dropFirst(run.count).first == " ", let anchor = anchors.removeValue(forKey: run.dropLast()) {
                result += "<p id=\"\(anchor)\">"
            } else {
                result += "<p>"
            }
            rest = after
        }
        result += rest
        return result
    }

    static func reglement(_ site: SiteContext, _ r: Reglement) -> Page {
        let known = r.knownNumbers
        var renderer = site.markdown
        renderer.headingID = { text in
            if let number = ReglementLine.articleTitle(text) ?? ReglementLine.paragraphTitle(text) { return ReglementAnchors.anchor(for: String(number)) }
            return Slug.suggest(from: text)
        }
        renderer.linker = { text in
            guard ASCIIScan.containsAny(text, ReglementParser.referenceWord) else { return [] }
            return ReglementLine.references(in: text).compactMap { match in
                // "artikel 9 AVG" is an article of the AVG, even when this reglement has an article 9.
                if ReglementParser.pointsIntoOtherLaw(text[match.range.upperBound...]) { return nil }
                var number = String(match.number)
                if let lid = match.lid { number += ".\(lid)" }
                return known.contains(number) ? (match.range, "#" + ReglementAnchors.anchor(for: number)) : nil
            }
        }
        // A numbered line ("4.3.1. …") is a paragraph of its own even straight below another one, so
        // each gets its own anchor: a blank line goes before it.
        let numberedLines = Set(r.articles.flatMap(\.paragraphs).filter { !$0.isHeading }.map(\.number.location.line))
        let markdown = r.body.lines.map { numberedLines.contains($0.location.line) ? "\n" + $0.value : $0.value }.joined(separator: "\n")
        // Numbered paragraphs in the text ("4.3.1. …") get their own anchor, the first one with a number.
        var anchors: [Substring: String] = [:]
        for lid in r.articles.flatMap(\.paragraphs) where !lid.isHeading && anchors[Substring(lid.number.value)] == nil {
            anchors[Substring(lid.number.value)] = lid.anchor
        }
        let html = anchorParagraphs(renderer.render(markdown), anchors: anchors)
        let toc = r.articles.filter { $0.number.value != "0" }.map {
            ReglementView.TocItem(href: "#" + $0.anchor, text: "Artikel \($0.number.value)" + ($0.title.isEmpty ? "" : " \($0.title)"))
        }
        let view = ReglementView(body: html, toc: toc, versie: r.versie.nonBlank, vastgesteld: DateView(r.vastgesteld),
                                 ingangsdatum: DateView(r.ingangsdatum), instemming: r.instemmingOrgaan.nonBlank,
                                 instemmingDatum: DateView(r.instemmingDatum), evaluatie: DateView(r.evaluatie))
        return Page(path: "reglement/", title: r.titel.nonBlank ?? "Privacyreglement", template: "reglement", view: view,
                    description: "Het privacyreglement", lastModified: r.vastgesteld?.value, sources: [r.file])
    }

    static func fotos(_ site: SiteContext, _ ft: Fototoestemming) -> Page {
        let voice = Voice(vorm: site.aanspreekvorm)
        let view = FotosView(
            schooljaar: ft.schooljaar.nonBlank, gevraagdBij: ft.gevraagdBij.nonBlank,
            kanalen: ft.kanalen.map { .init(naam: $0.naam.nonBlank ?? ($0.id.nonBlank ?? ""), omschrijving: $0.omschrijving.nonBlank,
                                            platforms: $0.platforms.isEmpty ? nil : $0.platforms.map(\.value).joined(separator: ", "),
                                            afgeschermd: $0.afgeschermd?.value == true) },
            intrekkenHoe: ft.intrekkenHoe.nonBlank ?? "", intrekkenEmail: SafeURL.mailto(ft.intrekkenEmail.nonBlank),
            uitleg: [
                "Wij vragen per kanaal toestemming. \(voice.Ukunt) dus bijvoorbeeld wel ja zeggen tegen foto's in de nieuwsbrief en nee tegen sociale media.",
                "\(voice.Ukunt) \(voice.uw) keuze altijd veranderen of \(voice.uw) toestemming intrekken. Dat is gratis en er is geen termijn.",
                "Niets laten weten betekent nooit dat \(voice.u) opnieuw toestemming geeft: de keuze die wij hebben vastgelegd blijft gelden.",
                "Na het intrekken plaatsen wij geen nieuwe foto's of video's meer op dat kanaal en halen wij bestaande beelden weg waar dat kan. Wat al eerder met toestemming is gepubliceerd, blijft rechtmatig.",
                "Leerlingen van 16 jaar en ouder beslissen zelf over hun toestemming.",
            ])
        return Page(path: "fotos-en-video/", title: "Foto's en video's", template: "fotos", view: view,
                    description: "Toestemming voor foto's en video's geven, veranderen of intrekken", lastModified: nil, sources: [ft.file])
    }

    static func contact(_ site: SiteContext) -> Page {
        let path = "contact/"
        let root = SiteContext.root(for: path)
        let voice = Voice(vorm: site.aanspreekvorm)
        let org = site.organisatie
        let view = ContactPageView(organisatie: org.naam.nonBlank ?? "", adres: org.adres?.oneLine, contact: ContactView(org.contact),
                                   fg: site.fg, rechten: RightView.all(voice), termijn: RightView.deadline(voice), klacht: ComplaintView(voice),
                                   privacyverklaringHref: root + PrivacyverklaringPage.path,
                                   scholen: site.content.scholen.compactMap { s in
                                       SafeURL.href(s.website.nonBlank).map { LinkView(href: $0, text: s.naam.nonBlank ?? $0, external: true) }
                                   })
        return Page(path: path, title: "Contact en uw rechten".replacingOccurrences(of: "uw", with: voice.uw), template: "contact", view: view,
                    description: "Contact met de school en de functionaris gegevensbescherming", lastModified: nil, sources: [org.file])
    }

    /// Every change of every document, newest first, each as a row fragment made by `make` from
    /// one document's changes (newest first); a bijsluiter's are kept per parse under `kind`.
    /// - Parameter date: the date a row is sorted by (ISO, "" when unknown).
    static func allChanges<Row: ListedChange>(_ site: SiteContext, root: String, kind: String,
                                _ make: ([ChangeView]) -> [ViewFragment<Row>]) -> [ViewFragment<Row>] {
        // Each top-level document's changes, one group each (also when it has none).
        let content = site.content
        let documents = [
            content.privacyverklaring.map { make(ChangeList.views($0.wijzigingen, document: $0.titel.nonBlank ?? "Privacyverklaring", href: root + PrivacyverklaringPage.path)) } ?? [],
            content.privacystatement.map { make(ChangeList.views($0.wijzigingen, document: $0.titel.nonBlank ?? "Privacy statement", href: root + "privacystatement/")) } ?? [],
            content.reglement.map { make(ChangeList.views($0.wijzigingen, document: $0.titel.nonBlank ?? "Privacyreglement", href: root + "reglement/")) } ?? [],
        ]
        let key = kind + "\u{0}" + root
        let rows = { (product: ListedProduct) in
            site.kept(key, of: product) {
                let b = site.bijsluiter(product)
                return make(ChangeList.views(b.wijzigingen, document: "Privacybijsluiter \(b.title)", href: root + "bijsluiters/\(b.slug)/"))
            }
        }
        guard let session = site.session else {
            return SortedChangeRows(documents: documents, products: site.products, rows: rows).rows
        }
        // Under `serve`, the last pass's list with the rows of the changed products put in again.
        var sorted: SortedChangeRows<Row>
        if var last: SortedChangeRows<Row> = session.takeChangeRows(at: key), last.patch(documents: documents, products: site.products, rows: rows) {
            sorted = last
        } else {
            sorted = SortedChangeRows(documents: documents, products: site.products, rows: rows)
        }
        session.keepChangeRows(sorted, at: key)
        return sorted.rows
    }

    static func wijzigingen(_ site: SiteContext) -> Page {
        let path = "wijzigingen/"
        let root = SiteContext.root(for: path)
        return Page(path: path, title: "Wijzigingen", template: "wijzigingen",
                    view: WijzigingenView(wijzigingen: site.rows(allChanges(site, root: root, kind: "changes") {
                        $0.map { site.fragment($0, template: "wijziging") }
                    }, at: path + "#wijzigingen"), feedHref: root + "feed.xml"),
                    description: "Wat er is veranderd in onze privacydocumenten", lastModified: nil,
                    sources: [site.content.privacyverklaring?.file, site.content.privacystatement?.file, site.content.reglement?.file].compactMap { $0 } + site.content.bijsluiters.map(\.file))
    }

    static func toegankelijkheid(_ site: SiteContext, _ t: Toegankelijkheid) -> Page {
        let status = t.status?.value
        let view = ToegankelijkheidView(
            organisatie: site.organisatie.naam.nonBlank ?? "", status: status?.dutch ?? "onbekend", statusLetter: status?.rawValue ?? "",
            onderzoekGepland: DateView(t.onderzoekGepland), laatsteControle: DateView(t.laatsteControle), methode: t.methode.nonBlank,
            rapport: SafeURL.href(t.rapport.nonBlank),
            beperkingen: t.beperkingen.map { .init(criterium: $0.criterium.nonBlank ?? "", omschrijving: $0.omschrijving.nonBlank ?? "", oplossingVoor: DateView($0.oplossingVoor)) },
            email: SafeURL.mailto(t.contactEmail.nonBlank),
            goedgekeurd: t.goedgekeurdDoor.map { [$0.naam.nonBlank, $0.functie.nonBlank].compactMap { $0 }.joined(separator: ", ") },
            goedgekeurdDatum: DateView(t.goedgekeurdDatum))
        return Page(path: "toegankelijkheid/", title: "Toegankelijkheidsverklaring", template: "toegankelijkheid", view: view,
                    description: "Hoe toegankelijk deze website is", lastModified: t.laatsteControle?.value, sources: [t.file])
    }

    static func pagina(_ site: SiteContext, _ p: Pagina) -> Page {
        Page(path: "\(p.slug)/", title: p.titel.nonBlank ?? p.slug, template: "pagina", view: PaginaView(body: site.markdown.renderHTML(p.body.text)),
             description: p.titel.nonBlank ?? p.slug, lastModified: nil, sources: [p.file])
    }
}
