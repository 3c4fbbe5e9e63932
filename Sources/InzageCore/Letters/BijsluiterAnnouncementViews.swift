import Foundation

/// One category of data the product processes.
struct CategorieView {
    var label: String
    var toelichting: String
    /// Processed only when the school switches it on.
    var optioneel: Bool
}

/// A subverwerker as the letter lists it.
struct SubverwerkerView {
    var naam: String
    /// "Luxemburg", "San Francisco (Verenigde Staten)".
    var plaats: String?
    var taak: String?
}

/// One line of the change history.
struct WijzigingView {
    var versie: String
    var datum: String?
    var samenvatting: String
}

/// Everything an announcement of a new or changed bijsluiter says (VWO art. 14.3; anchors-domain §4.3).
struct BijsluiterAnnouncementView {
    var briefhoofd: LetterHeadView
    var nieuw: Bool
    var gewijzigd: Bool
    var product: String
    var verwerker: String
    /// "een digitaal leermiddel", decided from `soort`.
    var soort: String
    var omschrijving: String?
    var doelen: [String]
    var heeftDoelen: Bool
    var gebruikers: String?
    var categorieen: [CategorieView]
    var geenCategorieen: Bool
    /// "medische gegevens en godsdienst", or nil when none are processed (optional ones included).
    var bijzondereGegevens: String?
    /// The special categories that are always processed, or nil.
    var bijzondereVast: String?
    /// The special categories processed only when the school switches them on (`optioneel: true`), or nil.
    var bijzondereOptioneel: String?
    var bsn: Bool
    /// "Amsterdam (Nederland) en Frankfurt am Main (Duitsland)".
    var opslag: String?
    var subverwerkers: [SubverwerkerView]
    var heeftSubverwerkers: Bool
    /// Countries outside the EER, "Verenigde Staten", or nil when everything stays inside.
    var buitenEER: String?
    var waarborg: String?
    var doorgifteToelichting: String?
    var bewaartermijn: String
    /// "het Model Verwerkersovereenkomst 3.0 van het Convenant Digitale Onderwijsmiddelen en Privacy".
    var overeenkomstModel: String?
    var overeenkomstGetekend: String?
    var versie: String?
    var datum: String?
    /// "versie 1.1 van 2 november 2026".
    var versieTekst: String?
    var wijzigingen: [WijzigingView]
    var bijsluiterURL: String
    /// The school's page on the site, when the board has more than one school.
    var schoolURL: String?
    var privacyverklaringURL: String
    var fgNaam: String
    var fgEmail: String
    var fgTelefoon: String?
    var apURL: String
    var ondertekening: SignatureView
}

/// Which bijsluiters to announce.
public enum BijsluiterSelection: Sendable {
    /// These slugs; a bijsluiter with more than one version is announced as changed, with its newest change.
    case slugs([String])
    /// Every bijsluiter with a version dated on or after this date, with the changes since then.
    case changedSince(SchoolDate)
}

/// Announcement letters for new or changed bijsluiters: one per product per school that uses it.
public enum BijsluiterAnnouncements {
    /// The folder under the letters folder for one product.
    public static func folder(slug: String) -> String { "bijsluiter-\(slug)" }

    /// The selected bijsluiters, or a Dutch message naming a slug that does not exist.
    public static func select(_ selection: BijsluiterSelection, in content: Content) throws -> [(Bijsluiter, [Wijziging], Bool)] {
        switch selection {
        case .slugs(let slugs):
            return try slugs.map { slug in
                guard let bijsluiter = content.bijsluiter(slug) else {
                    let slugs = content.bijsluiters.map(\.slug).sorted()
                    let close = EditDistance.suggestion(for: slug, among: slugs) ?? slugs.first { $0.hasPrefix(slug) || slug.hasPrefix($0) }
                    let hint = close.map { " (bedoelde u '\($0)'?)" } ?? ""
                    throw LetterError("er is geen bijsluiter '\(slug)' in \(content.root)/bijsluiters/\(hint)")
                }
                let history = sortedHistory(bijsluiter)
                let changed = history.count > 1
                return (bijsluiter, changed ? Array(history.prefix(1)) : [], changed)
            }
        case .changedSince(let date):
            return content.bijsluiters.sorted { $0.slug < $1.slug }.compactMap { bijsluiter in
                let history = sortedHistory(bijsluiter)
                let newer = history.filter { ($0.datum?.value ?? .distantPast) >= date }
                let versionDate = bijsluiter.datum?.value ?? history.first?.datum?.value
                guard !newer.isEmpty || (versionDate.map { $0 >= date } ?? false) else { return nil }
                // Changed when an earlier version existed before the date; otherwise it is new.
                let older = history.contains { ($0.datum?.value ?? .distantPast) < date }
                return (bijsluiter, older ? newer : [], older)
            }
        }
    }

