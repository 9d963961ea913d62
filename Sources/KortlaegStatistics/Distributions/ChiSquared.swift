import Foundation

/// The χ² distribution with k > 0 degrees of freedom (k need not be an integer).
public struct ChiSquared: Sendable, Equatable {
    /// The degrees of freedom k (> 0, finite).
    public let degreesOfFreedom: Double

    /// Creates the χ² distribution with k degrees of freedom.
    /// - Parameter degreesOfFreedom: k, any finite number greater than 0.
    /// - Throws: `StatisticsError.invalidDegreesOfFreedom` when k is not positive and finite.
    public init(degreesOfFreedom: Double) throws(StatisticsError) {
        guard degreesOfFreedom.isFinite, degreesOfFreedom > 0 else {
            throw .invalidDegreesOfFreedom(degreesOfFreedom)
        }
        self.degreesOfFreedom = degreesOfFreedom
    }

    // MARK: - API

    /// The cumulative distribution function P(X ≤ x).
    ///
    /// Source: P(X ≤ x) = P(k/2, x/2), the regularized lower incomplete gamma function
    /// (Abramowitz & Stegun 26.4.19), by series or continued fraction (Numerical Recipes §6.2).
    /// - Parameter x: The point; values ≤ 0 give 0, NaN gives NaN.
    /// - Returns: P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return SpecialFunctions.regularizedIncompleteGamma(a: 0.5 * degreesOfFreedom, x: 0.5 * x).lower
    }

    /// The survival function P(X > x) = 1 − cdf(x), computed directly (the p-value of a χ² test).
    ///
    /// Source: P(X > x) = Q(k/2, x/2), the regularized upper incomplete gamma function
    /// (Abramowitz & Stegun 26.4.19), by series or continued fraction (Numerical Recipes §6.2).
    /// - Parameter x: The point; values ≤ 0 give 1, NaN gives NaN.
    /// - Returns: P(X > x), accurate relative to its size in the upper tail.
    public func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return SpecialFunctions.regularizedIncompleteGamma(a: 0.5 * degreesOfFreedom, x: 0.5 * x).upper
    }
}
