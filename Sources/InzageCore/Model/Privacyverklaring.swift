/// One processing activity of the privacyverklaring (AVG art. 13(1)(c)).
public struct Verwerking: Sendable {
    public var doel: Located<String>?
    public var grondslag: Located<Grondslag>?
    public var betrokkenen: [Located<String>]
    public var gegevens: [Located<String>]
    public var bewaartermijn: Located<String>?
    public var toestemming: Located<String>?
    public var gerechtvaardigdBelang: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// A recipient named in the privacyverklaring.
public struct Ontvanger: Sendable {
    public var naam: Located<String>?
    public var reden: Located<String>?
    public var location: SourceLocation
}

/// The privacy notice for pupils, parents and staff (AVG art. 13/14).
public struct Privacyverklaring: Sendable {
    public var file: String
    public var titel: Located<String>?
    public var versie: Located<String>?
    public var ingangsdatum: Located<SchoolDate>?
    public var laatstGewijzigd: Located<SchoolDate>?
    public var verwerkingen: [Verwerking]
    public var verwerkingenKey: SourceLocation?
    public var ontvangers: [Ontvanger]
    public var geautomatiseerdeBesluitvorming: Located<String>?
    public var verplichteVerstrekking: Located<String>?
    public var wijzigingen: [Wijziging]
    public var body: MarkdownBody
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// A web form on the school's site.
public struct Formulier: Sendable {
    public var naam: Located<String>?
    public var gegevens: [Located<String>]
    public var bewaartermijn: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// Website statistics settings.
public struct Statistieken: Sendable {
    public var dienst: Located<String>?
    public var land: Located<String>?
    public var ipAnoniem: Located<Bool>?
    public var gegevensDelen: Located<Bool>?
    public var verwerkersovereenkomst: Located<Bool>?
    public var privacybeleid: Located<String>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// The kinds of cookie the privacy statement distinguishes.
public enum CookieSoort: String, Sendable, CaseIterable {
    case functioneel, analytisch, tracking
    case socialeMedia = "sociale-media"
}

/// One cookie of the website.
public struct Cookie: Sendable {
    public var naam: Located<String>?
    public var partij: Located<String>?
    public var soort: Located<CookieSoort>?
    public var doel: Located<String>?
    public var bewaartermijn: Located<String>?
    public var toestemming: Located<Bool>?
    public var location: SourceLocation
    public var endLocation: SourceLocation
}

/// A social network the school is on.
public struct SocialMedium: Sendable {
    public var netwerk: Located<String>?
    public var privacybeleid: Located<String>?
    public var location: SourceLocation
}

/// The privacy statement for website visitors (reglement Bijlage VI).
public struct Privacystatement: Sendable {
    public var file: String
    public var titel: Located<String>?
    public var versie: Located<String>?
    public var datum: Located<SchoolDate>?
    public var formulieren: [Formulier]
    /// nil when `statistieken: geen` or absent.
    public var statistieken: Statistieken?
    public var statistiekenGeen: Bool
    public var cookies: [Cookie]
    public var socialeMedia: [SocialMedium]
    public var wijzigingen: [Wijziging]
    public var body: MarkdownBody
    public var location: SourceLocation
}
