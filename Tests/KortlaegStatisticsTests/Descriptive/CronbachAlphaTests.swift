import Testing
@testable import KortlaegStatistics

/// Eight cases × five items (codes 0–2), fixed by hand.
private let cases: [[Double]] = [
    [0, 1, 2, 1, 0], [1, 1, 2, 2, 1], [2, 2, 2, 1, 2], [0, 0, 1, 0, 0],
    [1, 2, 1, 1, 1], [2, 1, 2, 2, 2], [0, 0, 0, 1, 0], [1, 1, 1, 0, 1],
]

@Suite struct CronbachAlphaTests {
    @Test func alphaAndFeldtIntervalMatchSciPy() throws {
        // python3 numpy/scipy 1.17 (the formula of pingouin.cronbach_alpha):
        //   a = k/(k-1)*(1 - X.var(axis=0, ddof=1).sum() / X.sum(axis=1).var(ddof=1))
        //   lo = 1-(1-a)*stats.f.ppf(0.975, n-1, (n-1)*(k-1)); hi = 1-(1-a)*stats.f.ppf(0.025, n-1, (n-1)*(k-1))
        let alpha = try CronbachAlpha(cases: cases)
        #expect(alpha.count == 8 && alpha.items == 5)
        expectClose(alpha.alpha, 0.8686067019400352)
        let interval = try alpha.confidenceInterval()
        expectClose(interval.lower, 0.6344692644849685)
        expectClose(interval.upper, 0.969984495475193)
    }

    @Test func fQuantilesAndCdfMatchSciPy() throws {
        // scipy.stats.f.ppf(0.975, 7, 28), f.ppf(0.025, 7, 28), f.cdf(2.5, 7, 28), f.ppf(0.975, 49, 196), f.ppf(0.025, 199, 3781)
        let f = try FisherF(numerator: 7, denominator: 28)
        expectClose(try f.quantile(0.975), 2.781958752174802)
        expectClose(try f.quantile(0.025), 0.22844014853108088)
        expectClose(f.cdf(2.5), 0.9603675148393087)
        expectClose(try FisherF(numerator: 49, denominator: 196).quantile(0.975), 1.5168326463224653)
        expectClose(try FisherF(numerator: 199, denominator: 199 * 19).quantile(0.025), 0.80947563717427)
    }

    @Test func tooFewCasesItemsOrNoVariationAreReasons() {
        #expect(throws: StatisticsError.tooFewObservations(statistic: "Cronbach's alpha", required: 2, actual: 1)) {
            try CronbachAlpha(cases: [[1, 2]])
        }
        #expect(throws: StatisticsError.noVariation(statistic: "Cronbach's alpha")) {
            try CronbachAlpha(cases: [[1, 1], [1, 1], [1, 1]])
        }
    }
}
