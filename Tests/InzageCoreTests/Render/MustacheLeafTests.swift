@testable import InzageCore
import Mustache
import Testing

/// Texts and numbers print themselves and a text has no names (`MustacheValue.swift`): shortcuts
/// past swift-mustache's casts and `Mirror`, which must print exactly what the library printed
/// before, as themes rely on it.
@Suite("Mustache leaves")
struct MustacheLeafTests {
    private func render(_ template: String, _ values: [String: Any]) throws -> String {
        try MustacheTemplate(string: template).render(values)
    }

    @Test func textsAreEscapedOrPrintedAsTheyAre() throws {
        let values: [String: Any] = ["naam": "A & B <C> \"D\" 'E'"]
        #expect(try render("{{naam}}|{{{naam}}}|{{&naam}}", values)
            == "A &amp; B &lt;C&gt; &quot;D&quot; &#39;E&#39;|A & B <C> \"D\" 'E'|A & B <C> \"D\" 'E'")
    }

    @Test func numbersPrintAsDigits() throws {
        #expect(try render("{{n}} {{{n}}} {{m}}", ["n": 2_026, "m": -3]) == "2026 2026 -3")
        // Transforms still apply to texts and numbers, and their results print as before.
        #expect(try render("{{plusone(n)}} {{uppercased(t)}} {{even(n)}} {{count(l)}}",
                           ["n": 4, "t": "abc", "l": ["x", "y"]]) == "5 ABC true 2")
    }

    /// A converted view answers what a dictionary answered: its fields, sections over it and
    /// the dictionary transforms a theme may use on it.
    @Test func aConvertedViewRendersAsADictionaryDid() throws {
        let fields: [String: Any] = ["naam": "De Linde", "leeg": AbsentValue(), "rij": ["a", "b"]]
        let template = "{{#v}}{{naam}} [{{leeg}}]{{^leeg}} geen{{/leeg}} {{#rij}}{{.}}{{/rij}} {{titel}}{{/v}} {{count(v)}} {{empty(v)}}"
        let asView = try render(template, ["v": ConvertedView(fields), "titel": "T"])
        #expect(asView == "De Linde [] geen ab T 3 false")
        #expect(asView == (try render(template, ["v": fields, "titel": "T"])))
    }

    /// A view of a few listed fields (a row) keeps no dictionary and goes through its names; one
    /// of more keeps one. Both answer every name, section and transform as a dictionary does.
    @Test func listedFieldsAnswerByNameWithOrWithoutADictionary() throws {
        for count in [1, ConvertedView.fieldsGoneThrough, ConvertedView.fieldsGoneThrough + 1, 40] {
            let names = (0..<count).map { "veld\($0)" } + ["leeg"]
            let values: [Any] = (0..<count).map { "waarde \($0)" } + [AbsentValue()]
            let view = ConvertedView(names: names, kinds: names.map { $0 == "leeg" ? .absent : .text }, values: values)
            #expect(view.child(named: "veld0") as? String == "waarde 0")
            #expect(view.child(named: "veld\(count - 1)") as? String == "waarde \(count - 1)")
            #expect(view.child(named: "leeg") is AbsentValue)
            #expect(view.child(named: "ontbreekt") == nil)
            #expect(view.fields.count == count + 1 && view.fields["veld0"] as? String == "waarde 0")
            for position in names.indices {
                #expect(view.value(at: position) as? String == view.child(named: names[position]) as? String)
            }
            let template = "{{#v}}{{veld0}}|{{leeg}}{{^leeg}}geen{{/leeg}}|{{ontbreekt}}{{/v}} {{count(v)}} {{v.veld0}}"
            #expect(try render(template, ["v": view]) == "waarde 0|geen| \(count + 1) waarde 0")
        }
    }

    /// A name a view lists twice keeps its first place and its last value.
    @Test func aNameListedTwiceKeepsItsFirstPlaceAndLastValue() {
        let fields: KeyValuePairs<String, Any?> = ["a": "1", "b": nil, "a": "2"]
        let view = MustacheValue.convert(fields)
        #expect(view.names == ["a", "b"])
        #expect(view.child(named: "a") as? String == "2" && view.value(at: 0) as? String == "2")
        #expect(view.child(named: "b") is AbsentValue)
    }

    /// A converted view answers the casts swift-mustache makes of every value it looks at (a
    /// failed cast of a class costs the runtime twice a successful one); printed, in a section and
    /// in an inverted one it shows what it showed before it answered them.
    @Test func aConvertedViewPrintsAndTestsAsBefore() throws {
        let view = ConvertedView(["naam": "De Linde"])
        #expect(try render("{{v}}|{{{v}}}|{{#v}}ja {{naam}}{{/v}}|{{^v}}nee{{/v}}|{{v.naam}}|{{#v}}{{.}}{{/v}}", ["v": view])
            == "InzageCore.ConvertedView|InzageCore.ConvertedView|ja De Linde||De Linde|InzageCore.ConvertedView")
    }

    @Test func aSectionOverATextLooksPastItForOtherNames() throws {
        let values: [String: Any] = ["adres": "Stationsplein 1", "plaats": "Utrecht",
                                     "page": ["adres": "Dorpsstraat 2"] as [String: Any]]
        #expect(try render("{{#adres}}{{.}}, {{adres}} in {{plaats}}{{/adres}}", values)
            == "Stationsplein 1, Stationsplein 1 in Utrecht")
        // Inside a page, the page's own name comes first; past the text, the outer names.
        #expect(try render("{{#page}}{{#adres}}{{adres}}, {{plaats}}{{/adres}}{{/page}}", values)
            == "Dorpsstraat 2, Utrecht")
        // A name no level has prints nothing, also past a text.
        #expect(try render("{{#adres}}[{{onbekend}}]{{/adres}}", values) == "[]")
    }

    @Test func sectionsOverTextsAndNumbersKeepTheirTruth() throws {
        let values: [String: Any] = ["tekst": "ja", "leeg": "", "nul": 0]
        #expect(try render("{{#tekst}}a{{/tekst}}{{^tekst}}b{{/tekst}}", values) == "a")
        // swift-mustache treats an empty text and zero as present: unchanged by the shortcuts.
        #expect(try render("{{#leeg}}c{{/leeg}}{{^leeg}}d{{/leeg}}", values) == "c")
        #expect(try render("{{#nul}}e{{/nul}}{{^nul}}f{{/nul}}", values) == "e")
        #expect(try render("{{#ontbreekt}}g{{/ontbreekt}}{{^ontbreekt}}h{{/ontbreekt}}", values) == "h")
    }
}