    /// Letters for the selection; products no school uses get none.
    public static func letters(content: Content, selection: BijsluiterSelection, templates: TemplateSet) throws -> [Letter] {
        guard let organisatie = content.organisatie else { throw LetterError("organisatie.yaml ontbreekt in \(content.root)/") }
        let renderer = LetterRenderer(templates: templates)
        let form = organisatie.site?.aanspreekvorm?.value ?? .u
        var letters: [Letter] = []
        for (bijsluiter, changes, changed) in try select(selection, in: content) {
            for school in content.scholen {
                guard let brin = school.brinCode, bijsluiter.isUsed(byBRIN: brin) else { continue }
                let view = try makeView(content: content, organisatie: organisatie, bijsluiter: bijsluiter, school: school,
                                        changes: changes, changed: changed)
                let text = try renderer.render(view, template: "letters/bijsluiter-\(form.rawValue)")
                letters.append(Letter(path: "\(folder(slug: bijsluiter.slug))/\(brin).txt", text: text))
            }
        }
        return letters
    }

    /// Newest first, by date; entries without a date keep their place at the end.
    static func sortedHistory(_ bijsluiter: Bijsluiter) -> [Wijziging] {
        bijsluiter.wijzigingen.enumerated().sorted { a, b in
            switch (a.element.datum?.value, b.element.datum?.value) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    static func makeView(content: Content, organisatie: Organisatie, bijsluiter: Bijsluiter, school: School,
                         changes: [Wijziging], changed: Bool) throws -> BijsluiterAnnouncementView {
        guard let siteURL = organisatie.site?.url.nonBlank else { throw LetterError("site.url ontbreekt in organisatie.yaml; brieven hebben het webadres nodig") }
        guard let fg = FGView(organisatie: organisatie) else { throw LetterError("de FG (naam en e-mail) ontbreekt in organisatie.yaml") }
        let links = LetterLinks(siteURL: siteURL)

        let doelen: [String] = (bijsluiter.doeleinden ?? []).compactMap { doel in
            switch doel {
            case .code(let code): Doeleinden.info(for: code.value)?.shortLabel
            case .eigen(let text): DutchText.paragraph(text.value).trimmingCharacters(in: CharacterSet(charactersIn: ".; "))
            }
        }
        let categorieen: [CategorieView] = Categories.all.compactMap { info in
            guard let entry = bijsluiter.category(info.key), case .verwerkt(let toelichting, let optioneel) = entry.answer else { return nil }
            return CategorieView(label: letterLabel(info.label), toelichting: DutchText.sentence(DutchText.paragraph(toelichting.value)), optioneel: optioneel)
        }
        let special: [(label: String, optioneel: Bool)] = Categories.all.compactMap { info in
            guard info.isSpecial, let entry = bijsluiter.category(info.key), case .verwerkt(_, let optioneel) = entry.answer else { return nil }
            return (lowercasedFirst(info.label), optioneel)
        }
        let specialFixed = special.filter { !$0.optioneel }.map(\.label)
        let specialOptional = special.filter(\.optioneel).map(\.label)
        let outside = bijsluiter.countriesOutsideEER.map { Countries.dutchName($0) ?? $0 }

        return BijsluiterAnnouncementView(
            briefhoofd: LetterHeadView(school: school, organisatie: organisatie, date: content.today),
            nieuw: !changed,
            gewijzigd: changed,
            product: bijsluiter.title,
            verwerker: bijsluiter.verwerker?.naam.nonBlank ?? "de leverancier",
            soort: soortPhrase(bijsluiter.soort?.value),
            omschrijving: bijsluiter.omschrijving.nonBlank.map { DutchText.sentence(DutchText.paragraph($0)) },
            doelen: doelen,
            heeftDoelen: !doelen.isEmpty,
            gebruikers: bijsluiter.gebruikers.isEmpty ? nil : DutchText.list(bijsluiter.gebruikers.map(\.value)),
            categorieen: categorieen,
            geenCategorieen: categorieen.isEmpty,
            bijzondereGegevens: special.isEmpty ? nil : DutchText.list(special.map(\.label)),
            bijzondereVast: specialFixed.isEmpty ? nil : DutchText.list(specialFixed),
            bijzondereOptioneel: specialOptional.isEmpty ? nil : DutchText.list(specialOptional),
            bsn: bijsluiter.category("bsn")?.answer.isProcessed ?? false,
            opslag: bijsluiter.opslag.isEmpty ? nil : DutchText.list(bijsluiter.opslag.map(placePhrase)),
            subverwerkers: bijsluiter.subverwerkers.map { sub in
                SubverwerkerView(naam: sub.naam.nonBlank ?? "onbekend",
                                 plaats: sub.plaats.nonBlank == nil && sub.landCode == nil ? nil : placePhrase(sub),
                                 taak: sub.taak.nonBlank.map { lowercasedFirst(DutchText.paragraph($0)).trimmingCharacters(in: CharacterSet(charactersIn: ". ")) })
            },
            heeftSubverwerkers: !bijsluiter.subverwerkers.isEmpty,
            buitenEER: outside.isEmpty ? nil : DutchText.list(outside),
            waarborg: outside.isEmpty ? nil : bijsluiter.doorgifte?.waarborg?.value.dutch,
            doorgifteToelichting: outside.isEmpty ? nil : bijsluiter.doorgifte?.toelichting.nonBlank.map { DutchText.sentence(DutchText.paragraph($0)) },
            bewaartermijn: bijsluiter.bewaartermijn.nonBlank.map { DutchText.sentence(DutchText.paragraph($0)) } ?? "De bijsluiter noemt geen bewaartermijn.",
            overeenkomstModel: agreementPhrase(bijsluiter.verwerkersovereenkomst?.model.nonBlank),
            overeenkomstGetekend: bijsluiter.verwerkersovereenkomst?.getekend?.value.dutch,
            versie: bijsluiter.versie.nonBlank,
            datum: bijsluiter.datum?.value.dutch,
            versieTekst: versionPhrase(versie: bijsluiter.versie.nonBlank, datum: bijsluiter.datum?.value),
            wijzigingen: changes.map { change in
                WijzigingView(versie: change.versie.nonBlank ?? "", datum: change.datum?.value.dutch,
                              samenvatting: DutchText.sentence(DutchText.paragraph(change.samenvatting.nonBlank ?? "")))
            },
            bijsluiterURL: links.bijsluiter(bijsluiter.slug),
            schoolURL: content.scholen.count > 1 ? school.brinCode.map(links.school(brin:)) : nil,
            privacyverklaringURL: links.privacyverklaring,
            fgNaam: fg.naam, fgEmail: fg.email, fgTelefoon: fg.telefoon,
            apURL: LetterLinks.autoriteitPersoonsgegevens,
            ondertekening: signature(school: school, organisatie: organisatie))
    }

    /// The model's label without its form leftovers: "Overige gegevens, te weten" reads "Overige gegevens".
    static func letterLabel(_ label: String) -> String {
        var result = label.trimmingCharacters(in: CharacterSet(charactersIn: " …."))
        if result.hasSuffix(", te weten") { result = String(result.dropLast(", te weten".count)) }
        return result
    }

    /// The kind of product in plain words (VWO art. 5.3).
    static func soortPhrase(_ soort: ProductSoort?) -> String {
        switch soort {
        case .leermiddel: "een digitaal leermiddel"
        case .informatiemiddel: "een digitaal systeem voor de administratie van de school"
        case .beide: "een digitaal leermiddel en een systeem voor de administratie van de school"
        case nil: "een digitaal programma"
        }
    }

    /// "Amsterdam (Nederland)", "Verenigde Staten".
    static func placePhrase(_ place: Vestiging) -> String {
        let country = place.landCode.flatMap(Countries.dutchName) ?? place.land.nonBlank
        switch (place.plaats.nonBlank, country) {
        case let (city?, country?): return city.lowercased() == country.lowercased() ? city : "\(city) (\(country))"
        case let (city?, nil): return city
        case let (nil, country?): return country
        default: return "onbekend"
        }
    }

    static func versionPhrase(versie: String?, datum: SchoolDate?) -> String? {
        switch (versie, datum) {
        case let (v?, d?): "versie \(v) van \(d.dutch)"
        case let (v?, nil): "versie \(v)"
        case let (nil, d?): "van \(d.dutch)"
        default: nil
        }
    }

    static func agreementPhrase(_ model: String?) -> String? {
        guard let model, model.lowercased() != "eigen" else { return nil }
        return "het Model Verwerkersovereenkomst \(model) van het Convenant Digitale Onderwijsmiddelen en Privacy"
    }

    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        // Keep names and abbreviations ("AWS", "Hosting" → "hosting", "ISO" stays).
        let firstWord = text.prefix { !$0.isWhitespace }
        if firstWord.dropFirst().contains(where: { $0.isUppercase }) { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// The school's directeur signs; without one, the bevoegd gezag.
    static func signature(school: School, organisatie: Organisatie) -> SignatureView {
        if let directeur = school.directeur.nonBlank {
            return SignatureView(naam: directeur, functie: "directeur", instelling: school.naam.nonBlank)
        }
        return SignatureView(naam: organisatie.bevoegdGezag.nonBlank ?? "Het bestuur", functie: nil, instelling: organisatie.naam.nonBlank)
    }
}

extension SchoolDate {
    /// Earlier than any real date, for sorting entries without one.
    static let distantPast = SchoolDate(year: 1900, month: 1, day: 1)!
}
