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
}
