import Testing
@testable import KortlaegStatistics

@Suite struct ChiSquaredTests {
    static let cases: [(x: Double, df: Double, cdf: Double, survival: Double)] = [
        // scipy.stats.chi2.cdf(0.001, 1.0), scipy.stats.chi2.sf(0.001, 1.0)
        (0.001, 1.0, 0.02522712063003961, 0.9747728793699604),
        // scipy.stats.chi2.cdf(0.5, 1.0), scipy.stats.chi2.sf(0.5, 1.0)
        (0.5, 1.0, 0.5204998778130466, 0.47950012218695337),
        // scipy.stats.chi2.cdf(3.841458820694124, 1.0), scipy.stats.chi2.sf(3.841458820694124, 1.0)
        (3.841458820694124, 1.0, 0.9500000000000001, 0.04999999999999989),
        // scipy.stats.chi2.cdf(10.0, 1.0), scipy.stats.chi2.sf(10.0, 1.0)
        (10.0, 1.0, 0.9984345977419975, 0.001565402258002549),
        // scipy.stats.chi2.cdf(60.0, 1.0), scipy.stats.chi2.sf(60.0, 1.0)
        (60.0, 1.0, 0.9999999999999906, 9.485737571073857e-15),
        // scipy.stats.chi2.cdf(0.001, 2.0), scipy.stats.chi2.sf(0.001, 2.0)
        (0.001, 2.0, 0.0004998750208307296, 0.9995001249791693),
        // scipy.stats.chi2.cdf(0.5, 2.0), scipy.stats.chi2.sf(0.5, 2.0)
        (0.5, 2.0, 0.22119921692859512, 0.7788007830714049),
        // scipy.stats.chi2.cdf(3.841458820694124, 2.0), scipy.stats.chi2.sf(3.841458820694124, 2.0)
        (3.841458820694124, 2.0, 0.8534999355139157, 0.1465000644860843),
        // scipy.stats.chi2.cdf(10.0, 2.0), scipy.stats.chi2.sf(10.0, 2.0)
        (10.0, 2.0, 0.9932620530009145, 0.006737946999085468),
        // scipy.stats.chi2.cdf(60.0, 2.0), scipy.stats.chi2.sf(60.0, 2.0)
        (60.0, 2.0, 0.9999999999999064, 9.357622968840163e-14),
        // scipy.stats.chi2.cdf(0.001, 3.0), scipy.stats.chi2.sf(0.001, 3.0)
        (0.001, 3.0, 8.40791905804616e-06, 0.9999915920809419),
        // scipy.stats.chi2.cdf(0.5, 3.0), scipy.stats.chi2.sf(0.5, 3.0)
        (0.5, 3.0, 0.08110858834532418, 0.9188914116546758),
        // scipy.stats.chi2.cdf(3.841458820694124, 3.0), scipy.stats.chi2.sf(3.841458820694124, 3.0)
        (3.841458820694124, 3.0, 0.7208995362164023, 0.27910046378359765),
        // scipy.stats.chi2.cdf(10.0, 3.0), scipy.stats.chi2.sf(10.0, 3.0)
        (10.0, 3.0, 0.9814338645369568, 0.01856613546304325),
        // scipy.stats.chi2.cdf(60.0, 3.0), scipy.stats.chi2.sf(60.0, 3.0)
        (60.0, 3.0, 0.9999999999994121, 5.878230727906921e-13),
        // scipy.stats.chi2.cdf(0.001, 10.5), scipy.stats.chi2.sf(0.001, 10.5)
        (0.001, 10.5, 2.5267653390347164e-20, 1.0),
        // scipy.stats.chi2.cdf(0.5, 10.5), scipy.stats.chi2.sf(0.5, 10.5)
        (0.5, 10.5, 3.0296542888706264e-06, 0.9999969703457111),
        // scipy.stats.chi2.cdf(3.841458820694124, 10.5), scipy.stats.chi2.sf(3.841458820694124, 10.5)
        (3.841458820694124, 10.5, 0.03444942499890761, 0.9655505750010924),
        // scipy.stats.chi2.cdf(10.0, 10.5), scipy.stats.chi2.sf(10.0, 10.5)
        (10.0, 10.5, 0.514265268020687, 0.48573473197931305),
        // scipy.stats.chi2.cdf(60.0, 10.5), scipy.stats.chi2.sf(60.0, 10.5)
        (60.0, 10.5, 0.9999999941650988, 5.834901245904472e-09),
        // scipy.stats.chi2.cdf(1000000.0, 1000000.0), scipy.stats.chi2.sf(1000000.0, 1000000.0)
        (1000000.0, 1000000.0, 0.5001880631966055, 0.4998119368033945),
        // scipy.stats.chi2.cdf(1100.0, 1000.0), scipy.stats.chi2.sf(1100.0, 1000.0)
        (1100.0, 1000.0, 0.9853855918737048, 0.014614408126295192),
        // scipy.stats.chi2.cdf(50.5, 60.0), scipy.stats.chi2.sf(50.5, 60.0)
        (50.5, 60.0, 0.1959971489979134, 0.8040028510020866),
        // scipy.stats.chi2.cdf(30.0, 200.0), scipy.stats.chi2.sf(30.0, 200.0)
        (30.0, 200.0, 1.5645857689298437e-47, 1.0),
    ]

    @Test(arguments: cases)
    func cdfAndSurvivalMatchSciPy(x: Double, df: Double, cdf: Double, survival: Double) throws {
        let distribution = try ChiSquared(degreesOfFreedom: df)
        expectClose(distribution.cdf(x), cdf)
        expectClose(distribution.survival(x), survival)
    }

    @Test func edges() throws {
        let distribution = try ChiSquared(degreesOfFreedom: 1)
        #expect(distribution.cdf(0) == 0)
        #expect(distribution.survival(0) == 1)
        #expect(distribution.survival(-1) == 1)
        #expect(throws: StatisticsError.invalidDegreesOfFreedom(0)) { try ChiSquared(degreesOfFreedom: 0) }
    }
}
