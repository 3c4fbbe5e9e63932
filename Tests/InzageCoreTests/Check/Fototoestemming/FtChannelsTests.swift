import InzageCore
import Testing

@Suite("FT-CHANNELS")
struct FtChannelsTests {
    let file = "fototoestemming.yaml"
    let website = "  - { id: website, naam: De website van de school, omschrijving: Foto's van activiteiten. }"

    @Test func silentOnValidContent() {
        expectNoDiagnostic("FT-CHANNELS")
    }

    @Test func noCatchAllChannel() {
        let d = expectDiagnostic("FT-CHANNELS", in: .valid.replacing(website, with: "  - { id: 1️⃣alle, naam: Alle kanalen, omschrijving: Overal. }", in: file))
        #expect(d?.message == "een kanaal 'alle' vraagt toestemming voor alles tegelijk")
    }

    @Test func socialMediaNamesItsPlatforms() {
        let d = expectDiagnostic("FT-CHANNELS", in: .valid.replacing("{ id: sociale-media, naam: Sociale media, platforms: [Instagram],",
                                                                      with: "{ id: 1️⃣sociale-media, naam: Sociale media,", in: file))
        #expect(d?.message == "kanaal 'sociale-media' noemt niet op welke sociale media de foto's komen")
    }

    @Test func atLeastOneChannel() {
        var text = Fixture.fototoestemming
        let start = text.range(of: "kanalen:\n")!.lowerBound
        let end = text.range(of: "intrekken:\n")!.lowerBound
        text.replaceSubrange(start..<end, with: "1️⃣kanalen: []\n")
        expectDiagnostic("FT-CHANNELS", in: TestContent.valid.replacingFile(file, with: text))
    }

    @Test func idIsASlug() {
        expectDiagnostic("FT-CHANNELS", in: .valid.replacing("{ id: website,", with: "{ id: 1️⃣Website,", in: file))
    }

    @Test func idsAreUnique() {
        expectDiagnostic("FT-CHANNELS", in: .valid.replacing("{ id: nieuwsbrief,", with: "{ id: 1️⃣website,", in: file))
    }

    @Test func socialMediaRecognisedByName() {
        // An id without "sociale" still names a social network: its platforms must be listed.
        expectDiagnostic("FT-CHANNELS", in: .valid.replacing(
            "  - { id: sociale-media, naam: Sociale media, platforms: [Instagram], omschrijving: Het Instagram-account van de school. }",
            with: "  - { id: 1️⃣instagram, naam: Ons Instagram-account, omschrijving: Foto's van activiteiten. }", in: "fototoestemming.yaml"))
    }
}
