import Testing
@testable import KortlaegStatistics

@Suite struct StudentTTests {
    static let cdfCases: [(t: Double, df: Double, expected: Double)] = [
        (-300.0, 1.0, 0.0010610290242204857),  // scipy.stats.t.cdf(-300.0, 1.0)
        (-12.0, 1.0, 0.026464676059589878),  // scipy.stats.t.cdf(-12.0, 1.0)
        (-2.3, 1.0, 0.13054758708862277),  // scipy.stats.t.cdf(-2.3, 1.0)
        (-0.4, 1.0, 0.3788810584091566),  // scipy.stats.t.cdf(-0.4, 1.0)
        (0.0, 1.0, 0.5),  // scipy.stats.t.cdf(0.0, 1.0)
        (0.1, 1.0, 0.5317255174305535),  // scipy.stats.t.cdf(0.1, 1.0)
        (1.5, 1.0, 0.8128329581890011),  // scipy.stats.t.cdf(1.5, 1.0)
        (4.0, 1.0, 0.9220208696226306),  // scipy.stats.t.cdf(4.0, 1.0)
        (40.0, 1.0, 0.9920439100879742),  // scipy.stats.t.cdf(40.0, 1.0)
        (-300.0, 2.0, 5.555462964677608e-06),  // scipy.stats.t.cdf(-300.0, 2.0)
        (-12.0, 2.0, 0.00343646683857923),  // scipy.stats.t.cdf(-12.0, 2.0)
        (-2.3, 2.0, 0.07407407407407408),  // scipy.stats.t.cdf(-2.3, 2.0)
        (-0.4, 2.0, 0.36391723651204566),  // scipy.stats.t.cdf(-0.4, 2.0)
        (0.0, 2.0, 0.5),  // scipy.stats.t.cdf(0.0, 2.0)
        (0.1, 2.0, 0.53526728079293),  // scipy.stats.t.cdf(0.1, 2.0)
        (1.5, 2.0, 0.8638034375544994),  // scipy.stats.t.cdf(1.5, 2.0)
        (4.0, 2.0, 0.9714045207910317),  // scipy.stats.t.cdf(4.0, 2.0)
        (40.0, 2.0, 0.9996877926639076),  // scipy.stats.t.cdf(40.0, 2.0)
        (-300.0, 5.0, 3.904953728961106e-12),  // scipy.stats.t.cdf(-300.0, 5.0)
        (-12.0, 5.0, 3.544746258580761e-05),  // scipy.stats.t.cdf(-12.0, 5.0)
        (-2.3, 5.0, 0.03488623466601866),  // scipy.stats.t.cdf(-2.3, 5.0)
        (-0.4, 5.0, 0.35283655741655734),  // scipy.stats.t.cdf(-0.4, 5.0)
        (0.0, 5.0, 0.5),  // scipy.stats.t.cdf(0.0, 5.0)
        (0.1, 5.0, 0.5378849294226697),  // scipy.stats.t.cdf(0.1, 5.0)
        (1.5, 5.0, 0.9030481598787634),  // scipy.stats.t.cdf(1.5, 5.0)
        (4.0, 5.0, 0.9948382922595843),  // scipy.stats.t.cdf(4.0, 5.0)
        (40.0, 5.0, 0.9999999079401891),  // scipy.stats.t.cdf(40.0, 5.0)
        (-300.0, 30.0, 5.009667503580099e-54),  // scipy.stats.t.cdf(-300.0, 30.0)
        (-12.0, 30.0, 2.7900927075996303e-13),  // scipy.stats.t.cdf(-12.0, 30.0)
        (-2.3, 30.0, 0.014290693643570874),  // scipy.stats.t.cdf(-2.3, 30.0)
        (-0.4, 30.0, 0.345995258257096),  // scipy.stats.t.cdf(-0.4, 30.0)
        (0.0, 30.0, 0.5),  // scipy.stats.t.cdf(0.0, 30.0)
        (0.1, 30.0, 0.5394951941048645),  // scipy.stats.t.cdf(0.1, 30.0)
        (1.5, 30.0, 0.927967035435677),  // scipy.stats.t.cdf(1.5, 30.0)
        (4.0, 30.0, 0.9998090771819581),  // scipy.stats.t.cdf(4.0, 30.0)
        (40.0, 30.0, 1.0),  // scipy.stats.t.cdf(40.0, 30.0)
        (-300.0, 1000.0, 0.0),  // scipy.stats.t.cdf(-300.0, 1000.0)
        (-12.0, 1000.0, 2.1620286933872145e-31),  // scipy.stats.t.cdf(-12.0, 1000.0)
        (-2.3, 1000.0, 0.010826709923919814),  // scipy.stats.t.cdf(-2.3, 1000.0)
        (-0.4, 1000.0, 0.344620971633029),  // scipy.stats.t.cdf(-0.4, 1000.0)
        (0.0, 1000.0, 0.5),  // scipy.stats.t.cdf(0.0, 1000.0)
        (0.1, 1000.0, 0.539817815488198),  // scipy.stats.t.cdf(0.1, 1000.0)
        (1.5, 1000.0, 0.9330349805889568),  // scipy.stats.t.cdf(1.5, 1000.0)
        (4.0, 1000.0, 0.9999659950403956),  // scipy.stats.t.cdf(4.0, 1000.0)
        (40.0, 1000.0, 1.0),  // scipy.stats.t.cdf(40.0, 1000.0)
        (-300.0, 0.5, 0.018515664018786508),  // scipy.stats.t.cdf(-300.0, 0.5)
        (-12.0, 0.5, 0.09253026053460106),  // scipy.stats.t.cdf(-12.0, 0.5)
        (-2.3, 0.5, 0.20859589923441846),  // scipy.stats.t.cdf(-2.3, 0.5)
        (-0.4, 0.5, 0.399556243019837),  // scipy.stats.t.cdf(-0.4, 0.5)
        (0.0, 0.5, 0.5),  // scipy.stats.t.cdf(0.0, 0.5)
        (0.1, 0.5, 0.5268341894356968),  // scipy.stats.t.cdf(0.1, 0.5)
        (1.5, 0.5, 0.7460491046759459),  // scipy.stats.t.cdf(1.5, 0.5)
        (4.0, 0.5, 0.8403899585056642),  // scipy.stats.t.cdf(4.0, 0.5)
        (40.0, 0.5, 0.9492951000352529),  // scipy.stats.t.cdf(40.0, 0.5)
        (-300.0, 2.5, 4.614441830976745e-07),  // scipy.stats.t.cdf(-300.0, 2.5)
        (-12.0, 2.5, 0.0014181075150391622),  // scipy.stats.t.cdf(-12.0, 2.5)
        (-2.3, 2.5, 0.06123983221207763),  // scipy.stats.t.cdf(-2.3, 2.5)
        (-0.4, 2.5, 0.3604096344653614),  // scipy.stats.t.cdf(-0.4, 2.5)
        (0.0, 2.5, 0.5),  // scipy.stats.t.cdf(0.0, 2.5)
        (0.1, 2.5, 0.5360967279687552),  // scipy.stats.t.cdf(0.1, 2.5)
        (1.5, 2.5, 0.8760817734568519),  // scipy.stats.t.cdf(1.5, 2.5)
        (4.0, 2.5, 0.9804935120793409),  // scipy.stats.t.cdf(4.0, 2.5)
        (40.0, 2.5, 0.9999290218285475),  // scipy.stats.t.cdf(40.0, 2.5)
        (-300.0, 7.3, 1.6689740902254354e-16),  // scipy.stats.t.cdf(-300.0, 7.3)
        (-12.0, 7.3, 2.277892614785275e-06),  // scipy.stats.t.cdf(-12.0, 7.3)
        (-2.3, 7.3, 0.026749254362260486),  // scipy.stats.t.cdf(-2.3, 7.3)
        (-0.4, 7.3, 0.3503018710434341),  // scipy.stats.t.cdf(-0.4, 7.3)
        (0.0, 7.3, 0.5),  // scipy.stats.t.cdf(0.0, 7.3)
        (0.1, 7.3, 0.5384822514300853),  // scipy.stats.t.cdf(0.1, 7.3)
        (1.5, 7.3, 0.912218453598457),  // scipy.stats.t.cdf(1.5, 7.3)
        (4.0, 7.3, 0.9976188164178365),  // scipy.stats.t.cdf(4.0, 7.3)
        (40.0, 7.3, 0.9999999995981432),  // scipy.stats.t.cdf(40.0, 7.3)
    ]

