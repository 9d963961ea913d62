import Testing
@testable import KortlaegStatistics

@Suite struct BinomialTests {
    static let massCases: [(k: Int, n: Int, p: Double, expected: Double)] = [
        (3, 10, 0.5, 0.1171875),  // scipy.stats.binom.pmf(3, 10, 0.5)
        (0, 20, 0.3, 0.0007979226629761171),  // scipy.stats.binom.pmf(0, 20, 0.3)
        (20, 20, 0.3, 3.4867844009999975e-11),  // scipy.stats.binom.pmf(20, 20, 0.3)
        (7, 24, 0.5, 0.020629405975341845),  // scipy.stats.binom.pmf(7, 24, 0.5)
        (130, 400, 0.37, 0.0072490556870111345),  // scipy.stats.binom.pmf(130, 400, 0.37)
        (1, 1000, 0.001, 0.3680634882592233),  // scipy.stats.binom.pmf(1, 1000, 0.001)
    ]

    @Test(arguments: massCases)
    func probabilityMassMatchesSciPy(k: Int, n: Int, p: Double, expected: Double) throws {
        expectClose(try Binomial.probabilityMass(successes: k, trials: n, probability: p), expected)
    }

    static let testCases: [(k: Int, n: Int, p: Double, expected: Double)] = [
        (3, 10, 0.5, 0.34375),  // scipy.stats.binomtest(3, 10, 0.5).pvalue
        (5, 10, 0.5, 1.0),  // scipy.stats.binomtest(5, 10, 0.5).pvalue
        (0, 12, 0.5, 0.00048828125),  // scipy.stats.binomtest(0, 12, 0.5).pvalue
        (7, 24, 0.5, 0.06391465663909912),  // scipy.stats.binomtest(7, 24, 0.5).pvalue
        (2, 15, 0.3, 0.25797028800588384),  // scipy.stats.binomtest(2, 15, 0.3).pvalue
        (9, 15, 0.3, 0.01999008727971399),  // scipy.stats.binomtest(9, 15, 0.3).pvalue
        (130, 400, 0.37, 0.062469460890775),  // scipy.stats.binomtest(130, 400, 0.37).pvalue
        (1, 1, 0.5, 1.0),  // scipy.stats.binomtest(1, 1, 0.5).pvalue
        (0, 1, 0.5, 1.0),  // scipy.stats.binomtest(0, 1, 0.5).pvalue
        (4, 9, 0.5, 1.0),  // scipy.stats.binomtest(4, 9, 0.5).pvalue
        (12, 40, 0.2, 0.1159673303817507),  // scipy.stats.binomtest(12, 40, 0.2).pvalue
    ]

    @Test(arguments: testCases)
    func twoSidedPValueMatchesSciPyBinomtest(k: Int, n: Int, p: Double, expected: Double) throws {
        expectClose(try Binomial.twoSidedPValue(successes: k, trials: n, probability: p), expected)
    }

    @Test func invalidCounts() {
        #expect(throws: StatisticsError.invalidCounts(successes: 5, trials: 4)) {
            try Binomial.twoSidedPValue(successes: 5, trials: 4)
        }
        #expect(throws: StatisticsError.invalidCounts(successes: -1, trials: 4)) {
            try Binomial.twoSidedPValue(successes: -1, trials: 4)
        }
        #expect(throws: StatisticsError.tooFewObservations(statistic: "binomial test", required: 1, actual: 0)) {
            try Binomial.twoSidedPValue(successes: 0, trials: 0)
        }
        #expect(throws: StatisticsError.invalidProbability(1.2)) {
            try Binomial.twoSidedPValue(successes: 1, trials: 4, probability: 1.2)
        }
    }
}
