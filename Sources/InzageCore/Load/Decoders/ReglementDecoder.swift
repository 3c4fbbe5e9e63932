/// Decodes `reglement.md`: front matter, then articles, paragraphs and references from the Markdown.
enum ReglementDecoder {
    static let keys = ["titel", "versie", "vastgesteld", "instemming", "ingangsdatum", "evaluatie", "wijzigingen"]

    static func decode(_ root: YNode, file: String, body: MarkdownBody, sink: DiagnosticSink) -> Reglement? {
        guard let map = MapReader(root, allowed: keys, context: "", sink: sink) else { return nil }
        let instemming = map.map("instemming", allowed: ["orgaan", "datum"])
        let parsed = ReglementParser.parse(body)
        return Reglement(
            file: file, titel: map.text("titel"), versie: map.text("versie"), vastgesteld: map.date("vastgesteld"),
            instemmingOrgaan: instemming?.text("orgaan"), instemmingDatum: instemming?.date("datum"),
            instemmingKey: map.keyLocation("instemming"), ingangsdatum: map.date("ingangsdatum"),
            evaluatie: map.date("evaluatie"), wijzigingen: CommonDecoders.wijzigingen(map), body: body,
            articles: parsed.articles, references: parsed.references, location: map.location, endLocation: map.endLocation)
    }
}

/// Finds articles (`## Artikel N Titel`), paragraphs (`### N.M Titel`, lines starting `N.M.`) and
/// references ("artikel 6.3.1", "artikel 5 lid 2") in the reglement's Markdown, with their lines.
public enum ReglementParser {
    nonisolated(unsafe) static let articleHeading = #/^##\s+[Aa]rtikel\s+(\d+)\.?(?:\s+(.*))?$/#
    nonisolated(unsafe) static let paragraphHeading = #/^###\s+(\d+(?:\.\d+)+)\.?(?:\s+(.*))?$/#
    nonisolated(unsafe) static let paragraphLine = #/^(\d+(?:\.\d+)+)\.\s+(.*)$/#
    nonisolated(unsafe) static let reference = #/[Aa]rtikel(?:en)?\s+(\d+(?:\.\d+)*)(?:\s+lid\s+(\d+))?/#
    /// A heading's text on the page: an article ("Artikel 4 …") and a paragraph ("4.3 …").
    nonisolated(unsafe) static let articleTitle = #/[Aa]rtikel\s+(\d+).*/#
    nonisolated(unsafe) static let paragraphTitle = #/(\d+(?:\.\d+)+)\.?(?:\s.*)?/#
    /// What a line must hold for `reference` to match in it: most lines do not.
    static let referenceWord = ASCIIScan.Needles(["artikel"])

    /// Words after a reference that show it points into another law, not into this reglement.
    static let otherLaw = ["avg", "van de avg", "uavg", "van de uavg", "wet", "van de wet", "wpo", "wvo", "web", "wec",
                           "bekostigingsbesluit", "van het bekostigingsbesluit", "grondwet", "van de grondwet", "lid 1 avg",
                           "awb", "van de awb", "bw", "burgerlijk", "telecommunicatiewet", "van de telecommunicatiewet",
                           "archiefwet", "van de archiefwet", "wms", "van de wms", "wetboek", "van het", "van de"]

    /// Whether the words after a reference ("AVG", "van de Wet …") show it is not to this reglement.
    static func pointsIntoOtherLaw(_ after: Substring) -> Bool {
        let words = String(after).trimmedWhitespace.lowercased()
        return otherLaw.contains { words.hasPrefix($0) }
    }

    public static func parse(_ body: MarkdownBody) -> (articles: [Artikel], references: [ArtikelVerwijzing]) {
        var articles: [Artikel] = []
        var references: [ArtikelVerwijzing] = []
        var inFence = false
        for line in body.lines {
            let text = line.value
            if MarkdownBody.isFence(text) {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            // Each pattern is tried only on lines that can match it: headings start with '#',
            // paragraph lines with a digit.
            let first = text.utf8.first ?? 0
            if first == UInt8(ascii: "#"), let heading = ReglementLine.articleHeading(text) {
                articles.append(Artikel(number: Located(String(heading.number), at: at(line, column(of: heading.number.startIndex, in: text))),
                                        title: String(heading.title ?? "").trimmedWhitespace, paragraphs: []))
                continue
            }
            if first == UInt8(ascii: "#"), let heading = ReglementLine.paragraphHeading(text) {
                let lid = Lid(number: Located(String(heading.number), at: at(line, column(of: heading.number.startIndex, in: text))),
                              title: String(heading.title ?? "").trimmedWhitespace, isHeading: true)
                appendParagraph(lid, to: &articles)
            } else if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"), let number = ReglementLine.paragraphLine(text) {
                let lid = Lid(number: Located(String(number), at: at(line, 1)), title: "", isHeading: false)
                appendParagraph(lid, to: &articles)
            }
            for reference in ASCIIScan.containsAny(text, referenceWord) ? ReglementLine.references(in: text) : [] {
                if pointsIntoOtherLaw(text[reference.range.upperBound...]) { continue }
                var number = String(reference.number)
                if let lid = reference.lid { number += ".\(lid)" }
                references.append(ArtikelVerwijzing(number: Located(number, at: at(line, column(of: reference.number.startIndex, in: text))),
                                                    text: String(text[reference.range])))
            }
        }
        return (articles, references)
    }

    private static func appendParagraph(_ lid: Lid, to articles: inout [Artikel]) {
        guard !articles.isEmpty else {
            // A paragraph before the first article still gets numbered and checked: keep it in a nameless article.
            articles.append(Artikel(number: Located("0", at: lid.number.location), title: "", paragraphs: [lid]))
            return
        }
        articles[articles.count - 1].paragraphs.append(lid)
    }

    private static func at(_ line: Located<String>, _ column: Int) -> SourceLocation {
        SourceLocation(file: line.location.file, line: line.location.line, column: column)
    }

    /// Columns count Unicode scalars, as libyaml's do for the front matter.
    private static func column(of index: String.Index, in text: String) -> Int {
        text[text.startIndex..<index].unicodeScalars.count + 1
    }
}
