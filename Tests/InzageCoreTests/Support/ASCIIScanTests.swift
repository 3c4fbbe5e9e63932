@testable import InzageCore
import Testing

@Suite("ASCIIScan")
struct ASCIIScanTests {
    @Test func findsANeedleIgnoringASCIICase() {
        #expect(ASCIIScan.containsAny("De gegevens worden VERWIJDERD na twee jaar", ["bewaard", "verwijderd"]))
        #expect(ASCIIScan.containsAny("verwijderd", ["verwijderd"]))
        #expect(ASCIIScan.containsAny("één keer verwijderd", ["verwijderd"]))
    }

    @Test func missesWhatIsNotThere() {
        #expect(!ASCIIScan.containsAny("De gegevens worden bewaard", ["verwijderd"]))
        #expect(!ASCIIScan.containsAny("verwijder", ["verwijderd"]))
        #expect(!ASCIIScan.containsAny("", ["a"]))
        #expect(!ASCIIScan.containsAny("abc", [""]))
        #expect(!ASCIIScan.containsAny("abc", []))
    }

    @Test func preparedNeedlesFindTheSameInAnyCaseAndInSlices() {
        let needles = ASCIIScan.Needles(["n.t.b", "xxx", "verwijderd"])
        #expect(ASCIIScan.containsAny("Adres: N.T.B.", needles))
        #expect(ASCIIScan.containsAny("Naam: XxX", needles))
        let line = "eerste regel\nis Verwijderd\nlaatste"
        #expect(ASCIIScan.containsAny(line.split(separator: "\n")[1], needles))
        #expect(!ASCIIScan.containsAny(line.split(separator: "\n")[0], needles))
        #expect(!ASCIIScan.containsAny("n.t. b en xx x", needles))
        #expect(!ASCIIScan.containsAny("verwijderd", ASCIIScan.Needles([])))
    }
}
