/// The privacyreglement: front matter and the articles parsed from its Markdown.
public struct Reglement: Sendable {
    public var file: String
    public var titel: Located<String>?
    public var versie: Located<String>?
    public var vastgesteld: Located<SchoolDate>?
    public var instemmingOrgaan: Located<String>?
    public var instemmingDatum: Located<SchoolDate>?
    public var instemmingKey: SourceLocation?
    public var ingangsdatum: Located<SchoolDate>?
    public var evaluatie: Located<SchoolDate>?
    public var wijzigingen: [Wijziging]
    public var body: MarkdownBody
    public var articles: [Artikel]
    public var references: [ArtikelVerwijzing]
    public var location: SourceLocation
    public var endLocation: SourceLocation

    /// Every number that can be referred to: "4", "4.3", "4.3.1".
    public var knownNumbers: Set<String> {
        var result: Set<String> = []
        for article in articles {
            result.insert(article.number.value)
            for paragraph in article.paragraphs { result.insert(paragraph.number.value) }
        }
        return result
    }
}

/// An article: `## Artikel 4 Titel`.
public struct Artikel: Sendable {
    public var number: Located<String>
    public var title: String
    public var paragraphs: [Lid]

    public var anchor: String { ReglementAnchors.anchor(for: number.value) }
}

/// A numbered paragraph: `### 4.3 Titel` or a line starting `4.3.1.`.
public struct Lid: Sendable {
    public var number: Located<String>
    public var title: String
    /// True for `###` headings, false for numbered lines in the text.
    public var isHeading: Bool

    public var anchor: String { ReglementAnchors.anchor(for: number.value) }
}

/// A reference like "artikel 6.3.1" in the reglement's text.
public struct ArtikelVerwijzing: Sendable {
    public var number: Located<String>
    public var text: String
}

/// Anchors for reglement articles and paragraphs: "4.3.1" → "artikel-4-3-1".
public enum ReglementAnchors {
    public static func anchor(for number: String) -> String {
        "artikel-" + number.split(separator: ".").joined(separator: "-")
    }
}
