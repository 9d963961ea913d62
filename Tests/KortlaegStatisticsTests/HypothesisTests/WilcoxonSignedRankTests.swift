import Testing
@testable import KortlaegStatistics

struct WilcoxonCase: Sendable, CustomTestStringConvertible {
    var name: String
    var differences: [Double]
    var preference: WilcoxonSignedRank.MethodPreference = .automatic
    var method: WilcoxonSignedRank.Method
    var n: Int
    var zerosDropped: Int
    var rankSumPositive: Double
    var rankSumNegative: Double
    /// scipy's two-sided statistic, min(W+, W−).
    var statistic: Double
    var pValue: Double
    /// scipy's zstatistic (−|z|) for method='asymptotic'; nil for exact.
    var negativeAbsoluteZ: Double?
    var testDescription: String { name }
}

@Suite struct WilcoxonSignedRankTests {
    static let approximation = WilcoxonSignedRank.Method.normalApproximation(
        tieCorrected: false, continuityCorrected: true)
    static let tieCorrectedApproximation = WilcoxonSignedRank.Method.normalApproximation(
        tieCorrected: true, continuityCorrected: true)

    // All: scipy.stats.wilcoxon(d, zero_method='wilcox', correction=True, method=M), with
    // M = 'exact' when `method` is .exact and M = 'asymptotic' otherwise (scipy 1.17 spells
    // the normal approximation 'asymptotic'); W+ and W− from scipy.stats.rankdata(abs(d)).
    static let cases: [WilcoxonCase] = [
        // method='exact': statistic 5.0, pvalue 0.078125
        .init(name: "no ties, n = 8, exact", differences: [1.5, -0.3, 2.2, 4.1, -1.7, 3.3, 0.8, 2.9],
              method: .exact, n: 8, zerosDropped: 0, rankSumPositive: 31, rankSumNegative: 5,
              statistic: 5, pValue: 0.078125),
        // method='asymptotic': statistic 5.0, pvalue 0.08005791998443475, zstatistic -1.750350105035012
        .init(name: "no ties, n = 8, forced approximation", differences: [1.5, -0.3, 2.2, 4.1, -1.7, 3.3, 0.8, 2.9],
              preference: .normalApproximation, method: approximation, n: 8, zerosDropped: 0,
              rankSumPositive: 31, rankSumNegative: 5, statistic: 5, pValue: 0.08005791998443475,
              negativeAbsoluteZ: -1.750350105035012),
        // method='exact': statistic 63.0, pvalue 0.1230926513671875
        .init(name: "no ties, n = 20, exact",
              differences: [0.51, 1.02, -1.47, 2.04, 2.55, -2.94, 3.57, 4.08, -4.41, 5.1, 5.61, -5.88,
                            6.63, 7.14, -7.35, 8.16, 8.67, -8.82, 9.69, 10.2],
              method: .exact, n: 20, zerosDropped: 0, rankSumPositive: 147, rankSumNegative: 63,
              statistic: 63, pValue: 0.1230926513671875),
        // method='exact': statistic 299.0, pvalue 0.0008156048825487261
        .init(name: "no ties, n = 50 (largest exact), exact", differences: n50,
              method: .exact, n: 50, zerosDropped: 0, rankSumPositive: 976, rankSumNegative: 299,
              statistic: 299, pValue: 0.0008156048825487261),
        // method='asymptotic': statistic 630.0, pvalue 0.03622649417878663, zstatistic -2.094376053962742
        .init(name: "no ties, n = 60, approximation", differences: n60,
              method: approximation, n: 60, zerosDropped: 0, rankSumPositive: 1200, rankSumNegative: 630,
              statistic: 630, pValue: 0.03622649417878663, negativeAbsoluteZ: -2.094376053962742),
        // method='asymptotic': statistic 8.0, pvalue 0.00951697648473363, zstatistic -2.592902434056341
        .init(name: "ties, approximation with tie correction",
              differences: [-4, -2, -6, 1, -2, -5, -2, -1, -5, 3, -4, -6, -3],
              method: tieCorrectedApproximation, n: 13, zerosDropped: 0, rankSumPositive: 8,
              rankSumNegative: 83, statistic: 8, pValue: 0.00951697648473363,
              negativeAbsoluteZ: -2.592902434056341),
        // Data set A (after − before). method='asymptotic': statistic 1.5, pvalue 0.014801612180980913,
        // zstatistic -2.437197022938833
        .init(name: "zeros and ties", differences: [-4, -2, 0, -6, 1, -6, -2, -5, -1, -5],
              method: tieCorrectedApproximation, n: 9, zerosDropped: 1, rankSumPositive: 1.5,
              rankSumNegative: 43.5, statistic: 1.5, pValue: 0.014801612180980913,
              negativeAbsoluteZ: -2.437197022938833),
        // method='asymptotic': statistic 2.0, pvalue 0.09349248368983565, zstatistic -1.6772557387550695
        .init(name: "zeros without ties", differences: [0, 1.1, -2.5, 3.7, 4.2, 0, 5.9, 6.3],
              method: approximation, n: 6, zerosDropped: 2, rankSumPositive: 19, rankSumNegative: 2,
              statistic: 2, pValue: 0.09349248368983565, negativeAbsoluteZ: -1.6772557387550695),
        // method='exact': statistic 0.0, pvalue 1.0
        .init(name: "n = 1", differences: [3], method: .exact, n: 1, zerosDropped: 0,
              rankSumPositive: 1, rankSumNegative: 0, statistic: 0, pValue: 1),
        // method='exact': statistic 0.0, pvalue 0.5
        .init(name: "n = 2, same sign", differences: [2, 5], method: .exact, n: 2, zerosDropped: 0,
              rankSumPositive: 3, rankSumNegative: 0, statistic: 0, pValue: 0.5),
        // method='exact': statistic 1.0, pvalue 1.0
        .init(name: "n = 2, mixed signs", differences: [2, -5], method: .exact, n: 2, zerosDropped: 0,
              rankSumPositive: 1, rankSumNegative: 2, statistic: 1, pValue: 1),
        // method='asymptotic': statistic 1.0, pvalue 1.0, zstatistic -0.0 (continuity correction reaches 0)
        .init(name: "n = 2, mixed signs, forced approximation", differences: [2, -5],
              preference: .normalApproximation, method: approximation, n: 2, zerosDropped: 0,
              rankSumPositive: 1, rankSumNegative: 2, statistic: 1, pValue: 1, negativeAbsoluteZ: 0),
        // method='asymptotic': statistic 0.0, pvalue 0.03688842570704982, zstatistic -2.086996778999804
        .init(name: "all differences equal", differences: [2, 2, 2, 2, 2],
              method: tieCorrectedApproximation, n: 5, zerosDropped: 0, rankSumPositive: 15,
              rankSumNegative: 0, statistic: 0, pValue: 0.03688842570704982,
              negativeAbsoluteZ: -2.086996778999804),
    ]

