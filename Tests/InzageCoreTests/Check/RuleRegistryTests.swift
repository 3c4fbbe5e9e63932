@testable import InzageCore
import Testing

@Suite("RuleRegistry")
struct RuleRegistryTests {
    /// Every rule code, each with a test file under Check/<kind>/. A new rule must be added here
    /// (and get its tests), so none slips through without them.
    static let tested: [String] = [
        "ORG-REQUIRED", "ORG-FG", "ORG-BRIN", "ORG-BRIN-O", "ORG-COLOUR", "ORG-SITE",
        "BS-PRODUCT", "BS-SOORT", "BS-CAT", "BS-CAT-12", "BS-SPECIAL", "BS-BSN", "BS-DOEL", "BS-EER", "BS-WAARBORG", "BS-SUB",
        "BS-RETENTION", "BS-VERSION", "BS-VWO", "BS-STALE", "BS-ENTREE", "BS-DATALEK", "BS-HISTORY",
        "PV-GROUND", "PV-ADM", "PV-DATES", "PV-RETENTION",
        "PS-COOKIE", "PS-STATS",
        "RG-NUM", "RG-REF", "RG-GMR",
        "BT-START", "BT-MIN",
        "FT-CHANNELS", "FT-WITHDRAW", "FT-SCHOOLJAAR",
        "TG-STATUS",
        "TXT-PLACEHOLDER", "TXT-OUTDATED", "TXT-CONTACT",
        "PG-PAGE",
        "X-RECIPIENTS", "X-SCHOOL", "X-CONSENT",
    ]

    @Test func everyRegisteredRuleHasTests() {
        #expect(RuleRegistry.all.map(\.code).sorted() == Self.tested.sorted())
    }

    @Test func codesAreUnique() {
        let codes = RuleRegistry.all.map(\.code)
        #expect(Set(codes).count == codes.count)
    }

    @Test func everyRuleNamesItsSource() {
        for rule in RuleRegistry.all {
            #expect(!rule.source.isEmpty, "\(rule.code)")
        }
    }

    /// `Checker` groups rules by `scope`, the default of the protocol a rule adopts; it must say
    /// what the type says, and every kind of rule must be among the registered ones.
    @Test func everyRuleScopeMatchesItsProtocol() {
        for rule in RuleRegistry.all {
            let expected: RuleScope = switch rule {
            case is any BijsluiterRule: .bijsluiter
            case is any FileRule: .file
            case is any BijsluiterReadingRule: .documentsWithBijsluiters
            case is any DocumentRule: .documents
            default: .bijsluiter  // adopts none of them: always wrong
            }
            #expect(rule.scope == expected, "\(rule.code)")
        }
        let scopes = RuleRegistry.all.map(\.scope)
        #expect([RuleScope.bijsluiter, .file, .documentsWithBijsluiters, .documents].allSatisfy(scopes.contains))
    }

    @Test(arguments: RuleRegistry.all.map(\.code))
    func validContentIsSilent(code: String) throws {
        let run = try TestContent.valid.check()
        #expect(run.diagnostics(code).isEmpty, "\(run.summary)")
    }
}
