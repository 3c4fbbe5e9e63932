import Foundation

/// One channel as the reminder lists it.
struct KanaalView {
    var naam: String
    /// "Instagram en Facebook", or nil when the channel names no platforms.
    var platforms: String?
    /// The channel's description as a sentence, or nil.
    var omschrijving: String?
    var afgeschermd: Bool
}

/// One recorded choice of one pupil.
struct KeuzeView {
    var kanaal: String
    var ja: Bool
}

/// The pupil a personal letter is about.
struct LeerlingView {
    var naam: String
    /// "groep 5", "klas 3B", or the group as the export writes it.
    var groep: String
    var keuzes: [KeuzeView]
    /// The date the pupil turns 16 when that falls in this schooljaar, in full Dutch.
    var zestienOp: String?
}

/// Everything the yearly photo-consent reminder says, decided here so templates only arrange it.
struct FotoReminderView {
    var briefhoofd: LetterHeadView
    var schooljaar: String
    /// How consent was asked, as a phrase: "op het aanmeldformulier", "via Parro".
    var gevraagdBij: String?
    var kanalen: [KanaalView]
    var intrekkenHoe: String
    var intrekkenEmail: String?
    /// Present in a personal letter: the pupil and the choices on file.
    var leerling: LeerlingView?
    /// True when the letter is about one pupil whose age is known: then parents need not be asked
    /// to pass the letter on to a pupil of 16 or older.
    var leeftijdBekend: Bool
    var privacyverklaringURL: String
    var fotosURL: String
    var fgNaam: String
    var fgEmail: String
    var fgTelefoon: String?
    var apURL: String
    var ondertekening: SignatureView
}

/// Who a reminder is addressed to.
enum ReminderAudience: Equatable {
    case ouders
    /// A pupil of 16 or older decides on consent personally (UAVG art. 5).
    case leerling
}

/// The yearly photo-consent reminder (seed 001 ch. 7; AVG art. 7(3)): one letter per school, or one
/// letter per pupil of one school from an administration export.
public enum FotoReminderLetters {
    /// The age from which pupils give or withdraw consent themselves (UAVG art. 5).
    public static let consentAge = 16

    /// The folder under the letters folder: `fototoestemming-<schooljaar>`.
    public static func folder(_ fototoestemming: Fototoestemming) -> String {
        "fototoestemming-" + Slug.suggest(from: fototoestemming.schooljaar.nonBlank ?? "schooljaar")
    }

    /// The date on the letter and for ages: `herinnering.datum`, else today.
    public static func reminderDate(_ content: Content) -> SchoolDate {
        content.fototoestemming?.herinneringDatum?.value ?? content.today
    }

    /// One reminder to the parents of each school of the board.
    public static func schoolLetters(content: Content, templates: TemplateSet) throws -> [Letter] {
        let (organisatie, fototoestemming) = try sources(content)
        let renderer = LetterRenderer(templates: templates)
        let form = organisatie.site?.aanspreekvorm?.value ?? .u
        return try content.scholen.compactMap { school -> Letter? in
            guard let brin = school.brinCode else { return nil }
            let view = try makeView(content: content, organisatie: organisatie, fototoestemming: fototoestemming, school: school, leerling: nil)
            let text = try renderer.render(view, template: templateName(audience: .ouders, form: form))
            return Letter(path: "\(folder(fototoestemming))/\(brin).txt", text: text)
        }
    }

