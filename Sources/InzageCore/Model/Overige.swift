/// Whether a retention term is a minimum, a maximum or exact.
public enum TermijnSoort: String, Sendable, CaseIterable { case minimaal, maximaal, precies }

/// A parsed retention period: "5 jaar", "6 maanden".
public struct Duur: Sendable, Hashable {
    public enum Eenheid: String, Sendable { case dagen, weken, maanden, jaar }
    public var aantal: Int
    public var eenheid: Eenheid

    /// Roughly in days, to compare terms.
    public var days: Int {
        switch eenheid {
        case .dagen: aantal
        case .weken: aantal * 7
        case .maanden: aantal * 30
        case .jaar: aantal * 365
        }
    }

    /// Parses "5 jaar", "1 dag", "13 maanden", "2 weken"; nil for open-ended texts.
    public init?(parsing text: String) {
        let words = text.lowercased().split(separator: " ")
        guard words.count == 2, let number = Int(words[0]) ?? Duur.numberWords[String(words[0])], number >= 0 else { return nil }
        switch words[1] {
        case "dag", "dagen": eenheid = .dagen
        case "week", "weken": eenheid = .weken
        case "maand", "maanden": eenheid = .maanden
        case "jaar", "jaren": eenheid = .jaar
        default: return nil
        }
        aantal = number
    }

    static let numberWords: [String: Int] = [
        "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
        "acht": 8, "negen": 9, "tien": 10, "twaalf": 12, "twintig": 20, "dertig": 30,
    ]
}

/// One row of the retention table (reglement Bijlage I-B).
public struct Bewaartermijn: Sendable {
    public var id: Located<String>?
    public var gegevens: Located<String>?
    public var betrokkenen: Located<String>?
    public var termijn: Located<String>?
    public var soort: Located<TermijnSoort>?
    public var ingang: Located<String>?
    public var wettelijk: Located<Bool>?
    public var bron: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation

    public var duur: Duur? { termijn.nonBlank.flatMap(Duur.init(parsing:)) }
}

/// The retention table file.
public struct Bewaartermijnen: Sendable {
    public var file: String
    public var termijnen: [Bewaartermijn]
}

/// One channel photos or videos may be published on; consented to separately.
public struct FotoKanaal: Sendable {
    public var id: Located<String>?
    public var naam: Located<String>?
    public var omschrijving: Located<String>?
    public var platforms: [Located<String>]
    public var afgeschermd: Located<Bool>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// Photo and video consent: channels, withdrawal route and the yearly reminder.
public struct Fototoestemming: Sendable {
    public var file: String
    public var schooljaar: Located<String>?
    public var gevraagdBij: Located<String>?
    public var kanalen: [FotoKanaal]
    public var kanalenKey: SourceLocation?
    public var intrekkenHoe: Located<String>?
    public var intrekkenEmail: Located<String>?
    public var intrekkenKey: SourceLocation?
    public var herinneringDatum: Located<SchoolDate>?
    public var afzender: Contactpersoon?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// A known accessibility problem.
public struct Beperking: Sendable {
    public var criterium: Located<String>?
    public var omschrijving: Located<String>?
    public var oplossingVoor: Located<SchoolDate>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// Compliance status of the Dutch model accessibility statement.
public enum ToegankelijkheidStatus: String, Sendable, CaseIterable {
    case A, B, C, D, E

    public var dutch: String {
        switch self {
        case .A: "voldoet volledig"
        case .B: "voldoet gedeeltelijk"
        case .C: "eerste maatregelen genomen"
        case .D: "geen maatregelen genomen"
        case .E: "niet van toepassing of niet beoordeeld"
        }
    }
}

/// Data for the toegankelijkheidsverklaring.
public struct Toegankelijkheid: Sendable {
    public var file: String
    public var status: Located<ToegankelijkheidStatus>?
    public var onderzoekGepland: Located<SchoolDate>?
    public var laatsteControle: Located<SchoolDate>?
    public var methode: Located<String>?
    public var rapport: Located<String>?
    public var beperkingen: [Beperking]
    public var contactEmail: Located<String>?
    public var goedgekeurdDoor: Contactpersoon?
    public var goedgekeurdDatum: Located<SchoolDate>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// An extra free page from `paginas/`. Its front matter lives in one shared box, as a
/// bijsluiter's fields do: the lists, the rules and the listing key copy 10 000 pages several
/// times, and a copy now costs one reference count for the box instead of one per text.
public struct Pagina: Sendable {
    /// Immutable: a stored `let` of a class is read in place.
    private final class Box: Sendable {
        let slug: String
        let file: String
        let titel: Located<String>?
        let volgorde: Located<Int>?
        let location: SourceLocation

        init(slug: String, file: String, titel: Located<String>?, volgorde: Located<Int>?, location: SourceLocation) {
            self.slug = slug
            self.file = file
            self.titel = titel
            self.volgorde = volgorde
            self.location = location
        }
    }

    private let box: Box
    /// The Markdown body, outside the box: the page without its body (what the lists see) is a
    /// copy of the box and a new body.
    public var body: MarkdownBody

    public init(slug: String, file: String, titel: Located<String>?, volgorde: Located<Int>?, body: MarkdownBody, location: SourceLocation) {
        box = Box(slug: slug, file: file, titel: titel, volgorde: volgorde, location: location)
        self.body = body
    }

    public var slug: String { box.slug }
    public var file: String { box.file }
    public var titel: Located<String>? { box.titel }
    public var volgorde: Located<Int>? { box.volgorde }
    public var location: SourceLocation { box.location }

    /// The page with an empty body: what the pages that list pages see.
    var withoutBody: Pagina {
        var copy = self
        copy.body = MarkdownBody(text: "", firstLine: body.firstLine, file: body.file)
        return copy
    }
}
