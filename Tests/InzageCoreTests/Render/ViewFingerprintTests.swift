@testable import InzageCore
import Testing

@Suite("View fingerprints")
struct ViewFingerprintTests {
    @Test func equalViewsGiveEqualFingerprintsWhateverTheKeyOrder() {
        var a: [String: Any] = [:], b: [String: Any] = [:]
        for index in 0..<50 { a["k\(index)"] = "v\(index)" }
        for index in (0..<50).reversed() { b["k\(index)"] = "v\(index)" }
        #expect(ViewFingerprint("page", a).description == ViewFingerprint("page", b).description)
    }

    @Test func anyDifferenceChangesTheFingerprint() {
        let base: [String: Any] = ["rows": [["naam": "Rekentuin", "href": "a/"] as [String: Any]], "heeft": true, "aantal": 3]
        let variants: [[String: Any]] = [
            ["rows": [["naam": "Rekenhof", "href": "a/"] as [String: Any]], "heeft": true, "aantal": 3],
            ["rows": [["naam": "Rekentuin", "href": "a/"] as [String: Any]], "heeft": false, "aantal": 3],
            ["rows": [["naam": "Rekentuin", "href": "a/"] as [String: Any]], "heeft": true, "aantal": 4],
            ["rows": [] as [Any], "heeft": true, "aantal": 3],
            ["rows": [["naam": "Rekentuin", "href": "a/"] as [String: Any]], "heeft": true],
            // A string "3" is not the number 3, and moving text between neighbouring fields shows.
            ["rows": [["naam": "Rekentuin", "href": "a/"] as [String: Any]], "heeft": true, "aantal": "3"],
            ["rows": [["naam": "Rekentuina/", "href": ""] as [String: Any]], "heeft": true, "aantal": 3],
        ]
        let fingerprint = ViewFingerprint(base).description
        for variant in variants {
            #expect(ViewFingerprint(variant).description != fingerprint, "\(variant)")
        }
        #expect(ViewFingerprint("a", "bc").description != ViewFingerprint("ab", "c").description)
    }

    struct Inner { let naam: String; let punten: [String] }
    struct Outer { let titel: String; let toelichting: String?; let inner: Inner; let links: [LinkView]; let aantal: Int }

    @Test func viewsAreReadWithoutConvertingThem() {
        func view(_ titel: String = "T", toelichting: String? = nil, punten: [String] = ["a"], current: Bool = false, aantal: Int = 1) -> Outer {
            Outer(titel: titel, toelichting: toelichting, inner: Inner(naam: "N", punten: punten),
                  links: [LinkView(href: "/a/", text: "A", external: false, current: current)], aantal: aantal)
        }
        let base = ViewFingerprint(view()).description
        #expect(ViewFingerprint(view()).description == base)
        for variant in [view("U"), view(toelichting: "x"), view(toelichting: ""), view(punten: ["a", "b"]), view(punten: ["b"]),
                        view(current: true), view(aantal: 2)] {
            #expect(ViewFingerprint(variant).description != base)
        }
    }

    @Test func aDigestOfNamedDigestsSeesEveryNameAndDigestInOrder() {
        let a = ViewFingerprint("a"), b = ViewFingerprint("b")
        let base = ViewFingerprint(["2026-11-23"], named: [("x.md", a), ("y.md", b)])
        #expect(ViewFingerprint(["2026-11-23"], named: [("x.md", a), ("y.md", b)]) == base)
        for variant in [ViewFingerprint(["2026-11-24"], named: [("x.md", a), ("y.md", b)]),
                        ViewFingerprint([], named: [("x.md", a), ("y.md", b)]),
                        ViewFingerprint(["2026-11-23"], named: [("y.md", b), ("x.md", a)]),
                        ViewFingerprint(["2026-11-23"], named: [("x.md", b), ("y.md", a)]),
                        ViewFingerprint(["2026-11-23"], named: [("x.md", a), ("z.md", b)]),
                        ViewFingerprint(["2026-11-23"], named: [("x.md", a)])] {
            #expect(variant != base)
        }
    }

    @Test func aListOfRowsIsReadByTheRowsFingerprintsInOrder() throws {
        struct List { let rows: [ViewFragment<LinkView>] }
        let templates = try TemplateSet(override: nil)
        func row(_ text: String) -> ViewFragment<LinkView> {
            ViewFragment(LinkView(href: "/\(text)/", text: text), template: RowTemplate(templates: templates, name: "ontvanger"))
        }
        let a = row("a"), b = row("b")
        let base = ViewFingerprint(List(rows: [a, b]))
        // Read as rows, as a list of anything would read them.
        #expect(base == ViewFingerprint(List(rows: [row("a"), row("b")])))
        let typed: [ViewFragment<LinkView>] = [a, b], untyped: [Any] = [a, b]
        #expect(ViewFingerprint(typed as Any) == ViewFingerprint(untyped as Any))
        for variant in [List(rows: [b, a]), List(rows: [a]), List(rows: [a, row("c")]), List(rows: [])] {
            #expect(ViewFingerprint(variant) != base)
        }
    }
}
