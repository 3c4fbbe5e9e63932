import InzageCore
import Testing

@Suite("BS-EER")
struct BsEERTests {
    let rekentuin = "bijsluiters/rekentuin.md"
    let schoolapp = "bijsluiters/schoolapp.md"

    @Test func silentOnValidContent() {
        // schoolapp's subverwerker in the US is covered by `doorgifte` with the DPF.
        expectNoDiagnostic("BS-EER")
    }

    @Test func subverwerkerOutsideTheEERWithoutDoorgifte() {
        let d = expectDiagnostic("BS-EER", in: .valid.replacing("{ naam: True B.V., plaats: Amsterdam, land: NL, taak: Hosting }",
                                                                 with: "{ naam: True B.V., plaats: Chicago, land: 1️⃣US, taak: Hosting }", in: rekentuin))
        #expect(d?.message == "True B.V. ligt buiten de EER (Verenigde Staten), maar 'doorgifte' zegt niets over een waarborg")
    }

    @Test func storageOutsideTheEERByCountryName() {
        expectDiagnostic("BS-EER", in: .valid.replacing("  - { plaats: Amsterdam, land: NL }",
                                                         with: "  - { plaats: New York, land: 1️⃣Verenigde Staten }", in: rekentuin))
    }

    @Test func doorgifteWithoutWaarborg() {
        let d = expectDiagnostic("BS-EER", in: .valid.replacing("  waarborg: dpf\n  toelichting:", with: "  1️⃣toelichting:", in: schoolapp))
        #expect(d?.message == "bij de doorgifte buiten de EER ontbreekt de waarborg")
    }

    @Test func doorgifteNamesEveryCountry() {
        let d = expectDiagnostic("BS-EER", in: .valid
            .replacing("  landen: [US]", with: "  landen: [GB]", in: schoolapp)
            .replacing("plaats: San Francisco, land: US", with: "plaats: San Francisco, land: 1️⃣US", in: schoolapp))
        #expect(d?.message == "Verenigde Staten staat niet bij 'doorgifte.landen'")
    }

    @Test func doorgifteNeeWhileASubverwerkerIsOutside() {
        expectDiagnostic("BS-EER", in: .valid
            .replacing("doorgifte:\n  landen: [US]\n  waarborg: dpf\n  toelichting: Twilio is gecertificeerd onder het EU-US Data Privacy Framework.\n",
                       with: "doorgifte: nee\n", in: schoolapp)
            .replacing("plaats: San Francisco, land: US", with: "plaats: San Francisco, land: 1️⃣US", in: schoolapp))
    }

    @Test func unknownCountryCodeInDoorgifte() {
        let d = expectDiagnostic("BS-EER", in: .valid.replacing("  landen: [US]", with: "  landen: [US, 1️⃣XQ]", in: schoolapp))
        #expect(d?.message == "'XQ' is geen landcode")
    }
}
