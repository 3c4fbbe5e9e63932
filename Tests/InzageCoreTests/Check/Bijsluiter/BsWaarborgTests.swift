import InzageCore
import Testing

@Suite("BS-WAARBORG")
struct BsWaarborgTests {
    let schoolapp = "bijsluiters/schoolapp.md"

    /// The fixture's transfer with other countries and safeguard; the subverwerker in the US stays covered.
    private func transfer(_ landen: String, _ waarborg: String) -> TestContent {
        .valid.replacing("  landen: [US]\n  waarborg: dpf\n", with: "  landen: [\(landen)]\n  waarborg: \(waarborg)\n", in: schoolapp)
    }

    @Test func silentOnValidContent() {
        // schoolapp transfers to the US under the DPF.
        expectNoDiagnostic("BS-WAARBORG")
    }

    @Test func dpfForChina() {
        let d = expectDiagnostic("BS-WAARBORG", in: transfer("US, CN", "1️⃣dpf"))
        #expect(d?.message == "'dpf' geldt alleen voor de Verenigde Staten, niet voor China (CN)")
        #expect(d?.hint?.contains("AVG art. 45") == true)
        #expect(d?.hint?.contains("AVG art. 46") == true)
    }

    @Test func dpfForCountriesByName() {
        let d = expectDiagnostic("BS-WAARBORG", in: transfer("US, China, India", "1️⃣dpf"))
        #expect(d?.message == "'dpf' geldt alleen voor de Verenigde Staten, niet voor China (CN) en India (IN)")
    }

    @Test func adequaatheidWithoutADecision() {
        let d = expectDiagnostic("BS-WAARBORG", in: transfer("US, GB, CN", "1️⃣adequaatheid"))
        #expect(d?.message == "voor de Verenigde Staten (US) en China (CN) is er geen adequaatheidsbesluit van de Europese Commissie")
    }

    @Test func adequaatheidForTheUnitedStatesPointsToTheDPF() {
        let d = expectDiagnostic("BS-WAARBORG", in: transfer("US", "1️⃣adequaatheid"))
        #expect(d?.hint?.contains("'waarborg: dpf'") == true)
    }

    @Test(arguments: [("US, GB", "scc"), ("CN", "bcr"), ("US, GB, CH, JP", "scc"), ("GB, CH, JP, KR", "adequaatheid"),
                      ("US, IE", "dpf"), ("CN", "uitzondering")])
    func fittingSafeguards(landen: String, waarborg: String) {
        expectNoDiagnostic("BS-WAARBORG", in: transfer(landen, waarborg))
    }
}
