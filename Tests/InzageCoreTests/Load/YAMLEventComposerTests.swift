import Foundation
@testable import InzageCore
import Testing

/// `YAMLEventComposer` reads plain documents straight from libyaml's events and leaves the rest to
/// Yams. Both readings must give the same tree, positions included; and what it leaves to Yams
/// must still get Yams' diagnostics.
@Suite struct YAMLEventComposerTests {
    /// Documents the composer reads itself: every kind of scalar, nesting, comments, flow style.
    static let plain: [String] = [
        "titel: Privacyverklaring\n",
        "a: 1\nb: true\nc: ~\nd: null\ne:\nf: ''\ng: \"\"\n",
        "naam: 'Het ''Kompas'''\nadres: \"Laan 1\\nDen Haag \\u00e9\"\n",
        "omschrijving: |\n  Eerste regel.\n\n  Tweede regel.\nnog: >-\n\n\n    Gevouwen\n    tekst.\n",
        "lijst:\n  - een\n  - twee\n  -\n  - - genest\n    - dieper\n",
        "scholen:\n- naam: De Linde\n  brin: 12AB\n- naam: Het Anker\n  brin: 34CD\n",
        "flow: [a, 'b', {c: d, e: [f]}]\nleeg: []\nkaart: {}\n",
        "# commentaar\nsleutel: waarde # achter\n\n# einde\n",
        "lang: dit is een\n  tekst over twee\n  regels\n",
        "unicode: Privacy­verklaring — é ü ß 😀\n\"sleutel met spaties\": 1\n? expliciet\n: waarde\n",
        "getal: 012\ndatum: 2026-11-29\ntag: !!str 12\n",
        "---\ntitel: met documentbegin\n...\n",
        "- alleen\n- een lijst\n",
        "gewoon een tekst\n",
        "'quoted root'\n",
        "",
        "# alleen commentaar\n",
        "a:\n  b:\n    c:\n      d: diep\n",
        "tekst: \"regel\n  vervolg\"\n",
        "blok: |2\n    twee extra\n  spaties\n",
        "a: !onbekend x\nb: !!int 3\n",
        (1...30).map { "k\($0): \($0)\n" }.joined(),
    ]

    /// Documents the composer leaves to Yams.
    static let forYams: [String] = [
        "a: &x 1\nb: *x\n",
        "a: &x [1, 2]\nb: *x\n",
        "a: &leeg\nb: *leeg\n",
        "a: *nergens\n",
        "a: 1\na: 2\n",
        "a: 1\n'a': 2\n",
        // Past the keys gone through one by one (`Composer.keysGoneThrough`): a repeat of an
        // early key, of a key after them, and right at the edge.
        (1...14).map { "k\($0): \($0)\n" }.joined() + "k3: 0\n",
        (1...14).map { "k\($0): \($0)\n" }.joined() + "k14: 0\n",
        (1...12).map { "k\($0): \($0)\n" }.joined() + "k12: 0\n",
        (1...11).map { "k\($0): \($0)\n" }.joined() + "k1: 0\n",
        "a:\n  b: 1\n  c: 2\n  b: 3\n",
        "[a]: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: b: c\n",
        "a: 'open\n",
        "a: [1, 2\n",
        "- a\nb: 1\n",
        "a: @b\n",
    ]

    /// The tree as Yams reads it, with the diagnostics it gives.
    private func yams(_ yaml: String, lineOffset: Int = 0) -> (YNode?, [Diagnostic]) {
        let sink = DiagnosticSink()
        let tree = YAMLTree.composeWithYams(yaml, file: "f.md", lineOffset: lineOffset, sink: sink)
        return (tree, sink.diagnostics)
    }

    @Test(arguments: plain)
    func aPlainDocumentReadsAsYamsReadsIt(_ yaml: String) throws {
        let composed = try #require(YAMLEventComposer.compose(yaml, file: "f.md", lineOffset: 3), "left to Yams: \(yaml)")
        let (reference, diagnostics) = yams(yaml, lineOffset: 3)
        #expect(diagnostics.isEmpty)
        #expect(composed == reference)
    }

    @Test(arguments: forYams)
    func whatItLeavesToYamsGetsYamsDiagnostics(_ yaml: String) {
        #expect(YAMLEventComposer.compose(yaml, file: "f.md", lineOffset: 1) == nil)
        let sink = DiagnosticSink()
        let tree = YAMLTree.parse(yaml, file: "f.md", lineOffset: 1, sink: sink)
        let (reference, diagnostics) = yams(yaml, lineOffset: 1)
        #expect(tree == reference)
        #expect(sink.diagnostics == diagnostics)
    }

