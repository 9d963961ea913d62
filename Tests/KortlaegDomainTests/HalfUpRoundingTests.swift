import Testing
@testable import KortlaegDomain

/// Source: youthinmind "Scoring the SDQ for age 4-17": scale = floor(5·S/k + 0.5); exact integer
/// form (10·S + k) div (2·k) (shared/specs/sdq.md).
struct HalfUpRoundingTests {
    @Test(arguments: [
        // (S, k, expected) for 5-item scales: expected = floor(5*S/k + 0.5), by hand
        (2, 4, 3),   // 2.5 -> 3 (banker's rounding would give 2)
        (1, 4, 1),   // 1.25 -> 1
        (3, 4, 4),   // 3.75 -> 4
        (6, 4, 8),   // 7.5 -> 8
        (1, 3, 2),   // 1.666 -> 2
        (2, 3, 3),   // 3.333 -> 3
        (5, 5, 5),   // no prorating needed
        (0, 3, 0),
        (8, 4, 10),  // 10.0
    ])
    func proratedFiveItemScale(sum: Int, answered: Int, expected: Int) {
        #expect(roundHalfUp(numerator: 5 * sum, denominator: answered) == expected)
    }

    @Test func negativeValuesRoundTowardsPlusInfinityAtHalves() {
        // floor(-2.5 + 0.5) = -2; floor(-2.6 + 0.5) = -3
        #expect(roundHalfUp(numerator: -5, denominator: 2) == -2)
        #expect(roundHalfUp(numerator: -13, denominator: 5) == -3)
    }
}
