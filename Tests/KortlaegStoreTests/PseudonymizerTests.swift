import Foundation
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

    /// The site is part of the message: HMAC-SHA256(key, "site:" + site lowercased + NUL + "id:" + id),
    /// first 16 bytes in hex. Key bytes 0…31; expected values from Python:
    /// `hmac.new(bytes(range(32)), b'site:aarhus\x00id:elev-0001', hashlib.sha256).hexdigest()[:32]`.
    @Test func theSiteIsPartOfThePseudonym() {
        let pseudonymizer = Pseudonymizer(key: Data(0..<32))
        #expect(pseudonymizer.pseudonym(for: "elev-0001", site: "Aarhus") == "45f1f0d3a313bcec807fde12ad9fc0a8")
        #expect(pseudonymizer.pseudonym(for: "elev-0001", site: "  aarhus ") == "45f1f0d3a313bcec807fde12ad9fc0a8")
        #expect(pseudonymizer.pseudonym(for: "elev-0001", site: "Odense") == "95c76143c63788e9eda82c72ab32bab9")
        #expect(pseudonymizer.pseudonym(for: "elev-0001") == "b157be956d3120bc889838cf8728348a")
        #expect(pseudonymizer.pseudonym(for: "elev-0001", site: nil) == pseudonymizer.pseudonym(for: "elev-0001"))
        #expect(pseudonymizer.pseudonym(for: "elev-0001", site: " ") == pseudonymizer.pseudonym(for: "elev-0001"))
        #expect(pseudonymizer.pseudonym(for: " ", site: "Aarhus") == nil)
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
