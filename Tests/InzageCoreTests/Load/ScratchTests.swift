import InzageCore
import Testing
import Foundation

@Suite struct Scratch {
    @Test func billionLaughs() throws {
        var yaml = "naam: &a [x, x, x, x, x, x, x, x, x, x]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            yaml += "k\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let start = Date()
        let run = try TestContent.valid.replacingFile("organisatie.yaml", with: yaml).check()
        print("ELAPSED", Date().timeIntervalSince(start))
        print(run.summary.prefix(2000))
    }
    @Test func positions() throws {
        let yaml = Fixture.organisatie
            .replacingOccurrences(of: "naam: Stichting Openbaar Onderwijs De Linde", with: "naam: \"Stichting [naam school]\"\nkvk2: |\n  regel een\n  [datum] twee\nwebsite2: Let op: fout")
        let run = try TestContent.valid.replacingFile("organisatie.yaml", with: yaml).check()
        print(run.summary)
    }
}
