import InzageCore
import Testing

@Suite("BT-MIN")
struct BtMinimumTests {
    @Test func silentOnValidContent() {
        // The page on cameras deletes images after 4 weeks; no statutory minimum covers them.
        expectNoDiagnostic("BT-MIN")
    }

    @Test func textDeletesPupilDataBeforeTheStatutoryMinimum() {
        // Seed 002: Bijlage VIII says 2 years where Bijlage I-B requires 5 for in- en uitschrijving.
        let d = expectDiagnostic("BT-MIN", in: .valid.replacing("en waarvoor.\n", with: "en waarvoor. 1️⃣Gegevens van leerlingen worden 2 jaar na uitschrijving verwijderd.\n",
                                                                 in: "privacyverklaring.md"))
        #expect(d?.message == "deze tekst noemt 2 jaar, maar 'Gegevens over in- en uitschrijving' moet wettelijk minimaal 5 jaar worden bewaard")
    }

    @Test func verwerkingWithAShorterTerm() {
        expectDiagnostic("BT-MIN", in: .valid.replacing("    bewaartermijn: leerlingadministratie",
                                                         with: "    bewaartermijn: 1️⃣2 jaar na uitschrijving", in: "privacyverklaring.md"))
    }

    @Test func sentenceThatPromisesAtLeastTheTermIsFine() {
        expectNoDiagnostic("BT-MIN", in: .valid.replacing("en waarvoor.\n", with: "en waarvoor. Gegevens van leerlingen worden minimaal 2 jaar na uitschrijving bewaard.\n",
                                                          in: "privacyverklaring.md"))
    }

    @Test func verwerkerRetentionInABijsluiterIsAboutItsOwnCopy() {
        expectNoDiagnostic("BT-MIN", in: .valid.replacing(
            "bewaartermijn: Tot het account wordt opgeheven, uiterlijk één jaar na de laatste activiteit.",
            with: "bewaartermijn: Gegevens van leerlingen worden 1 jaar na uitschrijving verwijderd.", in: "bijsluiters/rekentuin.md"))
    }
}
