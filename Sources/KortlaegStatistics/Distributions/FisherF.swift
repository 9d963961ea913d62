import Foundation

/// The F distribution with d₁ > 0 and d₂ > 0 degrees of freedom.
public struct FisherF: Sendable, Equatable {
    /// The numerator degrees of freedom d₁.
    public let numeratorDegreesOfFreedom: Double
    /// The denominator degrees of freedom d₂.
    public let denominatorDegreesOfFreedom: Double

    /// Creates the F distribution.
    /// - Throws: `StatisticsError.invalidDegreesOfFreedom` when either is not positive and finite.
    public init(numerator: Double, denominator: Double) throws(StatisticsError) {
        guard numerator.isFinite, numerator > 0 else { throw .invalidDegreesOfFreedom(numerator) }
        guard denominator.isFinite, denominator > 0 else { throw .invalidDegreesOfFreedom(denominator) }
        numeratorDegreesOfFreedom = numerator
        denominatorDegreesOfFreedom = denominator
    }

    // MARK: - API

    /// P(X ≤ x) = I_u(d₁/2, d₂/2) with u = d₁x / (d₁x + d₂).
    /// Source: Abramowitz & Stegun 26.6.2.
    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 0 }
        if x == .infinity { return 1 }
        let (u, v) = Self.split(x, numeratorDegreesOfFreedom, denominatorDegreesOfFreedom)
        return SpecialFunctions.regularizedIncompleteBeta(a: 0.5 * numeratorDegreesOfFreedom, b: 0.5 * denominatorDegreesOfFreedom,
                                                          x: u, y: v).lower
    }

    /// The x with P(X ≤ x) = p, by bisection on u = d₁x / (d₁x + d₂) in (0, 1) (the cdf is
    /// monotone in u), to the last bit of u; then x = d₂u / (d₁(1 − u)).
    /// - Throws: `StatisticsError.invalidProbability` when p is outside [0, 1] or NaN.
    public func quantile(_ p: Double) throws(StatisticsError) -> Double {
        guard p >= 0, p <= 1 else { throw .invalidProbability(p) }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let a = 0.5 * numeratorDegreesOfFreedom, b = 0.5 * denominatorDegreesOfFreedom
        var low = 0.0, high = 1.0
        for _ in 0..<2000 {
            let middle = 0.5 * (low + high)
            guard middle > low, middle < high else { break }
            if SpecialFunctions.regularizedIncompleteBeta(a: a, b: b, x: middle, y: 1 - middle).lower < p {
                low = middle
            } else {
                high = middle
            }
        }
        let u = 0.5 * (low + high)
        return denominatorDegreesOfFreedom * u / (numeratorDegreesOfFreedom * (1 - u))
    }

    private static func split(_ x: Double, _ d1: Double, _ d2: Double) -> (Double, Double) {
        let numerator = d1 * x
        return (numerator / (numerator + d2), d2 / (numerator + d2))
    }
}
