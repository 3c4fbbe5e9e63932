import Foundation
import InzageCore
import Testing

@Suite("inzage register")
struct VerwerkingsregisterTests {
    @Test func oneRowPerVerwerkingAndPerProduct() throws {
        let run = try TestContent.valid.check()
        let register = Verwerkingsregister(content: run.content)
        let verwerkingen = run.content.privacyverklaring?.verwerkingen.count ?? 0
        #expect(register.rows.count == verwerkingen + run.content.bijsluiters.count)
        #expect(register.fg.contains("@"))
        // The product with a US subverwerker shows the transfer and its safeguard.
        let transfer = try #require(register.rows.first { !$0.doorgifte.isEmpty })
        #expect(transfer.doorgifte.contains("Verenigde Staten"))
        #expect(transfer.doorgifte.contains("Data Privacy Framework"))
    }

    @Test func csvIsSemicolonSeparatedAndQuotesWhereNeeded() throws {
        let run = try TestContent.valid.check()
        let csv = Verwerkingsregister(content: run.content).csv()
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "bron;verwerking;doel;grondslag;betrokkenen;gegevens;ontvangers;doorgifte;bewaartermijn;beveiliging")
        for line in lines.dropFirst() where !line.contains("\"") {
            #expect(line.split(separator: ";", omittingEmptySubsequences: false).count == 10, "\(line)")
        }
    }

    @Test func jsonParses() throws {
        let run = try TestContent.valid.check()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Verwerkingsregister(content: run.content).json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["verwerkingsverantwoordelijke", "fg", "verwerkingen"])
        let rows = try #require(object["verwerkingen"] as? [[String: String]])
        #expect(rows.allSatisfy { Set($0.keys) == Set(Verwerkingsregister.columns) })
    }
}
