import Testing
@testable import KortlaegStatistics

@Suite struct McNemarTests {
    static let exactCases: [(b: Int, c: Int, expected: Double)] = [
        (3, 9, 0.14599609375),  // scipy.stats.binomtest(3, 12, 0.5).pvalue
        (10, 14, 0.5412561893463135),  // scipy.stats.binomtest(10, 24, 0.5).pvalue (b + c = 24, last exact)
        (0, 7, 0.015625),  // scipy.stats.binomtest(0, 7, 0.5).pvalue
        (12, 12, 1.0),  // scipy.stats.binomtest(12, 24, 0.5).pvalue
        (1, 0, 1.0),  // scipy.stats.binomtest(1, 1, 0.5).pvalue
    ]

    @Test(arguments: exactCases)
    func exactBinomialBelow25DiscordantPairs(b: Int, c: Int, expected: Double) throws {
        let result = try McNemar(b: b, c: c)
        #expect(result.method == .exactBinomial)
        #expect(result.chiSquared == nil)
        expectClose(result.pValue, expected)
    }

    static let chiSquaredCases: [(b: Int, c: Int, statistic: Double, expected: Double)] = [
        // (abs(15-10)-1)**2/(15+10) = 0.64; scipy.stats.chi2.sf(0.64, 1) (b + c = 25, first χ²)
        (15, 10, 0.64, 0.4237107971667936),
        // (abs(13-12)-1)**2/(13+12) = 0.0; scipy.stats.chi2.sf(0.0, 1)
        (13, 12, 0.0, 1.0),
        // (abs(40-22)-1)**2/(40+22) = 4.661290322580645; scipy.stats.chi2.sf(4.661290322580645, 1)
        (40, 22, 4.661290322580645, 0.030849999436874987),
        // (abs(5-30)-1)**2/(5+30) = 16.457142857142856; scipy.stats.chi2.sf(16.457142857142856, 1)
        (5, 30, 16.457142857142856, 4.976233487907417e-05),
    ]

    @Test(arguments: chiSquaredCases)
    func chiSquaredWithContinuityCorrectionFrom25(b: Int, c: Int, statistic: Double, expected: Double) throws {
        let result = try McNemar(b: b, c: c)
        #expect(result.method == .chiSquaredContinuityCorrected)
        expectClose(result.chiSquared, statistic, absolute: 1e-15)
        expectClose(result.pValue, expected)
    }

    @Test func fromPairedOutcomes() throws {
        // Above the cut-off at T1 → T2: 3 left the abnormal band (b), 1 entered it (c),
        // 2 stayed above, 4 stayed below.
        let before = [true, true, true, false, true, true, false, false, false, false]
        let after = [false, false, false, true, true, true, false, false, false, false]
        let result = try McNemar(before: before, after: after)
        #expect(result.b == 3)
        #expect(result.c == 1)
        // scipy.stats.binomtest(3, 4, 0.5).pvalue = 0.625
        expectClose(result.pValue, 0.625)
    }

    @Test func thresholdIsASetting() throws {
        // scipy.stats.chi2.sf((abs(3-9)-1)**2/12, 1) = scipy.stats.chi2.sf(2.0833333333333335, 1) = 0.14891467317876161
        let result = try McNemar(b: 3, c: 9, chiSquaredThreshold: 10)
        #expect(result.method == .chiSquaredContinuityCorrected)
        expectClose(result.pValue, 0.14891467317876161)
    }

    @Test func notComputable() {
        #expect(throws: StatisticsError.noDiscordantPairs) { try McNemar(b: 0, c: 0) }
        #expect(throws: StatisticsError.noDiscordantPairs) {
            try McNemar(before: [true, false], after: [true, false])
        }
        #expect(throws: StatisticsError.noDiscordantPairs) { try McNemar(before: [], after: []) }
        #expect(throws: StatisticsError.unequalLengths(before: 2, after: 1)) {
            try McNemar(before: [true, false], after: [true])
        }
        #expect(throws: StatisticsError.self) { try McNemar(b: -1, c: 3) }
    }
}