    @Test(arguments: cdfCases)
    func cdfMatchesSciPy(t: Double, df: Double, expected: Double) throws {
        let distribution = try StudentT(degreesOfFreedom: df)
        expectClose(distribution.cdf(t), expected)
    }

    static let survivalCases: [(t: Double, df: Double, expected: Double)] = [
        (40.0, 30.0, 6.863022597203209e-28),  // scipy.stats.t.sf(40.0, 30.0)
        (12.0, 1000.0, 2.1620286933872145e-31),  // scipy.stats.t.sf(12.0, 1000.0)
        (300.0, 5.0, 3.904953728961106e-12),  // scipy.stats.t.sf(300.0, 5.0)
        (2.3, 7.3, 0.026749254362260486),  // scipy.stats.t.sf(2.3, 7.3)
        (1000000.0, 0.5, 0.00032070097541419884),  // scipy.stats.t.sf(1000000.0, 0.5)
    ]

    /// The upper tail is computed directly, so it stays accurate where cdf rounds to 1.
    @Test(arguments: survivalCases)
    func survivalMatchesSciPyInTheUpperTail(t: Double, df: Double, expected: Double) throws {
        expectClose(try StudentT(degreesOfFreedom: df).survival(t), expected)
    }

    static let quantileCases: [(p: Double, df: Double, expected: Double)] = [
        (1e-12, 1.0, -318309886183.7907),  // scipy.stats.t.ppf(1e-12, 1.0)
        (1e-06, 1.0, -318309.8861827435),  // scipy.stats.t.ppf(1e-06, 1.0)
        (0.025, 1.0, -12.706204736174705),  // scipy.stats.t.ppf(0.025, 1.0)
        (0.2, 1.0, -1.3763819204711736),  // scipy.stats.t.ppf(0.2, 1.0)
        (0.5, 1.0, 0.0),  // scipy.stats.t.ppf(0.5, 1.0)
        (0.6, 1.0, 0.32491969623290634),  // scipy.stats.t.ppf(0.6, 1.0)
        (0.975, 1.0, 12.706204736174694),  // scipy.stats.t.ppf(0.975, 1.0)
        (0.999999, 1.0, 318309.88617359026),  // scipy.stats.t.ppf(0.999999, 1.0)
        (1e-12, 2.0, -707106.7811854869),  // scipy.stats.t.ppf(1e-12, 2.0)
        (1e-06, 2.0, -707.1057205259339),  // scipy.stats.t.ppf(1e-06, 2.0)
        (0.025, 2.0, -4.302652729749464),  // scipy.stats.t.ppf(0.025, 2.0)
        (0.2, 2.0, -1.060660171779821),  // scipy.stats.t.ppf(0.2, 2.0)
        (0.5, 2.0, 0.0),  // scipy.stats.t.ppf(0.5, 2.0)
        (0.6, 2.0, 0.2886751345948128),  // scipy.stats.t.ppf(0.6, 2.0)
        (0.975, 2.0, 4.302652729749462),  // scipy.stats.t.ppf(0.975, 2.0)
        (0.999999, 2.0, 707.1057205157672),  // scipy.stats.t.ppf(0.999999, 2.0)
        (1e-12, 5.0, -393.95695957760375),  // scipy.stats.t.ppf(1e-12, 5.0)
        (1e-06, 5.0, -24.771029720515948),  // scipy.stats.t.ppf(1e-06, 5.0)
        (0.025, 5.0, -2.5705818356363155),  // scipy.stats.t.ppf(0.025, 5.0)
        (0.2, 5.0, -0.9195437802408267),  // scipy.stats.t.ppf(0.2, 5.0)
        (0.5, 5.0, 0.0),  // scipy.stats.t.ppf(0.5, 5.0)
        (0.6, 5.0, 0.2671808657041451),  // scipy.stats.t.ppf(0.6, 5.0)
        (0.975, 5.0, 2.5705818356363146),  // scipy.stats.t.ppf(0.975, 5.0)
        (0.999999, 5.0, 24.771029720372493),  // scipy.stats.t.ppf(0.999999, 5.0)
        (1e-12, 30.0, -11.397217523311413),  // scipy.stats.t.ppf(1e-12, 30.0)
        (1e-06, 30.0, -5.871117120418882),  // scipy.stats.t.ppf(1e-06, 30.0)
        (0.025, 30.0, -2.042272456301238),  // scipy.stats.t.ppf(0.025, 30.0)
        (0.2, 30.0, -0.853767261471298),  // scipy.stats.t.ppf(0.2, 30.0)
        (0.5, 30.0, 0.0),  // scipy.stats.t.ppf(0.5, 30.0)
        (0.6, 30.0, 0.2556053649519128),  // scipy.stats.t.ppf(0.6, 30.0)
        (0.975, 30.0, 2.0422724563012378),  // scipy.stats.t.ppf(0.975, 30.0)
        (0.999999, 30.0, 5.871117120408624),  // scipy.stats.t.ppf(0.999999, 30.0)
        (1e-12, 1000.0, -7.124228925314409),  // scipy.stats.t.ppf(1e-12, 1000.0)
        (1e-06, 1000.0, -4.781608620458351),  // scipy.stats.t.ppf(1e-06, 1000.0)
        (0.025, 1000.0, -1.9623390808264085),  // scipy.stats.t.ppf(0.025, 1000.0)
        (0.2, 1000.0, -0.8419808221624284),  // scipy.stats.t.ppf(0.2, 1000.0)
        (0.5, 1000.0, 0.0),  // scipy.stats.t.ppf(0.5, 1000.0)
        (0.6, 1000.0, 0.25341451583949876),  // scipy.stats.t.ppf(0.6, 1000.0)
        (0.975, 1000.0, 1.9623390808264083),  // scipy.stats.t.ppf(0.975, 1000.0)
        (0.999999, 1000.0, 4.781608620452439),  // scipy.stats.t.ppf(0.999999, 1000.0)
        (1e-12, 0.5, -1.0284911563163399e+23),  // scipy.stats.t.ppf(1e-12, 0.5)
        (1e-06, 0.5, -102849115631.63399),  // scipy.stats.t.ppf(1e-06, 0.5)
        (0.025, 0.5, -164.55767348048846),  // scipy.stats.t.ppf(0.025, 0.5)
        (0.2, 0.5, -2.5127179536659185),  // scipy.stats.t.ppf(0.2, 0.5)
        (0.5, 0.5, 0.0),  // scipy.stats.t.ppf(0.5, 0.5)
        (0.6, 0.5, 0.3979754267847907),  // scipy.stats.t.ppf(0.6, 0.5)
        (0.975, 0.5, 164.55767348048818),  // scipy.stats.t.ppf(0.975, 0.5)
        (0.999999, 0.5, 102849115625.719),  // scipy.stats.t.ppf(0.999999, 0.5)
        (1e-12, 2.5, -55306.17407651582),  // scipy.stats.t.ppf(1e-12, 2.5)
        (1e-06, 2.5, -220.17342917823686),  // scipy.stats.t.ppf(1e-06, 2.5)
        (0.025, 2.5, -3.5746548420036834),  // scipy.stats.t.ppf(0.025, 2.5)
        (0.2, 2.5, -1.0101638747222506),  // scipy.stats.t.ppf(0.2, 2.5)
        (0.5, 2.5, 0.0),  // scipy.stats.t.ppf(0.5, 2.5)
        (0.6, 2.5, 0.2814595127485477),  // scipy.stats.t.ppf(0.6, 2.5)
        (0.975, 2.5, 3.5746548420036817),  // scipy.stats.t.ppf(0.975, 2.5)
        (0.999999, 2.5, 220.17342917570426),  // scipy.stats.t.ppf(0.999999, 2.5)
        (1e-12, 7.3, -91.09486659389755),  // scipy.stats.t.ppf(1e-12, 7.3)
        (1e-06, 7.3, -13.493523060744641),  // scipy.stats.t.ppf(1e-06, 7.3)
        (0.025, 7.3, -2.3450667365477034),  // scipy.stats.t.ppf(0.025, 7.3)
        (0.2, 7.3, -0.893671357180227),  // scipy.stats.t.ppf(0.2, 7.3)
        (0.5, 7.3, 0.0),  // scipy.stats.t.ppf(0.5, 7.3)
        (0.6, 7.3, 0.2627568052507191),  // scipy.stats.t.ppf(0.6, 7.3)
        (0.975, 7.3, 2.345066736547703),  // scipy.stats.t.ppf(0.975, 7.3)
        (0.999999, 7.3, 13.493523060689595),  // scipy.stats.t.ppf(0.999999, 7.3)
    ]