    /// d = [(i if i % 4 else -i) + 0.001 * i * i for i in range(1, 51)]
    static let n50: [Double] = [
        1.001, 2.004, 3.009, -3.984, 5.025, 6.036, 7.049, -7.936, 9.081, 10.1, 11.121, -11.856,
        13.169, 14.196, 15.225, -15.744, 17.289, 18.324, 19.361, -19.6, 21.441, 22.484, 23.529,
        -23.424, 25.625, 26.676, 27.729, -27.216, 29.841, 30.9, 31.961, -30.976, 34.089, 35.156,
        36.225, -34.704, 38.369, 39.444, 40.521, -38.4, 42.681, 43.764, 44.849000000000004, -42.064,
        47.025, 48.116, 49.209, -45.696, 51.401, 52.5,
    ]
    /// d = [(i if i % 3 else -i) for i in range(1, 61)]
    static let n60: [Double] = (1...60).map { Double($0 % 3 == 0 ? -$0 : $0) }

    @Test(arguments: cases)
    func matchesSciPyWilcoxon(_ expected: WilcoxonCase) throws {
        let result = try WilcoxonSignedRank(differences: expected.differences, method: expected.preference)
        #expect(result.method == expected.method)
        #expect(result.n == expected.n)
        #expect(result.zerosDropped == expected.zerosDropped)
        #expect(result.rankSumPositive == expected.rankSumPositive)
        #expect(result.rankSumNegative == expected.rankSumNegative)
        #expect(result.statistic == expected.statistic)
        expectClose(result.pValue, expected.pValue)
        if let negativeAbsoluteZ = expected.negativeAbsoluteZ {
            expectClose(result.z.map { -abs($0) }, negativeAbsoluteZ, absolute: 1e-15)
        } else {
            #expect(result.z == nil)
        }
    }

