import Foundation

/// A normal (Gaussian) distribution.
///
/// `Normal.standard` is N(0, 1). The tails are computed from `erfc`, so `cdf(-30)` and
/// `survival(30)` are accurate relative to their own (tiny) size instead of rounding to 0 or 1.
public struct Normal: Sendable, Equatable {
    /// The mean μ.
    public let mean: Double
    /// The standard deviation σ (> 0).
    public let standardDeviation: Double

    /// The standard normal distribution N(0, 1).
    public static let standard = Normal(uncheckedMean: 0, standardDeviation: 1)

    /// Creates N(μ, σ²).
    /// - Parameters:
    ///   - mean: The mean μ (finite).
    ///   - standardDeviation: The standard deviation σ (finite, > 0).
    /// - Throws: `StatisticsError.invalidStandardDeviation` when σ is not positive and finite,
    ///   `StatisticsError.invalidMean` when μ is not finite.
    public init(mean: Double, standardDeviation: Double) throws(StatisticsError) {
        guard mean.isFinite else { throw .invalidMean(mean) }
        guard standardDeviation.isFinite, standardDeviation > 0 else {
            throw .invalidStandardDeviation(standardDeviation)
        }
        self.init(uncheckedMean: mean, standardDeviation: standardDeviation)
    }

    private init(uncheckedMean mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    // MARK: - API

    /// The probability density at `x`.
    /// - Parameter x: The point.
    /// - Returns: φ((x − μ)/σ)/σ.
    public func density(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return exp(-0.5 * z * z - SpecialFunctions.logSqrtTwoPi) / standardDeviation
    }

    /// The cumulative distribution function P(X ≤ x).
    ///
    /// Source: Φ(z) = ½·erfc(−z/√2) (Abramowitz & Stegun 7.1.2 and 26.2.29).
    /// - Parameter x: The point; NaN gives NaN.
    /// - Returns: P(X ≤ x), accurate relative to its size also far in the lower tail.
    public func cdf(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return 0.5 * erfc(-z * Self.squareRootOfHalf)
    }

    /// The survival function P(X > x) = 1 − cdf(x), computed directly.
    ///
    /// Source: 1 − Φ(z) = ½·erfc(z/√2) (Abramowitz & Stegun 26.2.29).
    /// - Parameter x: The point; NaN gives NaN.
    /// - Returns: P(X > x), accurate relative to its size also far in the upper tail.
    public func survival(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return 0.5 * erfc(z * Self.squareRootOfHalf)
    }

    /// The quantile function (inverse cdf): the x with P(X ≤ x) = p.
    ///
    /// Source: Wichura, M. J. (1988). Algorithm AS 241: The percentage points of the normal
    /// distribution. *Applied Statistics* 37(3), 477–484 (PPND16, about 1e-16 relative).
    /// - Parameter p: A probability in [0, 1].
    /// - Returns: The quantile; −∞ for p = 0 and +∞ for p = 1.
    /// - Throws: `StatisticsError.invalidProbability` when p is outside [0, 1] or NaN.
    public func quantile(_ p: Double) throws(StatisticsError) -> Double {
        guard p >= 0, p <= 1 else { throw .invalidProbability(p) }
        return mean + standardDeviation * Self.standardQuantile(p)
    }

    /// The inverse survival function: the x with P(X > x) = q. More accurate than
    /// `quantile(1 − q)` when q is tiny.
    /// - Parameter q: An upper-tail probability in [0, 1].
    /// - Returns: The upper quantile; +∞ for q = 0 and −∞ for q = 1.
    /// - Throws: `StatisticsError.invalidProbability` when q is outside [0, 1] or NaN.
    public func inverseSurvival(_ q: Double) throws(StatisticsError) -> Double {
        guard q >= 0, q <= 1 else { throw .invalidProbability(q) }
        return mean - standardDeviation * Self.standardQuantile(q)
    }

    /// 1/√2.
    private static let squareRootOfHalf = 0.707_106_781_186_547_524_400_844_362_104_849

    // MARK: - AS 241

    /// The standard normal quantile for p in [0, 1] (AS 241, PPND16).
    static func standardQuantile(_ p: Double) -> Double {
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * polynomial(r, centralNumerator) / polynomial(r, centralDenominator)
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            value = polynomial(r, intermediateNumerator) / polynomial(r, intermediateDenominator)
        } else {
            r -= 5
            value = polynomial(r, tailNumerator) / polynomial(r, tailDenominator)
        }
        return q < 0 ? -value : value
    }

    /// Horner evaluation; `coefficients[0]` is the constant term.
    private static func polynomial(_ x: Double, _ coefficients: [Double]) -> Double {
        coefficients.reversed().reduce(0) { $0 * x + $1 }
    }

    private static let centralNumerator: [Double] = [
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
        1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
        3.3430575583588128105e+4, 2.5090809287301226727e+3,
    ]
    private static let centralDenominator: [Double] = [
        1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
        2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
        5.2264952788528545610e+3,
    ]
    private static let intermediateNumerator: [Double] = [
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
        3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
        2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ]
    private static let intermediateDenominator: [Double] = [
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
        1.05075007164441684324e-9,
    ]
    private static let tailNumerator: [Double] = [
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
        2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
        2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ]
    private static let tailDenominator: [Double] = [
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
        2.04426310338993978564e-15,
    ]
}
