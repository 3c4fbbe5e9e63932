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

    func check(_ content: Content) -> [Diagnostic] {
        guard let table = content.bewaartermijnen else { return [] }
        let minima = table.termijnen.filter { $0.wettelijk?.value == true && $0.soort?.value == .minimaal && $0.duur != nil }
        guard !minima.isEmpty else { return [] }
        var result: [Diagnostic] = []
        var reported: Set<SourceLocation> = []
        // A verwerker's own retention in a bijsluiter is about its copy, not the school's records.
        let bijsluiterFiles = Set(content.bijsluiters.map(\.file))
        // Only texts that mention deleting or keeping are listed, so few are split into sentences.
        for text in RetentionTexts.all(in: content, skipping: bijsluiterFiles.union([table.file])) {
            for sentence in RetentionTexts.sentences(of: text) {
                let lower = sentence.value.lowercased()
                guard Self.deletionWords.contains(where: lower.contains), !Self.minimumWords.contains(where: lower.contains),
                      let duur = RetentionTexts.firstDuration(in: lower) else { continue }
                // The sentence must be about the same people and the same data or start event.
                let relevant = minima.filter {
                    RetentionTexts.mentions(lower, $0.betrokkenen.nonBlank)
                        && (RetentionTexts.mentions(lower, $0.gegevens.nonBlank) || RetentionTexts.mentions(lower, $0.ingang.nonBlank))
                }
                guard !relevant.isEmpty else { continue }
                // A sentence about data whose own term allows this duration is consistent.
                if relevant.contains(where: { RetentionTexts.mentions(lower, $0.gegevens.nonBlank) && ($0.duur?.days ?? 0) <= duur.days }) { continue }
                guard let strictest = relevant.max(by: { ($0.duur?.days ?? 0) < ($1.duur?.days ?? 0) }),
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
            for line in file.lines where !line.value.isEmpty && ASCIIScan.containsAny(line.value, BtMinimum.deletionNeedles) {
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

    static func sentences(of text: Located<String>) -> [Located<String>] {
        var result: [Located<String>] = []
        var start = text.value.startIndex
        var index = start
        while index < text.value.endIndex {
            let character = text.value[index]
            let next = text.value.index(after: index)
            if ".!?".contains(character), next == text.value.endIndex || text.value[next] == " " {
                append(text, from: start, to: next, into: &result)
                start = next
            }
            index = next
        }
        append(text, from: start, to: text.value.endIndex, into: &result)
        return result
    }

    private static func append(_ text: Located<String>, from: String.Index, to: String.Index, into result: inout [Located<String>]) {
        let piece = text.value[from..<to]
        let leading = piece.prefix { $0 == " " }.count
        let trimmed = piece.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        var location = text.location
        location.column += text.value[text.value.startIndex..<from].unicodeScalars.count + leading
        result.append(Located(trimmed, at: location))
    }

    static func firstDuration(in text: String) -> Duur? {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for (a, b) in zip(words, words.dropFirst()) {
            if let duur = Duur(parsing: "\(a) \(b)") { return duur }
        }
        return nil
    }

    /// Whether a text mentions a subject, comparing word stems ("leerlingen" ~ "leerling").
    static func mentions(_ text: String, _ subject: String?) -> Bool {
        guard let subject else { return false }
        let stems = subject.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 5 && !stopWords.contains($0) }.map { stem($0) }
        return !stems.isEmpty && stems.contains { text.contains($0) }
    }

    static let stopWords: Set<String> = ["gegevens", "persoonsgegevens", "overige", "andere", "worden", "welke", "alle", "onder", "tijdens", "school", "scholen"]

    private static func stem(_ word: String) -> String {
        for suffix in ["en", "s", "e"] where word.hasSuffix(suffix) && word.count > 5 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}
