/// The bevoegd gezag: the verwerkingsverantwoordelijke, its schools, its FG and the site settings.
public struct Organisatie: Sendable {
    public var file: String
    public var naam: Located<String>?
    public var bevoegdGezag: Located<String>?
    public var adres: Adres?
    public var kvk: Located<String>?
    public var website: Located<String>?
    public var contact: Contactpersoon?
    public var fg: Contactpersoon?
    public var fgKey: SourceLocation?
    public var scholen: [School]
    public var scholenKey: SourceLocation?
    public var site: SiteSettings?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// The kinds of school a board can have.
public enum Schoolsoort: String, Sendable, CaseIterable {
    case po, so, sbo, vo, mbo

    public var dutch: String {
        switch self {
        case .po: "basisschool"
        case .so: "school voor speciaal onderwijs"
        case .sbo: "school voor speciaal basisonderwijs"
        case .vo: "school voor voortgezet onderwijs"
        case .mbo: "mbo-instelling"
        }
    }
}

/// One school (vestiging) of the board.
public struct School: Sendable {
    public var naam: Located<String>?
    public var brin: Located<String>?
    public var soort: Located<Schoolsoort>?
    public var adres: Adres?
    public var website: Located<String>?
    public var directeur: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation

    /// The BRIN as written, upper-cased, for comparisons.
    public var brinCode: String? { brin.nonBlank?.uppercased() }
}

/// How the site addresses its readers.
public enum Aanspreekvorm: String, Sendable, CaseIterable {
    case u, je
}

/// Site settings from `organisatie.yaml`.
public struct SiteSettings: Sendable {
    public var url: Located<String>?
    public var titel: Located<String>?
    public var aanspreekvorm: Located<Aanspreekvorm>?
    public var kleur: Located<String>?
    public var logo: Located<String>?
    public var logoAlt: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}