    @Test(arguments: quantileCases)
    func quantileMatchesSciPy(p: Double, df: Double, expected: Double) throws {
        let distribution = try StudentT(degreesOfFreedom: df)
        expectClose(try distribution.quantile(p), expected)
    }

    @Test(arguments: [0.3, 1.0, 2.0, 4.5, 30.0, 1000.0, 1e6])
    func quantileInvertsCdf(df: Double) throws {
        let distribution = try StudentT(degreesOfFreedom: df)
        for p in [1e-15, 1e-8, 0.01, 0.2, 0.45, 0.55, 0.9, 0.995] {
            let t = try distribution.quantile(p)
            expectClose(distribution.cdf(t), p, relative: 1e-11)
        }
    }

    static let largeDegreesOfFreedomCases: [(t: Double, df: Double, expected: Double)] = [
        (-2.3, 100000.0, 0.010725134554660112),  // scipy.stats.t.cdf(-2.3, 100000.0)
        (-6.0, 1000000.0, 9.86924906177215e-10),  // scipy.stats.t.cdf(-6.0, 1000000.0)
        (-10.0, 10000000.0, 7.621796145136799e-24),  // scipy.stats.t.cdf(-10.0, 10000000.0)
        (-10.0, 20000000.0, 7.620824525940696e-24),  // scipy.stats.t.cdf(-10.0, 20000000.0)
        (-2.3, 100000000.0, 0.010724111046193955),  // scipy.stats.t.cdf(-2.3, 100000000.0)
        (-2.3, 1000000000.0, 0.010724110124127625),  // scipy.stats.t.cdf(-2.3, 1000000000.0)
        (-30.0, 1000000000.0, 4.907709843984025e-198),  // scipy.stats.t.cdf(-30.0, 1000000000.0)
        (-0.01, 1000000000000.0, 0.4960106436853694),  // scipy.stats.t.cdf(-0.01, 1000000000000.0)
    ]

