import KortlaegDomain
import Testing
@testable import KortlaegReports

/// Half up (floor(x·10ᵈ + 0.5)), decimal comma in Danish, no "-0".
struct NumberFormatTests {
    @Test(arguments: [
        (2.5, 0, "3"), (3.5, 0, "4"), (-2.5, 0, "-2"), (0.05, 1, "0,1"), (2.675, 2, "2,68"),
        (-0.04, 1, "0,0"), (12.0, 1, "12,0"), (1234.5, 1, "1234,5"), (-3.25, 1, "-3,2"),
    ])
    func danishFixed(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(NumberFormat.fixed(decimals, .danish).string(value) == expected)
    }

    @Test func trimsZerosAndUsesAPointInEnglish() {
        #expect(NumberFormat.upTo(2, .english).string(3.5) == "3.5")
        #expect(NumberFormat.upTo(2, .danish).string(12) == "12")
        #expect(NumberFormat.upTo(1, .danish).string(-0.01) == "0")
        #expect(NumberFormat.fixed(1, .english).string(.nan) == "–")
    }

    @Test func tablePadsColumnsToTheWidestCell() {
        let table = TextTable(header: ["Skala", "T1"], rows: [["Emotionelle", "3"], ["Adfærd", "10"]], rightAligned: [1])
        #expect(table.lines == ["Skala        T1", "Emotionelle   3", "Adfærd       10"])
    }
}