    @Test func anAliasIsStillRefusedWhereItsAnchorStands() {
        let sink = DiagnosticSink()
        _ = YAMLTree.parse("a: &x [1]\nb: *x\n", file: "f.md", lineOffset: 1, sink: sink)
        #expect(sink.diagnostics.map(\.code) == ["YAML-ALIAS"])
        #expect(sink.diagnostics.first?.location == SourceLocation(file: "f.md", line: 2, column: 4))
    }

    @Test func aRepeatedKeyIsStillReportedOnTheRepeat() {
        let sink = DiagnosticSink()
        _ = YAMLTree.parse("a: 1\nb: 2\na: 3\n", file: "f.md", lineOffset: 1, sink: sink)
        #expect(sink.diagnostics.map(\.code) == ["YAML-DUPLICATE"])
        #expect(sink.diagnostics.first?.location.line == 4)
    }

    /// The YAML of every front matter and YAML file of the demo board and the test fixture, with
    /// the lines before it in its file.
    private static func documents() throws -> [(path: String, yaml: String, offset: Int)] {
        var texts = Fixture.files
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content")
        let files = try #require(FileManager.default.enumerator(at: demo, includingPropertiesForKeys: nil))
        for case let url as URL in files where ["md", "yaml", "yml"].contains(url.pathExtension) {
            texts[url.path] = try String(contentsOf: url, encoding: .utf8)
        }
        return texts.sorted { $0.key < $1.key }.compactMap { path, text in
            guard path.hasSuffix(".md") else { return (path, text, 0) }
            return FrontMatter.split(text, file: path, sink: DiagnosticSink()).map { (path, $0.yaml, $0.yamlLineOffset) }
        }
    }

    @Test func everyDocumentOfTheDemoBoardAndTheFixtureReadsAsYamsReadsIt() throws {
        let documents = try Self.documents()
        #expect(documents.count > 20)
        for (path, yaml, offset) in documents {
            let composed = YAMLEventComposer.compose(yaml, file: path, lineOffset: offset)
            #expect(composed != nil, "left to Yams: \(path)")
            let sink = DiagnosticSink()
            let reference = YAMLTree.composeWithYams(yaml, file: path, lineOffset: offset, sink: sink)
            #expect(composed == .some(reference), "\(path)")
        }
    }

    /// Thousands of damaged documents (lines dropped, repeated, moved in or out, characters that
    /// mean something in YAML put in), made from the demo board's and the fixture's: whichever
    /// way each is read, the tree and the diagnostics are Yams' own.
    @Test func damagedDocumentsReadAsYamsReadsThem() throws {
        var random = SeededGenerator(seed: 0x1A2B_3C4D)
        let insertions = [":", " ", "- ", "\"", "'", "&a ", "*a", "!", "#", "[", "]", "{", "}", ",", "|", ">", "? ", "%", "@", "`", "\\", "é", "\n", "  "]
        var composedItself = 0, total = 0
        for (path, yaml, offset) in try Self.documents() {
            var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count > 1 else { continue }
            for _ in 0..<60 {
                var damaged = lines
                for _ in 0...random.next(below: 2) {
                    let index = random.next(below: damaged.count)
                    switch random.next(below: 5) {
                    case 0: damaged.remove(at: index)
                    case 1: damaged.insert(damaged[index], at: random.next(below: damaged.count))
                    case 2: damaged[index] = "  " + damaged[index]
                    case 3: damaged[index] = String(damaged[index].drop { $0 == " " })
                    default:
                        var line = Array(damaged[index])
                        line.insert(contentsOf: insertions[random.next(below: insertions.count)], at: random.next(below: line.count + 1))
                        damaged[index] = String(line)
                    }
                    if damaged.isEmpty { damaged = [""] }
                }
                let text = damaged.joined(separator: "\n")
                total += 1
                if YAMLEventComposer.compose(text, file: path, lineOffset: offset) != nil { composedItself += 1 }
                let sink = DiagnosticSink()
                let tree = YAMLTree.parse(text, file: path, lineOffset: offset, sink: sink)
                let referenceSink = DiagnosticSink()
                let reference = YAMLTree.firstIndentationTab(in: text) == nil
                    ? YAMLTree.composeWithYams(text, file: path, lineOffset: offset, sink: referenceSink) : nil
                if YAMLTree.firstIndentationTab(in: text) != nil { continue }
                #expect(tree == reference, "\(path):\n\(text)")
                #expect(sink.diagnostics == referenceSink.diagnostics, "\(path):\n\(text)")
            }
            lines.removeAll()
        }
        // Both ways are exercised: most damaged documents still read, many do not.
        #expect(composedItself > total / 4 && composedItself < total * 9 / 10, "\(composedItself) of \(total)")
    }
}