    /// Both sides of the switch to the large-ν asymptotic form (ν > 1e7).
    @Test(arguments: largeDegreesOfFreedomCases)
    func largeDegreesOfFreedomMatchSciPy(t: Double, df: Double, expected: Double) throws {
        expectClose(try StudentT(degreesOfFreedom: df).cdf(t), expected)
    }

    static let tinyDegreesOfFreedomCases: [(t: Double, df: Double, expected: Double)] = [
        // mpmath (mp.dps = 40): mp.betainc(nu/2, 0.5, 0, nu/(nu + t*t), regularized=True)/2
        //   = 0.0048526328575586999364; scipy.stats.t.cdf(-1e200, 0.01) underflows to 0.0 here.
        (-1e200, 0.01, 0.0048526328575586999364),
        (-1e100, 0.05, 4.485631048063484e-06),  // scipy.stats.t.cdf(-1e+100, 0.05)
        (-1e30, 0.5, 3.2070097541422286e-16),  // scipy.stats.t.cdf(-1e+30, 0.5)
    ]

    /// With ν ≪ 1, x = ν/(ν + t²) underflows long before the tail probability does.
    @Test(arguments: tinyDegreesOfFreedomCases)
    func tinyDegreesOfFreedomFarOut(t: Double, df: Double, expected: Double) throws {
        expectClose(try StudentT(degreesOfFreedom: df).cdf(t), expected)
    }