    /// One personal letter per pupil of one school: to the parents, or to the pupil when 16 or older
    /// on the reminder date.
    public static func pupilLetters(content: Content, brin: String, leerlingen: LeerlingenLijst, templates: TemplateSet) throws -> [Letter] {
        let (organisatie, fototoestemming) = try sources(content)
        guard let school = content.scholen.first(where: { $0.brinCode == brin.uppercased() }), let code = school.brinCode else {
            throw LetterError("school '\(brin)' staat niet in organisatie.yaml")
        }
        let renderer = LetterRenderer(templates: templates)
        let form = organisatie.site?.aanspreekvorm?.value ?? .u
        let date = reminderDate(content)
        let digits = max(3, String(leerlingen.leerlingen.count).count)
        var letters: [Letter] = []
        for (index, leerling) in leerlingen.leerlingen.enumerated() {
            let audience = audience(for: leerling, on: date)
            let view = try makeView(content: content, organisatie: organisatie, fototoestemming: fototoestemming, school: school,
                                    leerling: leerlingView(leerling, school: school, kanalen: fototoestemming.kanalen, date: date),
                                    leeftijdBekend: leerling.geboortedatum != nil)
            let text = try renderer.render(view, template: templateName(audience: audience, form: form))
            let number = String(index + 1)
            let padded = String(repeating: "0", count: max(0, digits - number.count)) + number
            letters.append(Letter(path: "\(folder(fototoestemming))/\(code)/\(padded)-\(Slug.suggest(from: leerling.displayName)).txt", text: text))
        }
        return letters
    }

    /// How many letters go to parents and how many to pupils themselves.
    public static func audienceCounts(_ list: LeerlingenLijst, on date: SchoolDate) -> (ouders: Int, leerling: Int) {
        let direct = list.leerlingen.filter { audience(for: $0, on: date) == .leerling }.count
        return (list.leerlingen.count - direct, direct)
    }

    /// Parents, or the pupil at 16 or older on the reminder date. Without a birth date: the parents.
    static func audience(for leerling: Leerling, on date: SchoolDate) -> ReminderAudience {
        guard let born = leerling.geboortedatum else { return .ouders }
        return date.age(bornOn: born) >= consentAge ? .leerling : .ouders
    }

    /// `letters/fototoestemming-ouders-u`, `…-leerling-je`: every text exists in both forms.
    static func templateName(audience: ReminderAudience, form: Aanspreekvorm) -> String {
        "letters/fototoestemming-\(audience == .ouders ? "ouders" : "leerling")-\(form.rawValue)"
    }

    static func sources(_ content: Content) throws -> (Organisatie, Fototoestemming) {
        guard let organisatie = content.organisatie else { throw LetterError("organisatie.yaml ontbreekt in \(content.root)/") }
        guard let fototoestemming = content.fototoestemming else {
            throw LetterError("\(content.root)/fototoestemming.yaml ontbreekt; zonder kanalen en intrekroute kan er geen herinnering worden geschreven")
        }
        return (organisatie, fototoestemming)
    }

    static func makeView(content: Content, organisatie: Organisatie, fototoestemming ft: Fototoestemming, school: School,
                         leerling: LeerlingView?, leeftijdBekend: Bool = false) throws -> FotoReminderView {
        guard let siteURL = organisatie.site?.url.nonBlank else { throw LetterError("site.url ontbreekt in organisatie.yaml; brieven hebben het webadres nodig") }
        guard let fg = FGView(organisatie: organisatie) else { throw LetterError("de FG (naam en e-mail) ontbreekt in organisatie.yaml") }
        guard let hoe = ft.intrekkenHoe.nonBlank else { throw LetterError("intrekken.hoe ontbreekt in fototoestemming.yaml") }
        let links = LetterLinks(siteURL: siteURL)
        let date = reminderDate(content)
        return FotoReminderView(
            briefhoofd: LetterHeadView(school: school, organisatie: organisatie, date: date),
            schooljaar: ft.schooljaar.nonBlank ?? "",
            gevraagdBij: ft.gevraagdBij.nonBlank.map(askedPhrase),
            kanalen: ft.kanalen.map { kanaal in
                KanaalView(naam: kanaal.naam.nonBlank ?? kanaal.id.nonBlank ?? "",
                           platforms: kanaal.platforms.isEmpty ? nil : DutchText.list(kanaal.platforms.map(\.value)),
                           omschrijving: kanaal.omschrijving.nonBlank.map { DutchText.sentence(DutchText.paragraph($0)) },
                           afgeschermd: kanaal.afgeschermd?.value ?? false)
            },
            intrekkenHoe: DutchText.sentence(DutchText.paragraph(hoe)),
            intrekkenEmail: ft.intrekkenEmail.nonBlank,
            leerling: leerling,
            leeftijdBekend: leeftijdBekend,
            privacyverklaringURL: links.privacyverklaring,
            fotosURL: links.fotosEnVideo,
            fgNaam: fg.naam, fgEmail: fg.email, fgTelefoon: fg.telefoon,
            apURL: LetterLinks.autoriteitPersoonsgegevens,
            ondertekening: signature(fototoestemming: ft, school: school, organisatie: organisatie))
    }

