import InzageCore
import Testing

@Suite("ORG-COLOUR")
struct OrgColourTests {
    let file = "organisatie.yaml"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("ORG-COLOUR")
    }

    @Test(arguments: ["#ffcc00", "#777777", "#fff", "#FFCC00"])
    func lowContrastWithWhite(kleur: String) throws {
        let d = expectDiagnostic("ORG-COLOUR", in: .valid.replacing(##"kleur: "#1d4f91""##, with: "kleur: 1️⃣\"\(kleur)\"", in: file))
        #expect(d?.message.hasPrefix("de kleur \(kleur) heeft te weinig contrast met wit") == true, "\(d?.message ?? "")")
        // The hint proposes a darker colour of the same hue that does pass.
        let hint = try #require(d?.hint)
        let proposed = try #require(hint.split(separator: " ").last.flatMap { RGBColour(hex: String($0)) })
        #expect(proposed.contrast(with: .white) >= 4.5)
    }

    @Test func ratioIsWrittenTheDutchWay() {
        let d = expectDiagnostic("ORG-COLOUR", in: .valid.replacing(##"kleur: "#1d4f91""##, with: ##"kleur: 1️⃣"#ffcc00""##, in: file))
        #expect(d?.message == "de kleur #ffcc00 heeft te weinig contrast met wit (1,51:1, minimaal 4,5:1)")
    }

    @Test(arguments: ["#767676", "#000", "#1d4f91"])
    func enoughContrastIsSilent(kleur: String) {
        expectNoDiagnostic("ORG-COLOUR", in: .valid.replacing(##"kleur: "#1d4f91""##, with: "kleur: \"\(kleur)\"", in: file))
    }

    @Test func notAColourCode() {
        let d = expectDiagnostic("ORG-COLOUR", in: .valid.replacing(##"kleur: "#1d4f91""##, with: "kleur: 1️⃣donkerblauw", in: file))
        #expect(d?.message == "'donkerblauw' is geen kleurcode")
    }

    @Test func unquotedHashIsAComment() {
        // `#` starts a YAML comment, so the value is empty; libyaml places it right after the colon.
        let d = expectDiagnostic("ORG-COLOUR", in: .valid.replacing(##"kleur: "#1d4f91""##, with: "kleur:1️⃣ #1d4f91", in: file))
        #expect(d?.hint?.contains("aanhalingstekens") == true)
    }
}
