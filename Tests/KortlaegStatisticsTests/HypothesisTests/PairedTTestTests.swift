import Testing
@testable import KortlaegStatistics

/// Paired data sets used across the hypothesis-test and effect-size tests.
enum PairedData {
    /// SDQ-like totals for ten children; one zero difference, tied differences.
    static let beforeA: [Double] = [18, 22, 15, 30, 12, 25, 19, 21, 16, 27]
    static let afterA: [Double] = [14, 20, 15, 24, 13, 19, 17, 16, 15, 22]
    /// Non-integer scores, n = 5.
    static let beforeB: [Double] = [1.2, 3.4, 2.2, 5.1, 4.4]
    static let afterB: [Double] = [2.0, 3.1, 3.5, 6.0, 4.9]
    /// The smallest computable sample, n = 2.
    static let beforeC: [Double] = [10, 12]
    static let afterC: [Double] = [8, 11]
    /// n = 40, numpy.random.default_rng(20260101): before = rng.integers(5, 30, 40),
    /// after = max(0, before + rng.integers(-6, 4, 40)).
    static let beforeD: [Double] = [
        16, 10, 21, 25, 6, 18, 16, 27, 14, 9, 12, 23, 5, 27, 29, 13, 26, 25, 6, 21, 25, 11, 22, 24,
        17, 24, 22, 17, 26, 19, 11, 20, 5, 17, 15, 16, 14, 24, 16, 12,
    ]
    static let afterD: [Double] = [
        10, 7, 21, 25, 4, 18, 17, 23, 15, 7, 6, 18, 2, 22, 26, 16, 20, 27, 0, 24, 25, 10, 20, 22,
        12, 19, 25, 16, 24, 15, 5, 17, 0, 19, 17, 18, 12, 18, 19, 15,
    ]
}

struct PairedTTestCase: Sendable, CustomTestStringConvertible {
    var name: String
    var before: [Double]
    var after: [Double]
    var level: Double
    var meanDifference: Double
    var standardDeviation: Double
    var t: Double
    var pValue: Double
    var lower: Double
    var upper: Double
    var testDescription: String { "\(name) at \(level)" }
}

@Suite struct PairedTTestTests {
    // res = scipy.stats.ttest_rel(after, before); ci = res.confidence_interval(level);
    // sd = numpy.std(after - before, ddof=1).
    static let cases: [PairedTTestCase] = [
        // scipy.stats.ttest_rel(afterA, beforeA): statistic -3.7370465934182984, pvalue 0.004646628087613756;
        // .confidence_interval(0.95) = (-4.815998628528469, -1.1840013714715316)
        .init(name: "A", before: PairedData.beforeA, after: PairedData.afterA, level: 0.95,
              meanDifference: -3.0, standardDeviation: 2.5385910352879693, t: -3.7370465934182984,
              pValue: 0.004646628087613756, lower: -4.815998628528469, upper: -1.1840013714715316),
        // scipy.stats.ttest_rel(afterA, beforeA).confidence_interval(0.90) = (-4.471573516812493, -1.5284264831875074)
        .init(name: "A", before: PairedData.beforeA, after: PairedData.afterA, level: 0.90,
              meanDifference: -3.0, standardDeviation: 2.5385910352879693, t: -3.7370465934182984,
              pValue: 0.004646628087613756, lower: -4.471573516812493, upper: -1.5284264831875074),
        // scipy.stats.ttest_rel(afterB, beforeB): statistic 2.3917922968061953, pvalue 0.07502160320336917;
        // .confidence_interval(0.95) = (-0.10292607669125309, 1.3829260766912532)
        .init(name: "B", before: PairedData.beforeB, after: PairedData.afterB, level: 0.95,
              meanDifference: 0.64, standardDeviation: 0.5983310120660635, t: 2.3917922968061953,
              pValue: 0.07502160320336917, lower: -0.10292607669125309, upper: 1.3829260766912532),
        // scipy.stats.ttest_rel(afterB, beforeB).confidence_interval(0.90) = (0.06955667803139043, 1.2104433219686093)
        .init(name: "B", before: PairedData.beforeB, after: PairedData.afterB, level: 0.90,
              meanDifference: 0.64, standardDeviation: 0.5983310120660635, t: 2.3917922968061953,
              pValue: 0.07502160320336917, lower: 0.06955667803139043, upper: 1.2104433219686093),
        // scipy.stats.ttest_rel(afterC, beforeC): statistic -3.0, pvalue 0.20483276469913345;
        // .confidence_interval(0.95) = (-7.853102368087347, 4.853102368087347)
        .init(name: "C (n = 2)", before: PairedData.beforeC, after: PairedData.afterC, level: 0.95,
              meanDifference: -1.5, standardDeviation: 0.7071067811865476, t: -3.0,
              pValue: 0.20483276469913345, lower: -7.853102368087347, upper: 4.853102368087347),
        // scipy.stats.ttest_rel(afterD, beforeD): statistic -3.5669364939768573, pvalue 0.0009750339520035999;
        // .confidence_interval(0.95) = (-2.7423667315191897, -0.7576332684808104)
        .init(name: "D (n = 40)", before: PairedData.beforeD, after: PairedData.afterD, level: 0.95,
              meanDifference: -1.75, standardDeviation: 3.1029349216838447, t: -3.5669364939768573,
              pValue: 0.0009750339520035999, lower: -2.7423667315191897, upper: -0.7576332684808104),
    ]

