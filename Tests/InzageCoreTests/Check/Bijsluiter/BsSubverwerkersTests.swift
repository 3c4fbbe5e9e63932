import InzageCore
import Testing

@Suite("BS-SUB")
struct BsSubverwerkersTests {
    let file = "bijsluiters/rekentuin.md"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("BS-SUB")
    }

    @Test func subverwerkerHasAPlace() {
        let d = expectDiagnostic("BS-SUB", in: .valid.replacing("  - { naam: True B.V., plaats: Amsterdam, land: NL, taak: Hosting }",
                                                                 with: "  - 1️⃣{ naam: True B.V., land: NL, taak: Hosting }", in: file))
        #expect(d?.message == "bij subverwerker 'True B.V.' ontbreekt: plaats")
    }

    @Test func storageHasACountry() {
        expectDiagnostic("BS-SUB", in: .valid.replacing("  - { plaats: Amsterdam, land: NL }", with: "  - { 1️⃣plaats: Amsterdam }", in: file))
    }

    @Test func atLeastOneStorageLocation() {
        expectDiagnostic("BS-SUB", in: .valid.replacing("opslag:\n  - { plaats: Amsterdam, land: NL }", with: "1️⃣opslag: []", in: file))
    }

    @Test func countryIsKnown() {
        let d = expectDiagnostic("BS-SUB", in: .valid.replacing("plaats: Amsterdam, land: NL, taak: Hosting",
                                                                 with: "plaats: Amsterdam, land: 1️⃣Atlantis, taak: Hosting", in: file))
        #expect(d?.message == "'Atlantis' is geen land dat Inzage kent")
    }
}
