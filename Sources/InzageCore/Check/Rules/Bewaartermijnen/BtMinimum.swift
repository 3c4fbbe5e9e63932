/// BT-MIN: no text anywhere promises to delete data sooner than a statutory minimum allows
/// (e.g. "gegevens van leerlingen worden 2 jaar na uitschrijving verwijderd" while in- en
/// uitschrijving must be kept 5 years).
/// Source: seed 002 Bijlage VIII against Bijlage I-B; Bekostigingsbesluit WPO art. 6.
struct BtMinimum: DocumentRule {
    let code = "BT-MIN"
    let severity = Severity.error
    let source = "privacyreglement Bijlage I-B en VIII (seed 002)"

    static let deletionWords = ["verwijder", "vernietig", "gewist", "wissen", "bewaard", "bewaren", "vernietiging", "verwijdering"]
    static let deletionNeedles = ASCIIScan.Needles(deletionWords)
    static let minimumWords = ["minimaal", "ten minste", "tenminste", "minstens", "niet eerder dan"]
    static let minimumNeedles = ASCIIScan.Needles(minimumWords)

    func check(_ content: Content) -> [Diagnostic] {
        guard let table = content.bewaartermijnen else { return [] }
        let minima = table.termijnen.filter { $0.wettelijk?.value == true && $0.soort?.value == .minimaal && $0.duur != nil }
        guard !minima.isEmpty else { return [] }
        // Each minimum's subjects as word stems, made once, not for every sentence.
        struct Minimum {
            let term: Bewaartermijn
            let who: [String], what: [String], start: [String]
            var days: Int { term.duur?.days ?? 0 }
        }
        let subjects = minima.map { Minimum(term: $0, who: RetentionTexts.stems(of: $0.betrokkenen.nonBlank),
                                            what: RetentionTexts.stems(of: $0.gegevens.nonBlank), start: RetentionTexts.stems(of: $0.ingang.nonBlank)) }
        var result: [Diagnostic] = []
        var reported: Set<SourceLocation> = []
        // A verwerker's own retention in a bijsluiter is about its copy, not the school's records.
        let bijsluiterFiles = Set(content.bijsluiters.map(\.file))
        // Only texts that mention deleting or keeping are listed, so few are split into sentences.
        for text in RetentionTexts.all(in: content, skipping: bijsluiterFiles.union([table.file])) {
            for sentence in RetentionTexts.sentences(of: text) {
                let lower = sentence.value.lowercased()
                // The words are ASCII and `lower` holds no capitals: a search of its bytes finds what a
                // search of the string finds, without Foundation's (a privacy site's pages are full of
                // sentences about keeping and deleting).
                guard ASCIIScan.containsAny(lower, Self.deletionNeedles), !ASCIIScan.containsAny(lower, Self.minimumNeedles),
                      let duur = RetentionTexts.firstDuration(in: lower) else { continue }
                // The sentence must be about the same people and the same data or start event.
                let relevant = subjects.filter {
                    RetentionTexts.mentions(lower, stems: $0.who) && (RetentionTexts.mentions(lower, stems: $0.what) || RetentionTexts.mentions(lower, stems: $0.start))
                }
                guard !relevant.isEmpty else { continue }
                // A sentence about data whose own term allows this duration is consistent.
                if relevant.contains(where: { RetentionTexts.mentions(lower, stems: $0.what) && $0.days <= duur.days }) { continue }
                guard let strictest = relevant.max(by: { $0.days < $1.days })?.term,
                      let minimum = strictest.duur, minimum.days > duur.days, reported.insert(sentence.location).inserted else { continue }
                result.append(finding(at: sentence.location,
                                      "deze tekst noemt \(duur.aantal) \(duur.eenheid.rawValue), maar '\(strictest.gegevens.nonBlank ?? strictest.id.nonBlank ?? "")' moet wettelijk minimaal \(strictest.termijn.nonBlank ?? "") worden bewaard",
                                      hint: "pas de tekst aan aan bewaartermijnen.yaml (\(strictest.bron.nonBlank ?? "wettelijke termijn"))"))
            }
        }
        return result
    }
}

