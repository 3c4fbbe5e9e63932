import Foundation
@testable import InzageCore
import Testing

@Suite("Letters: reading a pupil export")
struct LettersExportReadingTests {
    static let kanalen = ["website", "nieuwsbrief", "sociale-media", "klassenapp"]
    static let date = SchoolDate(year: 2026, month: 9, day: 15)!

    static let rows = [
        ["leerling", "groep", "geboortedatum", "website", "nieuwsbrief", "sociale-media", "klassenapp"],
        ["Zoë Çelik", "5", "14-03-2018", "ja", "nee", "nee", "ja"],
        ["Daan van 't Hof", "6", "2017-11-02", "nee", "ja", "nee", "ja"],
        ["Émilie Dubois-Ñúñez", "4H", "02-01-2009", "ja", "ja", "nee", "nee"],
        ["Sem Jansen, jr.", "8", "01-10-2014", "JA", "Nee", "nee", "ja"],
    ]

    static func csv(_ rows: [[String]], separator: String, lineEnd: String) -> String {
        rows.map { row in
            row.map { $0.contains(separator) || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: separator)
        }.joined(separator: lineEnd) + lineEnd
    }

    static func load(_ data: Data) -> (LeerlingenLijst?, [Diagnostic]) {
        ExportValidator.load(data, file: "export.csv", kanalen: kanalen, reminderDate: date)
    }

    static func expectFixturePupils(_ list: LeerlingenLijst?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let list else {
            Issue.record("export was not read", sourceLocation: sourceLocation)
            return
        }
        #expect(list.leerlingen.map(\.naam) == ["Zoë Çelik", "Daan van 't Hof", "Émilie Dubois-Ñúñez", "Sem Jansen, jr."], sourceLocation: sourceLocation)
        #expect(list.leerlingen.map(\.groep) == ["5", "6", "4H", "8"], sourceLocation: sourceLocation)
        #expect(list.leerlingen.map(\.line) == [2, 3, 4, 5], sourceLocation: sourceLocation)
        #expect(list.leerlingen[0].geboortedatum == SchoolDate(year: 2018, month: 3, day: 14), sourceLocation: sourceLocation)
        #expect(list.leerlingen[1].geboortedatum == SchoolDate(year: 2017, month: 11, day: 2), sourceLocation: sourceLocation)
        #expect(list.leerlingen[0].keuzes == ["website": true, "nieuwsbrief": false, "sociale-media": false, "klassenapp": true], sourceLocation: sourceLocation)
        #expect(list.leerlingen[3].keuzes == ["website": true, "nieuwsbrief": false, "sociale-media": false, "klassenapp": true], sourceLocation: sourceLocation)
        #expect(list.hasBirthDates, sourceLocation: sourceLocation)
    }

    @Test func utf8WithBOMSemicolonsAndCRLF() {
        let text = Self.csv(Self.rows, separator: ";", lineEnd: "\r\n")
        let (list, problems) = Self.load(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(problems.isEmpty)
        #expect(list?.encoding == .utf8WithBOM)
        #expect(list?.separator == ";")
        Self.expectFixturePupils(list)
    }

    @Test func windows1252WithCommasAndLF() throws {
        let text = Self.csv(Self.rows, separator: ",", lineEnd: "\n")
        let bytes = try #require(text.data(using: .windowsCP1252))
        #expect(String(data: bytes, encoding: .utf8) == nil, "the test data must not be valid UTF-8")
        let (list, problems) = Self.load(bytes)
        #expect(problems.isEmpty)
        #expect(list?.encoding == .windows1252)
        #expect(list?.separator == ",")
        Self.expectFixturePupils(list)
    }

    @Test func utf8WithoutBOMCommasAndCRLF() {
        let (list, problems) = Self.load(Data(Self.csv(Self.rows, separator: ",", lineEnd: "\r\n").utf8))
        #expect(problems.isEmpty)
        #expect(list?.encoding == .utf8)
        Self.expectFixturePupils(list)
    }

    @Test func windows1252SemicolonsAndOldMacLineEnds() throws {
        let bytes = try #require(Self.csv(Self.rows, separator: ";", lineEnd: "\r").data(using: .windowsCP1252))
        let (list, problems) = Self.load(bytes)
        #expect(problems.isEmpty)
        Self.expectFixturePupils(list)
    }

    @Test func windows1252HighBytesUseTheTable() {
        // 0x80 €, 0x8A Š, 0x92 ’, 0x93 “, 0x94 ”, 0x9C œ, 0x9F Ÿ, 0xEB ë
        let decoded = LeerlingExport.windows1252([0x80, 0x8A, 0x92, 0x93, 0x94, 0x9C, 0x9F, 0xEB])
        #expect(decoded == "€Š’“”œŸë")
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() {
        let text = "leerling,groep,website,nieuwsbrief,sociale-media,klassenapp\n"
            + "\"Jansen, Piet \"\"PJ\"\"\",7,ja,nee,nee,ja\n"
            + "\"Tweeregelige\nNaam\",8,nee,nee,nee,nee\n"
            + "Lisa de Wit,3,ja,ja,ja,ja\n"
        let (list, problems) = Self.load(Data(text.utf8))
        #expect(problems.isEmpty)
        #expect(list?.leerlingen.map(\.naam) == ["Jansen, Piet \"PJ\"", "Tweeregelige Naam", "Lisa de Wit"])
        // The record with a line break inside quotes starts on line 3; the next one is on line 5.
        #expect(list?.leerlingen.map(\.line) == [2, 3, 5])
        #expect(list?.hasBirthDates == false)
    }

    @Test func excelSeparatorLineAndBlankTrailingRows() {
        let text = "sep=,\nleerling,groep,website,nieuwsbrief,sociale-media,klassenapp\nLisa,3,ja,ja,ja,ja\n,,,,,\n\n"
        let (list, problems) = Self.load(Data(text.utf8))
        #expect(problems.isEmpty)
        #expect(list?.leerlingen.map(\.line) == [3])
    }

    @Test func headerNamesIgnoreCaseAndSpaces() {
        let text = "Leerling; Groep ;Website;NIEUWSBRIEF;Sociale-Media;Klassenapp\nLisa;3;ja;nee;nee;ja\n"
        let (list, problems) = Self.load(Data(text.utf8))
        #expect(problems.isEmpty)
        #expect(list?.leerlingen.first?.keuzes["nieuwsbrief"] == false)
    }

    @Test(arguments: [
        ("14-03-2012", "2012-03-14"), ("4-3-2012", "2012-03-04"), ("14/03/2012", "2012-03-14"),
        ("14.03.2012", "2012-03-14"), ("2012-03-14", "2012-03-14"), ("14 maart 2012", "2012-03-14"),
        ("14-03-2012 00:00", "2012-03-14"), ("2012-03-14T00:00:00", "2012-03-14"),
    ])
    func birthDatesInTheFormsAdministrationsWrite(_ raw: String, _ iso: String) {
        if case .success(let date) = ExportValidator.parseBirthDate(raw) {
            #expect(date.iso == iso)
        } else {
            Issue.record("'\(raw)' was not read as a date")
        }
    }
}
