/// Everything loaded from a content folder: the typed documents, the raw YAML trees (for
/// rules over every text value) and the source text of each file (for excerpts).
public struct Content: Sendable {
    public var organisatie: Organisatie?
    public var privacyverklaring: Privacyverklaring?
    public var privacystatement: Privacystatement?
    public var reglement: Reglement?
    public var bewaartermijnen: Bewaartermijnen?
    public var fototoestemming: Fototoestemming?
    public var toegankelijkheid: Toegankelijkheid?
    public var bijsluiters: [Bijsluiter] = []
    public var paginas: [Pagina] = []
    /// Files under `bestanden/`, relative to it, copied as they are.
    public var bestanden: [String] = []
    /// The YAML tree of every file that had one, by display path.
    public var yamlTrees: [String: YNode] = [:]
    /// The Markdown bodies of every document, for text rules.
    public var bodies: [MarkdownBody] = []
    /// Every file's texts, split once for all text rules.
    var textFileCache: [TextValues.File]?
    /// The text of every file that was read, by display path.
    public var sources: [String: String] = [:]
    /// Under `serve`: a fingerprint of each bijsluiter and page without its body, by file, made
    /// once per parse of the file (see `bodylessFingerprint(of:)`).
    var bodylessFingerprints: [String: ViewFingerprint] = [:]
    /// Under `serve`: each bijsluiter as the listing pages see it (`Bijsluiter.listed`) with its
    /// fingerprint, by file, made once per parse of the file.
    var listedBijsluiters: [String: ListedBijsluiter] = [:]
    /// Keys written with a value the loader refused; rules' "ontbreekt" findings for them are dropped.
    public var invalidValues: [InvalidValue] = []
    /// The content folder as given by the user.
    public var root: String = "content"
    /// "Today", fixed for the whole run.
    public var today: SchoolDate

    public init(today: SchoolDate) {
        self.today = today
    }

    public var scholen: [School] { organisatie?.scholen ?? [] }

    /// What the pages that list products and the rules across documents read of `b`.
    func bodylessFingerprint(of b: Bijsluiter) -> ViewFingerprint {
        bodylessFingerprints[b.file] ?? ViewFingerprint(b.withoutBody)
    }

    /// What the listing pages read of `b`.
    func listedFingerprint(of b: Bijsluiter) -> ViewFingerprint {
        listedBijsluiters[b.file]?.fingerprint ?? ViewFingerprint(b.listed)
    }

    /// `b` as the listing pages see it.
    func listed(_ b: Bijsluiter) -> Bijsluiter {
        listedBijsluiters[b.file]?.bijsluiter ?? b.listed
    }

    func bodylessFingerprint(of p: Pagina) -> ViewFingerprint {
        bodylessFingerprints[p.file] ?? ViewFingerprint(p.withoutBody)
    }

    /// Adds the top-level documents, sources, trees and bodies of `part` (a content that holds
    /// one document as the loader read it).
    mutating func take(_ part: Content) {
        organisatie = part.organisatie ?? organisatie
        privacyverklaring = part.privacyverklaring ?? privacyverklaring
        privacystatement = part.privacystatement ?? privacystatement
        reglement = part.reglement ?? reglement
        bewaartermijnen = part.bewaartermijnen ?? bewaartermijnen
        fototoestemming = part.fototoestemming ?? fototoestemming
        toegankelijkheid = part.toegankelijkheid ?? toegankelijkheid
        sources.merge(part.sources) { _, new in new }
        yamlTrees.merge(part.yamlTrees) { _, new in new }
        bodies += part.bodies
    }

    /// A bijsluiter by slug.
    public func bijsluiter(_ slug: String) -> Bijsluiter? { bijsluiters.first { $0.slug == slug } }

}

/// A bijsluiter as the listing pages see it (`Bijsluiter.listed`), with its fingerprint: made
/// together, from one parse of its file.
struct ListedBijsluiter: Sendable {
    let bijsluiter: Bijsluiter
    let fingerprint: ViewFingerprint

    init(_ b: Bijsluiter) {
        bijsluiter = b.listed
        fingerprint = ViewFingerprint(bijsluiter)
    }
}
