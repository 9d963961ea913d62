import KortlaegTestSupport
import KortlaegDomain
import Testing
@testable import KortlaegExport

/// Cases by hand from the CPR rule: DDMMYY-SSSS or ten digits, the first six a valid date.
@Test(arguments: [
    ("010190-1234", true), ("0101901234", true), ("010190 1234", true),
    ("barn 2902001234 x", true),   // 29 Feb 2000 (leap year, 00 accepted)
    ("2902011234", false),          // 29 Feb 2001 does not exist
    ("3104991234", false),          // 31 April
    ("0013991234", false),          // month 13... and day 00
    ("12345678901", false),         // 11 digits: part of a longer number
    ("010190-123", false),          // too short
    ("3f2a-09bc-77de-a104", false), // a pseudonym
    ("2026-11-23", false), ("pemotion_t1", false), ("", false),
])
func detectsCPRShapedText(text: String, expected: Bool) {
    #expect(CPRNumber.containsCPR(text) == expected)
}

@Test func detectsCPRShapedNumbers() {
    #expect(CPRNumber.looksLikeCPR(101_901_234))  // 0101901234 with its leading zero restored
    #expect(!CPRNumber.looksLikeCPR(18))
    #expect(!CPRNumber.looksLikeCPR(-1.5811388300841895))
}