/// Texts that can state a retention period (they mention deleting or keeping), split into
/// sentences with their positions.
enum RetentionTexts {
    static func all(in content: Content, skipping skipped: Set<String>) -> [Located<String>] {
        var result: [Located<String>] = []
        // Only texts that mention deleting or keeping are listed (the rule reads no others). Body
        // lines are slices of their files and copied only then; a body that mentions neither has
        // no such line.
        for file in TextValues.files(in: content) where !skipped.contains(file.path) && ASCIIScan.containsAny(file.bodyText, BtMinimum.deletionNeedles) {
            for line in file.lines(where: { ASCIIScan.containsAny(bytes: $0, BtMinimum.deletionNeedles) }) {
                result.append(Located(String(line.value), at: line.location))
            }
        }
        for (path, tree) in content.yamlTrees where !skipped.contains(path) {
            result += tree.allScalars().filter { !$0.isNull && ASCIIScan.containsAny($0.text, BtMinimum.deletionNeedles) }.map { Located($0.text, at: $0.textStart) }
        }
        if let pv = content.privacyverklaring {
            // A verwerking's own term is about its betrokkenen: read them together.
            for v in pv.verwerkingen {
                guard let termijn = v.bewaartermijn, termijn.value.contains(" ") else { continue }
                let who = v.betrokkenen.map(\.value).joined(separator: " ")
                result.append(Located("\(who) bewaard: \(termijn.value)", at: termijn.location))
            }
        }
        return result
    }

    /// The text's sentences: each ends at a `.`, `!` or `?` followed by a space or the end.
    /// Those are ASCII bytes, found in the text's UTF-8 without going through its characters.
    static func sentences(of text: Located<String>) -> [Located<String>] {
        var result: [Located<String>] = []
        let utf8 = text.value.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"),
               next == utf8.endIndex || utf8[next] == UInt8(ascii: " ") {
                append(text, from: start, to: next, into: &result)
                start = next
            }
            index = next
        }
        append(text, from: start, to: utf8.endIndex, into: &result)
        return result
    }

    private static func append(_ text: Located<String>, from: String.Index, to: String.Index, into result: inout [Located<String>]) {
        let piece = text.value[from..<to]
        let leading = piece.utf8.prefix { $0 == UInt8(ascii: " ") }.count
        // As `trimmingCharacters(in: .whitespaces)`: spaces (Zs) and tabs at both ends.
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = piece.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return }
        var location = text.location
        location.column += text.value[text.value.startIndex..<from].unicodeScalars.count + leading
        result.append(Located(String(scalars[first...last]), at: location))
    }

    /// Every duration names one of these units (`Duur(parsing:)`): a text without any has none.
    private static let unitNeedles = ASCIIScan.Needles(["dag", "week", "weken", "maand", "jaar", "jaren"])

    static func firstDuration(in text: String) -> Duur? {
        guard ASCIIScan.containsAny(text, unitNeedles) else { return nil }
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for (a, b) in zip(words, words.dropFirst()) {
            if let duur = Duur(parsing: "\(a) \(b)") { return duur }
        }
        return nil
    }

    /// The word stems a subject is recognised by ("leerlingen" → "leerling"): its words of five
    /// letters or more that are no stop words; none without a subject.
    static func stems(of subject: String?) -> [String] {
        guard let subject else { return [] }
        return subject.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 5 && !stopWords.contains($0) }.map { stem($0) }
    }

    /// Whether a text mentions a subject known by its `stems` (`stems(of:)`).
    static func mentions(_ text: String, stems: [String]) -> Bool {
        stems.contains { RetentionTexts.contains(text, $0) }
    }

    /// Whether `text` contains `part`: for ASCII texts by their bytes (Foundation's search of a
    /// string cost more than the rest of the rule), else by Foundation's.
    private static func contains(_ text: String, _ part: String) -> Bool {
        guard ASCIIScan.isASCII(text), ASCIIScan.isASCII(part) else { return text.contains(part) }
        var text = text
        return text.withUTF8 { ASCIIScan.contains(bytes: $0, sequence: Array(part.utf8)) }
    }

    static let stopWords: Set<String> = ["gegevens", "persoonsgegevens", "overige", "andere", "worden", "welke", "alle", "onder", "tijdens", "school", "scholen"]

    private static func stem(_ word: String) -> String {
        for suffix in ["en", "s", "e"] where word.hasSuffix(suffix) && word.count > 5 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}
