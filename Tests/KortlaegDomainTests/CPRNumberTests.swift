@testable import KortlaegDomain
import Testing

/// CPR shape: DDMMYY-XXXX or ten digits whose first six are a valid date (CPR-kontoret,
/// "Personnummeret i CPR-systemet", 2008). No modulus-11 check.
struct CPRNumberTests {
    @Test(arguments: [
        ("010203-1234", "0102031234"), ("0102031234", "0102031234"), (" 311299-0001 ", "3112990001"),
        ("290204 1234", "2902041234"), ("300499-1234", "3004991234"),
    ])
    func recognises(_ text: String, _ digits: String) {
        #expect(CPRNumber.normalised(text) == digits)
    }

    @Test(arguments: ["barn-0001", "320101-1234", "011301-1234", "290203-1234", "310499-1234", "000101-1234",
                      "12345", "01020312345", "010203_1234", "01020a1234", ""])
    func rejects(_ text: String) {
        #expect(CPRNumber.normalised(text) == nil)
    }

    @Test func findsCPRInsideText() {
        #expect(CPRNumber.containsCPR("id 010203-1234 here"))
        #expect(!CPRNumber.containsCPR("3"))
    }
}
