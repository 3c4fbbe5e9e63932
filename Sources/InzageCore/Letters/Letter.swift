import Foundation

/// A finished letter: where it goes under the letters folder and its wrapped text.
public struct Letter: Sendable, Equatable {
    /// Relative to the letters folder, with `/` separators.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Why letters cannot be made from otherwise valid content (a missing file or setting).
public struct LetterError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The site addresses letters link to; the same paths the site build writes.
public struct LetterLinks: Sendable {
    /// The site root, always ending in `/`.
    public var root: String

    public init(siteURL: String) {
        root = siteURL.hasSuffix("/") ? siteURL : siteURL + "/"
    }

    public var privacyverklaring: String { root + "privacyverklaring/" }
    public var fotosEnVideo: String { root + "fotos-en-video/" }
    public func bijsluiter(_ slug: String) -> String { root + "bijsluiters/\(slug)/" }
    public func school(brin: String) -> String { root + "scholen/\(brin.lowercased())/" }

    /// The complaint route of AVG art. 77.
    public static let autoriteitPersoonsgegevens = "https://autoriteitpersoonsgegevens.nl"
}

/// The sender block at the top of a letter.
struct LetterHeadView {
    var school: String
    var adresRegels: [String]
    var organisatie: String?
    var plaatsDatum: String

    init(school: School, organisatie: Organisatie, date: SchoolDate) {
        self.school = school.naam.nonBlank ?? organisatie.naam.nonBlank ?? ""
        var lines: [String] = []
        if let straat = school.adres?.straat.nonBlank { lines.append(straat) }
        let city = [school.adres?.postcode.nonBlank, school.adres?.plaats.nonBlank].compactMap { $0 }.joined(separator: " ")
        if !city.isEmpty { lines.append(city) }
        adresRegels = lines
        // The board's name under the school's, so parents see who is responsible (AVG 13(1)(a)).
        let board = organisatie.naam.nonBlank
        self.organisatie = board == self.school ? nil : board
        let place = school.adres?.plaats.nonBlank ?? organisatie.adres?.plaats.nonBlank
        plaatsDatum = place.map { "\($0), \(date.dutch)" } ?? date.dutch
    }
}

/// Who signs: a name and up to two lines under it.
struct SignatureView {
    var naam: String
    var functie: String?
    var instelling: String?
}

/// The FG and the complaint route, as every letter ends.
struct FGView {
    var naam: String
    var email: String
    var telefoon: String?

    init?(organisatie: Organisatie) {
        guard let fg = organisatie.fg, let naam = fg.naam.nonBlank, let email = fg.email.nonBlank else { return nil }
        // "mw." at the end of one line and "drs. H. Koçak" on the next reads as two people.
        self.naam = TextWrapper.keepingTogether(naam)
        self.email = email
        telefoon = fg.telefoon.nonBlank
    }
}

/// Small Dutch text helpers shared by the letter view models.
enum DutchText {
    /// "a", "a en b", "a, b en c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " en " + (items.last ?? "")
        }
    }

    /// The text as a sentence: trimmed, ending in `.`, `!` or `?`.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last else { return trimmed }
        return ".!?".contains(last) ? trimmed : trimmed + "."
    }

    /// Joins the lines of a multi-line YAML value into one paragraph.
    static func paragraph(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Renders a letter view with a template and turns it into wrapped plain text.
struct LetterRenderer {
    var templates: TemplateSet

    func render(_ view: Any, template: String) throws -> String {
        TextWrapper.format(try templates.render(view, with: template))
    }
}