    @Test func zIsSignedByDirection() throws {
        // Scores went down for most children: W+ is below its null mean, so z < 0.
        let result = try WilcoxonSignedRank(before: PairedData.beforeA, after: PairedData.afterA)
        #expect(try #require(result.z) < 0)
        // scipy.stats.wilcoxon(afterA, beforeA, zero_method='wilcox', correction=True,
        //   method='asymptotic').pvalue = 0.014801612180980913
        expectClose(result.pValue, 0.014801612180980913)
    }

    @Test func withoutContinuityCorrection() throws {
        // scipy.stats.wilcoxon(d, zero_method='wilcox', correction=False, method='asymptotic'):
        // pvalue 0.012537586567640932, zstatistic -2.496640852766609
        let result = try WilcoxonSignedRank(
            differences: [-4, -2, 0, -6, 1, -6, -2, -5, -1, -5], continuityCorrection: false)
        #expect(result.method == .normalApproximation(tieCorrected: true, continuityCorrected: false))
        expectClose(result.pValue, 0.012537586567640932)
        expectClose(result.z, -2.496640852766609)
    }

    @Test func exactDistributionCountsAreTheKnownTable() {
        // Number of subsets of {1, 2, 3, 4} with each sum 0...10 (Wilcoxon null counts, n = 4).
        #expect(WilcoxonSignedRank.exactCounts(n: 4) == [1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1])
        // 2^50 sign patterns in total at the exact limit.
        #expect(WilcoxonSignedRank.exactCounts(n: 50).reduce(0, +) == 1_125_899_906_842_624)
    }

    @Test func averageRanksForTies() {
        let ranking = WilcoxonSignedRank.averageRanks(of: [4, 2, 6, 1, 2, 5, 2])
        #expect(ranking.ranks == [5, 3, 7, 1, 3, 6, 3])
        #expect(ranking.tieSizes.sorted() == [1, 1, 1, 1, 3])
    }

    @Test func methodLabels() {
        #expect(WilcoxonSignedRank.Method.exact.description == "exact")
        #expect(Self.tieCorrectedApproximation.description
            == "normal approximation, tie-corrected, continuity-corrected")
    }

    @Test func notComputable() {
        #expect(throws: StatisticsError.allDifferencesZero(zeros: 3)) {
            try WilcoxonSignedRank(differences: [0, 0, 0])
        }
        #expect(throws: StatisticsError.allDifferencesZero(zeros: 2)) {
            try WilcoxonSignedRank(before: [5, 7], after: [5, 7])
        }
        #expect(throws: StatisticsError.tooFewObservations(
            statistic: "Wilcoxon signed-rank test", required: 1, actual: 0)) {
            try WilcoxonSignedRank(differences: [])
        }
        #expect(throws: StatisticsError.nonFiniteValue(position: 1)) {
            try WilcoxonSignedRank(differences: [.infinity, 1])
        }
        #expect(throws: StatisticsError.unequalLengths(before: 1, after: 2)) {
            try WilcoxonSignedRank(before: [1], after: [1, 2])
        }
    }
}
