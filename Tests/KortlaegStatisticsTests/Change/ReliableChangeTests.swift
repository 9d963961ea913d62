import Testing
@testable import KortlaegStatistics

@Suite struct ReliableChangeTests {
    // By hand (Jacobson & Truax 1991): S_diff = SD·√(2(1 − r)), RCI = (T2 − T1)/S_diff.
    static let cases: [(
        before: Double, after: Double, sd: Double, r: Double, sDiff: Double, index: Double,
        classification: ReliableChange.Classification
    )] = [
        // 5·√0.4 = 3.162277660168379; −7/3.162277660168379 = -2.2135943621178655
        (20, 13, 5, 0.8, 3.162277660168379, -2.2135943621178655, .reliableDecrease),
        // 4·√1 = 4; 7/4 = 1.75
        (10, 17, 4, 0.5, 4.0, 1.75, .noReliableChange),
        // 2.92·√0.54 = 2.145753014678064; −5/2.145753014678064 = -2.330184306300588
        (8, 3, 2.92, 0.73, 2.145753014678064, -2.330184306300588, .reliableDecrease),
        // 3·√2 = 4.242640687119286; 9/4.242640687119285 = 2.1213203435596424
        (4, 13, 3, 0, 4.242640687119286, 2.1213203435596424, .reliableIncrease),
    ]

    @Test(arguments: cases)
    func handComputedIndex(
        before: Double, after: Double, sd: Double, r: Double, sDiff: Double, index: Double,
        classification: ReliableChange.Classification
    ) throws {
        let change = try ReliableChange(before: before, after: after, standardDeviation: sd, reliability: r)
        #expect(change.change == after - before)
        expectClose(change.standardErrorOfDifference, sDiff)
        expectClose(change.index, index)
        #expect(change.classification == classification)
        #expect(change.isReliable == (classification != .noReliableChange))
    }

    @Test func criterionIsStrict() throws {
        // SD 5, r 0.5: S_diff = 5, change 10 → RCI exactly 2, which does not exceed 2.
        let change = try ReliableChange(before: 12, after: 22, standardDeviation: 5, reliability: 0.5, criterion: 2)
        #expect(change.index == 2)
        #expect(!change.isReliable)
        #expect(change.criterion == 2)
        // ... but exceeds the default 1.96.
        #expect(try ReliableChange(before: 12, after: 22, standardDeviation: 5, reliability: 0.5).isReliable)
    }

    @Test func invalidParameters() {
        #expect(throws: StatisticsError.invalidReliability(1)) {
            try ReliableChange(before: 1, after: 2, standardDeviation: 3, reliability: 1)
        }
        #expect(throws: StatisticsError.invalidReliability(-0.1)) {
            try ReliableChange(before: 1, after: 2, standardDeviation: 3, reliability: -0.1)
        }
        #expect(throws: StatisticsError.self) {
            try ReliableChange(before: 1, after: 2, standardDeviation: 3, reliability: .nan)
        }
        #expect(throws: StatisticsError.invalidStandardDeviation(0)) {
            try ReliableChange(before: 1, after: 2, standardDeviation: 0, reliability: 0.7)
        }
        #expect(throws: StatisticsError.invalidCriterion(-1)) {
            try ReliableChange(before: 1, after: 2, standardDeviation: 3, reliability: 0.7, criterion: -1)
        }
        #expect(throws: StatisticsError.nonFiniteValue(position: 2)) {
            try ReliableChange(before: 1, after: .nan, standardDeviation: 3, reliability: 0.7)
        }
    }
}
