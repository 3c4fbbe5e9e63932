import Foundation
@testable import InzageCore
import Testing

@Suite("Letters: every export error with its line")
struct LettersExportDiagnosticsTests {
    static let header = "leerling;groep;geboortedatum;website;nieuwsbrief;sociale-media;klassenapp"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// "line:column CODE message"
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown channel column",
             text: "leerling;groep;website;nieuwsbrief;sociale-media;klassenapp;schoolgids\nLisa;3;ja;ja;ja;ja;ja\n",
             expected: ["1:61 LL-COLUMN onbekende kolom 'schoolgids': dit is geen kanaal uit fototoestemming.yaml"]),
        Case(name: "misspelled channel column",
             text: "leerling;groep;website;niewsbrief;sociale-media;klassenapp\nLisa;3;ja;ja;ja;ja\n",
             expected: ["1:1 LL-MISSING de kolom voor kanaal 'nieuwsbrief' ontbreekt",
                        "1:24 LL-COLUMN onbekende kolom 'niewsbrief': dit is geen kanaal uit fototoestemming.yaml"]),
        Case(name: "missing required column",
             text: "leerling;website;nieuwsbrief;sociale-media;klassenapp\nLisa;ja;ja;ja;ja\n",
             expected: ["1:1 LL-MISSING de kolom 'groep' ontbreekt"]),
        Case(name: "duplicate column",
             text: "leerling;groep;website;nieuwsbrief;sociale-media;klassenapp;website\nLisa;3;ja;ja;ja;ja;nee\n",
             expected: ["1:61 LL-COLUMN de kolom 'website' staat er twee keer in"]),
        Case(name: "value other than ja or nee",
             text: "\(header)\nLisa;3;01-02-2016;ja;ja;misschien;ja\nBram;4;01-02-2015;ja;ja;nee;ja\n",
             expected: ["2:25 LL-VALUE 'misschien' in kolom 'sociale-media' is geen ja of nee"]),
        Case(name: "empty value",
             text: "\(header)\nLisa;3;01-02-2016;ja;;nee;ja\n",
             expected: ["2:22 LL-VALUE de keuze voor kanaal 'nieuwsbrief' is leeg"]),
        Case(name: "impossible date",
             text: "\(header)\nLisa;3;01-02-2016;ja;ja;nee;ja\nBram;4;31-02-2015;ja;ja;nee;ja\n",
             expected: ["3:8 LL-DATE geboortedatum '31-02-2015' bestaat niet"]),
        Case(name: "impossible month",
             text: "\(header)\nLisa;3;2016-13-01;ja;ja;nee;ja\n",
             expected: ["2:8 LL-DATE geboortedatum '2016-13-01' bestaat niet"]),
        Case(name: "no date at all",
             text: "\(header)\nLisa;3;vorig jaar;ja;ja;nee;ja\n",
             expected: ["2:8 LL-DATE 'vorig jaar' is geen geboortedatum"]),
        Case(name: "missing date",
             text: "\(header)\nLisa;3;;ja;ja;nee;ja\n",
             expected: ["2:8 LL-DATE de geboortedatum ontbreekt"]),
        Case(name: "date after the reminder",
             text: "\(header)\nLisa;3;01-01-2027;ja;ja;nee;ja\n",
             expected: ["2:8 LL-DATE de geboortedatum ligt na de datum van de herinnering (15 september 2026)"]),
        Case(name: "too few fields",
             text: "\(header)\nLisa;3;01-02-2016;ja;ja;nee;ja\nBram;4;01-02-2015;ja;ja\n",
             expected: ["3:1 LL-FIELDS deze regel heeft 5 velden, de kopregel heeft er 7"]),
        Case(name: "empty name",
             text: "\(header)\n;3;01-02-2016;ja;ja;nee;ja\n",
             expected: ["2:1 LL-EMPTY de naam van de leerling ontbreekt"]),
        Case(name: "empty group",
             text: "\(header)\nLisa; ;01-02-2016;ja;ja;nee;ja\n",
             expected: ["2:6 LL-EMPTY de groep of klas ontbreekt"]),
        Case(name: "unclosed quote",
             text: "\(header)\n\"Lisa;3;01-02-2016;ja;ja;nee;ja\n",
             expected: ["2:1 LL-QUOTE dit aanhalingsteken (\") wordt nergens gesloten"]),
        Case(name: "only a header",
             text: "\(header)\r\n",
             expected: ["1:1 LL-EMPTY de export bevat geen leerlingen, alleen de kopregel"]),
        Case(name: "empty file",
             text: "",
             expected: ["1:1 LL-EMPTY de export is leeg"]),
        Case(name: "errors on several lines are all reported, in order",
             text: "\(header)\r\nLisa;3;30-02-2016;ja;ja;nee;ja\r\nBram;4;01-02-2015;ja;jawel;nee;ja\r\nNoor;5;01-02-2014;ja;ja;nee;ja\r\nTim;6;01-02-2013;nee\r\n",
             expected: ["2:8 LL-DATE geboortedatum '30-02-2016' bestaat niet",
                        "3:22 LL-VALUE 'jawel' in kolom 'nieuwsbrief' is geen ja of nee",
                        "5:1 LL-FIELDS deze regel heeft 4 velden, de kopregel heeft er 7"]),
    ]

    @Test(arguments: cases)
    func reportsTheProblemAtItsLine(_ testCase: Case) {
        let (list, problems) = ExportValidator.load(Data(testCase.text.utf8), file: "leerlingen.csv",
                                                    kanalen: ["website", "nieuwsbrief", "sociale-media", "klassenapp"],
                                                    reminderDate: SchoolDate(year: 2026, month: 9, day: 15)!)
        #expect(list == nil, "no pupils may come back from an export with errors")
        #expect(problems.map { "\($0.location.line):\($0.location.column) \($0.code) \($0.message)" } == testCase.expected)
        #expect(problems.allSatisfy { $0.severity == .error && $0.location.file == "leerlingen.csv" && $0.hint != nil || $0.code == "LL-EMPTY" })
    }

    @Test func utf16IsRefusedWithAnExplanation() {
        let data = Data([0xFF, 0xFE] + Array("leerling".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let (list, problems) = ExportValidator.load(data, file: "x.csv", kanalen: ["website"], reminderDate: SchoolDate(year: 2026, month: 9, day: 15)!)
        #expect(list == nil)
        #expect(problems.map(\.code) == ["LL-ENCODING"])
        #expect(problems.first?.message.contains("UTF-16") == true)
    }

    @Test func messagesNeverQuoteAPupilsName() {
        let text = "\(Self.header)\nGeheime Naam;3;31-02-2016;misschien;ja;nee;ja\nAndere Naam;4\n"
        let (_, problems) = ExportValidator.load(Data(text.utf8), file: "x.csv", kanalen: ["website", "nieuwsbrief", "sociale-media", "klassenapp"],
                                                 reminderDate: SchoolDate(year: 2026, month: 9, day: 15)!)
        #expect(problems.count == 3)
        for problem in problems {
            #expect(!problem.message.contains("Naam") && !(problem.hint ?? "").contains("Naam"))
        }
    }
}
