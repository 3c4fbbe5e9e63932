/// RG-NUM: articles are numbered 1, 2, 3 … without gaps or doubles; paragraphs start with their
/// article's number and count up by one at every level ("8.7" inside artikel 4 is wrong).
/// Source: seed 002 Bijlage II (a paragraph numbered for another article).
struct RgNumbering: DocumentRule {
    let code = "RG-NUM"
    let severity = Severity.error
    let source = "privacyreglement (seed 002), Bijlage II"

    func check(_ content: Content) -> [Diagnostic] {
        guard let reglement = content.reglement else { return [] }
        var result: [Diagnostic] = []
        var expectedArticle = 1
        for article in reglement.articles {
            guard let number = Int(article.number.value), !(number == 0 && article.title.isEmpty) else {
                for lid in article.paragraphs {
                    result.append(finding(at: lid.number.location, "lid \(lid.number.value) staat vóór het eerste artikel",
                                          hint: "begin het reglement met '## Artikel 1 ...' vóór de eerste genummerde regel"))
                }
                continue
            }
            if number != expectedArticle {
                result.append(finding(at: article.number.location, "artikel \(number) volgt niet op artikel \(expectedArticle - 1); verwacht: artikel \(expectedArticle)",
                                      hint: "nummer de artikelen 1, 2, 3 … zonder gaten of dubbele nummers"))
            }
            expectedArticle = number + 1
            result += checkParagraphs(of: article, number: number)
        }
        return result
    }

    /// Checks each paragraph against the one before it, so the expected number follows from the heading
    /// (or line) it stands under and its previous sibling. After a wrong number both the number that was
    /// expected and the one written count as "the one before", so one mistake does not make the correct
    /// lines after it wrong too.
    private func checkParagraphs(of article: Artikel, number: Int) -> [Diagnostic] {
        var result: [Diagnostic] = []
        // The numbers the next paragraph may follow on, e.g. [[4, 3, 1]] after 4.3.1; the first is the one
        // expected numbers are computed from.
        var previous: [[Int]] = [[number]]
        for lid in article.paragraphs {
            let parts = lid.number.value.split(separator: ".").map(String.init)
            let values = parts.compactMap { Int($0) }
            guard values.count == parts.count, values.count >= 2 else { continue }
            if previous.contains(where: { follows(values, after: $0) }) {
                previous = [values]
                continue
            }
            let expected = Self.expected(depth: values.count, after: previous[0])
            let written = expected.map(String.init).joined(separator: ".")
            guard values[0] == number else {
                result.append(finding(at: lid.number.location, "lid \(lid.number.value) staat in artikel \(number) maar begint niet met \(number)",
                                      hint: "een lid in artikel \(number) heet \(number).1, \(number).2, …"))
                previous = [expected]
                continue
            }
            let parent = expected.dropLast()
            let problem = Array(values.dropLast()) == Array(parent)
                ? "lid \(lid.number.value) klopt niet met de nummering ervoor; verwacht: \(written)"
                : "lid \(lid.number.value) staat onder \(parent.map(String.init).joined(separator: ".")) maar begint niet met \(parent.map(String.init).joined(separator: ".")); verwacht: \(written)"
            result.append(finding(at: lid.number.location, problem,
                                  hint: "nummers beginnen per niveau bij 1 en lopen op met 1; een sublid begint met het nummer van het lid erboven"))
            previous = [expected, values]
        }
        return result
    }

    /// Whether `number` may come right after `previous`: its first child (4.3 → 4.3.1), or the next
    /// sibling of it or of one of its parents (4.3.1 → 4.3.2, 4.4, 4.4.1); parents without a heading
    /// of their own are implied, so they count as first children (4.2 → 4.3.1, 4.2 → 4.2.1.1).
    private func follows(_ number: [Int], after previous: [Int]) -> Bool {
        if number.count > previous.count, Array(number[..<previous.count]) == previous,
           number[previous.count...].allSatisfy({ $0 == 1 }) {
            return true
        }
        for depth in 1..<previous.count where number.count > depth {
            if Array(number[..<depth]) == Array(previous[..<depth]), number[depth] == previous[depth] + 1,
               number[(depth + 1)...].allSatisfy({ $0 == 1 }) {
                return true
            }
        }
        return false
    }

    /// The number a paragraph of this depth should have after `previous`: the next sibling at that
    /// depth under the same parent, or the first child when it is deeper.
    static func expected(depth: Int, after previous: [Int]) -> [Int] {
        if depth > previous.count { return previous + Array(repeating: 1, count: depth - previous.count) }
        return Array(previous[..<(depth - 1)]) + [previous[depth - 1] + 1]
    }
}