    @Test(arguments: cases)
    func matchesSciPyTtestRel(_ expected: PairedTTestCase) throws {
        let result = try PairedTTest(
            before: expected.before, after: expected.after, confidenceLevel: expected.level)
        #expect(result.n == expected.before.count)
        #expect(result.degreesOfFreedom == expected.before.count - 1)
        expectClose(result.meanDifference, expected.meanDifference)
        expectClose(result.standardDeviation, expected.standardDeviation)
        expectClose(result.standardError, expected.standardDeviation / Double(expected.before.count).squareRoot())
        expectClose(result.t, expected.t)
        expectClose(result.pValue, expected.pValue)
        expectClose(result.confidenceInterval.lower, expected.lower)
        expectClose(result.confidenceInterval.upper, expected.upper)
        #expect(result.confidenceInterval.level == expected.level)
    }

    @Test func differencesInitializerAgreesWithPairs() throws {
        let differences = zip(PairedData.afterA, PairedData.beforeA).map { $0 - $1 }
        let fromDifferences = try PairedTTest(differences: differences)
        let fromPairs = try PairedTTest(before: PairedData.beforeA, after: PairedData.afterA)
        #expect(fromDifferences == fromPairs)
    }

    @Test func zeroStandardDeviationIsNotComputable() {
        // Every child dropped exactly 2 points: t would be −∞.
        #expect(throws: StatisticsError.noVariation(statistic: "paired t-test")) {
            try PairedTTest(before: [10, 12, 15], after: [8, 10, 13])
        }
        // Identical non-representable differences must not leak rounding noise as a huge t.
        #expect(throws: StatisticsError.noVariation(statistic: "paired t-test")) {
            try PairedTTest(differences: [0.1, 0.1, 0.1])
        }
    }

    @Test func tooFewOrInvalidInput() {
        #expect(throws: StatisticsError.tooFewObservations(statistic: "paired t-test", required: 2, actual: 1)) {
            try PairedTTest(before: [10], after: [8])
        }
        #expect(throws: StatisticsError.tooFewObservations(statistic: "paired t-test", required: 2, actual: 0)) {
            try PairedTTest(before: [], after: [])
        }
        #expect(throws: StatisticsError.unequalLengths(before: 3, after: 2)) {
            try PairedTTest(before: [1, 2, 3], after: [1, 2])
        }
        #expect(throws: StatisticsError.nonFiniteValue(position: 2)) {
            try PairedTTest(before: [1, 2, 3], after: [1, .nan, 3])
        }
        #expect(throws: StatisticsError.invalidConfidenceLevel(95)) {
            try PairedTTest(before: PairedData.beforeA, after: PairedData.afterA, confidenceLevel: 95)
        }
    }
}
