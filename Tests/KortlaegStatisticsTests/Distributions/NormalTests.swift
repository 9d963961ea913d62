import Testing
@testable import KortlaegStatistics

@Suite struct NormalTests {
    static let cdfCases: [(x: Double, expected: Double)] = [
        (-20.0, 2.7536241186061556e-89),  // scipy.stats.norm.cdf(-20.0) = 2.7536241186061556e-89
        (-10.0, 7.61985302416047e-24),  // scipy.stats.norm.cdf(-10.0) = 7.61985302416047e-24
        (-5.0, 2.866515718791933e-07),  // scipy.stats.norm.cdf(-5.0) = 2.866515718791933e-07
        (-1.959963984540054, 0.025),  // scipy.stats.norm.cdf(-1.959963984540054) = 0.025
        (-1.0, 0.15865525393145707),  // scipy.stats.norm.cdf(-1.0) = 0.15865525393145707
        (0.0, 0.5),  // scipy.stats.norm.cdf(0.0) = 0.5
        (0.5, 0.6914624612740131),  // scipy.stats.norm.cdf(0.5) = 0.6914624612740131
        (1.96, 0.9750021048517795),  // scipy.stats.norm.cdf(1.96) = 0.9750021048517795
        (3.0, 0.9986501019683699),  // scipy.stats.norm.cdf(3.0) = 0.9986501019683699
        (8.0, 0.9999999999999993),  // scipy.stats.norm.cdf(8.0) = 0.9999999999999993
    ]

    @Test(arguments: cdfCases)
    func cdfMatchesSciPy(x: Double, expected: Double) {
        expectClose(Normal.standard.cdf(x), expected, relative: 1e-12)
    }

    static let survivalCases: [(x: Double, expected: Double)] = [
        (1.0, 0.15865525393145707),  // scipy.stats.norm.sf(1.0)
        (5.0, 2.866515718791933e-07),  // scipy.stats.norm.sf(5.0)
        (10.0, 7.61985302416047e-24),  // scipy.stats.norm.sf(10.0)
        (20.0, 2.7536241186061556e-89),  // scipy.stats.norm.sf(20.0)
        (37.0, 5.7255712225239266e-300),  // scipy.stats.norm.sf(37.0)
    ]

    @Test(arguments: survivalCases)
    func survivalIsAccurateInTheUpperTail(x: Double, expected: Double) {
        expectClose(Normal.standard.survival(x), expected, relative: 1e-12)
        // Symmetry: the lower tail at −x is the same number.
        expectClose(Normal.standard.cdf(-x), expected, relative: 1e-12)
    }

    static let quantileCases: [(p: Double, expected: Double)] = [
        (1e-300, -37.0470962993612),  // scipy.stats.norm.ppf(1e-300)
        (1e-100, -21.273453560965322),  // scipy.stats.norm.ppf(1e-100)
        (1e-20, -9.262340089798409),  // scipy.stats.norm.ppf(1e-20)
        (1e-10, -6.361340902404056),  // scipy.stats.norm.ppf(1e-10)
        (1e-05, -4.264890793922825),  // scipy.stats.norm.ppf(1e-05)
        (0.025, -1.9599639845400545),  // scipy.stats.norm.ppf(0.025)
        (0.1, -1.2815515655446004),  // scipy.stats.norm.ppf(0.1)
        (0.3, -0.5244005127080409),  // scipy.stats.norm.ppf(0.3)
        (0.5, 0.0),  // scipy.stats.norm.ppf(0.5)
        (0.7, 0.5244005127080407),  // scipy.stats.norm.ppf(0.7)
        (0.975, 1.959963984540054),  // scipy.stats.norm.ppf(0.975)
        (0.999999, 4.753424308817087),  // scipy.stats.norm.ppf(0.999999)
    ]

    @Test(arguments: quantileCases)
    func quantileMatchesSciPy(p: Double, expected: Double) throws {
        expectClose(try Normal.standard.quantile(p), expected, relative: 1e-12)
    }

    static let inverseSurvivalCases: [(q: Double, expected: Double)] = [
        (1e-10, 6.361340902404056),  // scipy.stats.norm.isf(1e-10)
        (1e-50, 14.933337534788487),  // scipy.stats.norm.isf(1e-50)
    ]

    @Test(arguments: inverseSurvivalCases)
    func inverseSurvivalMatchesSciPy(q: Double, expected: Double) throws {
        expectClose(try Normal.standard.inverseSurvival(q), expected, relative: 1e-12)
    }

    @Test(arguments: [1e-300, 1e-10, 0.01, 0.3, 0.5, 0.8, 0.999])
    func quantileInvertsCdf(p: Double) throws {
        expectClose(Normal.standard.cdf(try Normal.standard.quantile(p)), p, relative: 1e-12)
    }

    @Test func nonStandardParameters() throws {
        let iq = try Normal(mean: 100, standardDeviation: 15)
        // scipy.stats.norm.cdf(110, 100, 15) = 0.7475074624530771
        expectClose(iq.cdf(110), 0.7475074624530771)
        // scipy.stats.norm.ppf(0.9, 100, 15) = 119.22327348316901
        expectClose(try iq.quantile(0.9), 119.22327348316901)
    }

    @Test func density() throws {
        // scipy.stats.norm.pdf(0.7) = 0.31225393336676127
        expectClose(Normal.standard.density(0.7), 0.31225393336676127)
        // scipy.stats.norm.pdf(110, 100, 15) = 0.02129653370149015
        expectClose(try Normal(mean: 100, standardDeviation: 15).density(110), 0.02129653370149015)
    }

    @Test func endpointsAndInvalidInput() throws {
        #expect(try Normal.standard.quantile(0) == -.infinity)
        #expect(try Normal.standard.quantile(1) == .infinity)
        #expect(throws: StatisticsError.invalidProbability(1.5)) { try Normal.standard.quantile(1.5) }
        #expect(throws: StatisticsError.self) { try Normal.standard.quantile(.nan) }
        #expect(throws: StatisticsError.invalidStandardDeviation(0)) {
            try Normal(mean: 0, standardDeviation: 0)
        }
        #expect(Normal.standard.cdf(.nan).isNaN)
    }
}
