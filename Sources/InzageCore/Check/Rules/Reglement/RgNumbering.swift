/// RG-NUM: articles are numbered 1, 2, 3 … without gaps or doubles; paragraphs start with their
/// article's number and count up by one at every level ("8.7" inside artikel 4 is wrong).
/// Source: seed 002 Bijlage II (a paragraph numbered for another article).
struct RgNumbering: Rule {
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

    private func checkParagraphs(of article: Artikel, number: Int) -> [Diagnostic] {
        var result: [Diagnostic] = []
        // The last number seen below each parent path, e.g. "4" → 3 after 4.3, "4.3" → 1 after 4.3.1.
        var lastChild: [String: Int] = [:]
        for lid in article.paragraphs {
            let parts = lid.number.value.split(separator: ".").map(String.init)
            guard parts.first == String(number) else {
                result.append(finding(at: lid.number.location, "lid \(lid.number.value) staat in artikel \(number) maar begint niet met \(number)",
                                      hint: "een lid in artikel \(number) heet \(number).1, \(number).2, …"))
                continue
            }
            let values = parts.compactMap { Int($0) }
            guard values.count == parts.count else { continue }
            var parent = parts[0]
            var problem: String?
            for depth in 1..<parts.count {
                let expected = (lastChild[parent] ?? 0) + 1
                let value = values[depth]
                let isLast = depth == parts.count - 1
                if !isLast, value == expected - 1 || value == expected {
                    // The current ancestor (4.3 before 4.3.1), or the next one written implicitly.
                } else if !isLast {
                    let current = parent + "." + String(expected - 1)
                    problem = "lid \(lid.number.value) staat onder \(current) maar begint niet met \(current)"
                    break
                } else if value != expected {
                    problem = "lid \(lid.number.value) klopt niet met de nummering ervoor; verwacht: \(parent).\(expected)"
                    break
                }
                if value == expected { lastChild[parent] = value }
                parent += "." + parts[depth]
            }
            if let problem {
                result.append(finding(at: lid.number.location, problem,
                                      hint: "nummers beginnen per niveau bij 1 en lopen op met 1; een sublid begint met het nummer van het lid erboven"))
            }
        }
        return result
    }
}
