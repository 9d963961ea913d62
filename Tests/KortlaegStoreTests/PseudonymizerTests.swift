import KortlaegDomain
import Testing
@testable import KortlaegStore

struct PseudonymizerTests {
    @Test func sameCPRWithAndWithoutDashGivesSamePseudonym() {
        let pseudonymizer = Pseudonymizer(key: Pseudonymizer.makeKey())
        #expect(pseudonymizer.pseudonym(for: "010203-1234") == pseudonymizer.pseudonym(for: "0102031234"))
        #expect(pseudonymizer.pseudonym(for: "barn-1") != pseudonymizer.pseudonym(for: "barn-2"))
        #expect(pseudonymizer.pseudonym(for: "  ") == nil)
        #expect(pseudonymizer.pseudonym(for: "barn-1")?.count == 32)
    }

    @Test func differentKeysGiveDifferentPseudonyms() {
        let a = Pseudonymizer(key: Pseudonymizer.makeKey()), b = Pseudonymizer(key: Pseudonymizer.makeKey())
        #expect(a.pseudonym(for: "barn-1") != b.pseudonym(for: "barn-1"))
    }
}

struct OccasionTests {
    @Test(arguments: [("T1", Occasion.initial), ("t2", .final), ("F1", .followUp(1)), ("F12", .followUp(12))])
    func parses(_ text: String, _ occasion: Occasion) {
        #expect(Occasion(text) == occasion)
        #expect(Occasion(occasion.code) == occasion)
    }

    @Test(arguments: ["T3", "F0", "F01", "X", ""])
    func rejects(_ text: String) {
        #expect(Occasion(text) == nil)
    }
}
