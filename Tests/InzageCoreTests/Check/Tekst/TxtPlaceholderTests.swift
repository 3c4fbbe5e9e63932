import InzageCore
import Testing

@Suite("TXT-PLACEHOLDER")
struct TxtPlaceholderTests {
    let page = "paginas/camerabewaking.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("TXT-PLACEHOLDER")
    }

    @Test(arguments: ["[naam school]", "[Naam School]", "[datum]", "[N.V.T.]", "<naam directeur>", "[XX]", "XXX", "TODO", "n.t.b.", "[…]",
                      "[ondertekening …]"])
    func templateLeftoverInABody(placeholder: String) {
        let d = expectDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing("Hebt u een vraag?", with: "Hebt u een vraag over 1️⃣\(placeholder) vandaag?", in: page))
        #expect(d?.message == "een invulplek uit een sjabloon is blijven staan: '\(placeholder)'")
    }

    @Test func templateLeftoverInAYAMLValue() {
        expectDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing("bevoegd_gezag: College van Bestuur",
                                                                  with: "bevoegd_gezag: College van Bestuur van 1️⃣[naam bestuur]", in: "organisatie.yaml"))
    }

    @Test func templateLeftoverInAQuotedYAMLValue() {
        expectDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing("titel: Privacy bij De Linde",
                                                                  with: "titel: \"Privacy bij 1️⃣[naam school]\"", in: "organisatie.yaml"))
    }

    @Test func templateLeftoverInABlockOfLines() {
        expectDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing(
            "verplichte_verstrekking: Voor de inschrijving zijn wij wettelijk verplicht gegevens te vragen. Zonder deze gegevens kunnen wij uw kind niet inschrijven.",
            with: "verplichte_verstrekking: |\n  Voor de inschrijving zijn gegevens verplicht.\n  Vraag het 1️⃣[naam school].", in: "privacyverklaring.md"))
    }

    @Test(arguments: ["…", "...", "\"?\"", "nader in te vullen", "Nader In Te Vullen", "XXX", "\"-\"", "\"??\"", "In te vullen"])
    func blankValue(value: String) {
        expectDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing("omschrijving: Adaptieve oefenomgeving voor rekenen in het primair onderwijs.",
                                                                  with: "omschrijving: 1️⃣\(value)", in: "bijsluiters/rekentuin.md"))
    }

    @Test(arguments: ["xxxx", "nader in te vullen.", "- nee", "Ⅹ"])
    func aValueLikeABlankIsNoBlank(value: String) {
        expectNoDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing("omschrijving: Adaptieve oefenomgeving voor rekenen in het primair onderwijs.",
                                                                    with: "omschrijving: \(value)", in: "bijsluiters/rekentuin.md"))
    }

    @Test func markdownLinkIsNotAPlaceholder() {
        // The fixture's page links "[Mail de school](mailto:…)"; a reference-style link is fine too.
        expectNoDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing("Hebt u een vraag?", with: "Lees [het beleid van de school][beleid].", in: page))
    }

    /// Brackets around other text are no blanks: a footnote mark, an address in angle brackets,
    /// HTML, an ellipsis outside brackets.
    @Test func bracketsAroundOtherTextAreNoBlanks() {
        expectNoDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing(
            "Hebt u een vraag?", with: "Zie noot[^1] en <https://example.org/pad?x=1&y=2>, <div class=\"kader\">tekst</div> – enzovoort… [ook dit]", in: page))
    }

    @Test func columnsCountUnicodeScalars() {
        expectDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing("Hebt u een vraag?", with: "Caf\u{65}\u{301} 1️⃣[naam school]", in: page))
    }

    @Test func codeBlocksAreSkipped() {
        expectNoDiagnostic("TXT-PLACEHOLDER", in: .valid.replacing("Hebt u een vraag?", with: "\n```\n[naam school]\n```\n", in: page))
    }
}