    static func leerlingView(_ leerling: Leerling, school: School, kanalen: [FotoKanaal], date: SchoolDate) -> LeerlingView {
        let keuzes = kanalen.compactMap { kanaal -> KeuzeView? in
            guard let id = kanaal.id.nonBlank else { return nil }
            return KeuzeView(kanaal: kanaal.naam.nonBlank ?? id, ja: leerling.keuzes[id] ?? false)
        }
        var zestienOp: String?
        if let born = leerling.geboortedatum, date.age(bornOn: born) < consentAge {
            let birthday = SchoolDate(year: born.year + consentAge, month: born.month, day: born.day)
                ?? SchoolDate(year: born.year + consentAge, month: 3, day: 1)
            let yearEnd = date.schoolYearStart.adding(months: 12)
            if let birthday, birthday < yearEnd { zestienOp = birthday.dutch }
        }
        return LeerlingView(naam: leerling.displayName, groep: groupLabel(leerling.groep, soort: school.soort?.value), keuzes: keuzes, zestienOp: zestienOp)
    }

    /// "5" becomes "groep 5" in primary education and "klas 5" elsewhere; "groep 5" and "H3B" stay.
    static func groupLabel(_ groep: String, soort: Schoolsoort?) -> String {
        guard let first = groep.first, first.isASCIIDigit else { return groep }
        switch soort {
        case .vo, .mbo: return "klas \(groep)"
        default: return "groep \(groep)"
        }
    }

    /// `gevraagd_bij` as a phrase after "U hebt die toestemming gegeven".
    static func askedPhrase(_ text: String) -> String {
        let known: [String: String] = [
            "aanmeldformulier": "op het aanmeldformulier",
            "aanmeldingsformulier": "op het aanmeldingsformulier",
            "inschrijfformulier": "op het inschrijfformulier",
            "inschrijvingsformulier": "op het inschrijvingsformulier",
            "toestemmingsformulier": "op het toestemmingsformulier",
            "aanmelding": "bij de aanmelding",
            "inschrijving": "bij de inschrijving",
            "ouderportaal": "in het ouderportaal",
            "ouderapp": "in de ouderapp",
        ]
        let trimmed = DutchText.paragraph(text)
        if let phrase = known[trimmed.lowercased()] { return phrase }
        let lower = trimmed.lowercased()
        if ["op ", "bij ", "in ", "via ", "met "].contains(where: { lower.hasPrefix($0) }) { return trimmed }
        return "via \(trimmed)"
    }

    /// `herinnering.afzender` signs, except when that is the directeur of another school: a school's
    /// letter is then signed by its own directeur. Without an afzender the school's directeur signs,
    /// and without one the bevoegd gezag.
    static func signature(fototoestemming ft: Fototoestemming, school: School, organisatie: Organisatie) -> SignatureView {
        let schoolNaam = school.naam.nonBlank
        if let afzender = ft.afzender, let naam = afzender.naam.nonBlank {
            let directeurOf = organisatie.scholen.first { $0.directeur.nonBlank == naam }
            if directeurOf == nil {
                return SignatureView(naam: naam, functie: afzender.functie.nonBlank, instelling: organisatie.naam.nonBlank)
            }
            if directeurOf?.brinCode == school.brinCode {
                return SignatureView(naam: naam, functie: afzender.functie.nonBlank ?? "directeur", instelling: schoolNaam)
            }
        }
        if let directeur = school.directeur.nonBlank {
            return SignatureView(naam: directeur, functie: "directeur", instelling: schoolNaam)
        }
        return SignatureView(naam: organisatie.bevoegdGezag.nonBlank ?? "Het bestuur", functie: nil, instelling: organisatie.naam.nonBlank)
    }
}