    @Test func quantileBeyondTheDoubleRangeIsInfinite() throws {
        // The 1e-300 quantile of t(0.5) is about −1e600 (scipy.stats.t.ppf(1e-300, 0.5) returns
        // a wrong finite -4.74e153), so the only honest Double is −∞.
        #expect(try StudentT(degreesOfFreedom: 0.5).quantile(1e-300) == -.infinity)
        // scipy.stats.t.ppf(1e-20, 0.5) = -1.0284911563163399e+39
        expectClose(try StudentT(degreesOfFreedom: 0.5).quantile(1e-20), -1.0284911563163399e+39)
    }

    @Test func densityAndTwoSidedPValue() throws {
        // scipy.stats.t.pdf(1.3, 4.5) = 0.15709267886280123
        expectClose(try StudentT(degreesOfFreedom: 4.5).density(1.3), 0.15709267886280123)
        // scipy.stats.t.pdf(-40.0, 0.7) = 0.0004111081868992992
        expectClose(try StudentT(degreesOfFreedom: 0.7).density(-40), 0.0004111081868992992)
        // 2 * scipy.stats.t.sf(2.1, 12) = 0.057544938734951125
        expectClose(try StudentT(degreesOfFreedom: 12).twoSidedPValue(-2.1), 0.057544938734951125)
        expectClose(try StudentT(degreesOfFreedom: 12).twoSidedPValue(2.1), 0.057544938734951125)
    }

    @Test func invalidInput() throws {
        #expect(throws: StatisticsError.invalidDegreesOfFreedom(0)) { try StudentT(degreesOfFreedom: 0) }
        #expect(throws: StatisticsError.invalidDegreesOfFreedom(-3)) { try StudentT(degreesOfFreedom: -3) }
        #expect(throws: StatisticsError.self) { try StudentT(degreesOfFreedom: .infinity) }
        let t = try StudentT(degreesOfFreedom: 4)
        #expect(throws: StatisticsError.invalidProbability(-0.1)) { try t.quantile(-0.1) }
        #expect(try t.quantile(0) == -.infinity)
        #expect(try t.quantile(1) == .infinity)
        #expect(t.cdf(.nan).isNaN)
        #expect(t.cdf(-.infinity) == 0)
        #expect(t.cdf(.infinity) == 1)
    }
}
