import Foundation

/// Special functions behind the distributions: log-beta, regularized incomplete beta and gamma,
/// and the saddle-point pieces of the binomial probability. For internal use only.
enum SpecialFunctions {
    /// log(√(2π)).
    static let logSqrtTwoPi = 0.918_938_533_204_672_741_780_329_736_406

    /// Relative tolerance at which the series and continued fractions stop.
    static let convergenceTolerance = 4 * Double.ulpOfOne

    /// Smallest magnitude allowed in the modified Lentz iteration, so nothing divides by zero.
    private static let lentzFloor = Double.leastNormalMagnitude / Double.ulpOfOne

    // MARK: - Stirling series

    /// The remainder of Stirling's series, `lgamma(x) − ((x − ½)·log x − x + log √(2π))`, for
    /// `x ≥ 10`, where the truncated asymptotic series is accurate to below 1e-17.
    ///
    /// Source: Abramowitz & Stegun 6.1.41 (the Bernoulli-number coefficients).
    static func stirlingCorrection(_ x: Double) -> Double {
        precondition(x >= 10, "stirlingCorrection needs x >= 10")
        let coefficients: [Double] = [
            1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360_360,
            1.0 / 156, -3617.0 / 122_400,
        ]
        let inverseSquare = 1 / (x * x)
        var sum = 0.0
        for coefficient in coefficients.reversed() {
            sum = sum * inverseSquare + coefficient
        }
        return sum / x
    }

    // MARK: - Beta

    /// log B(a, b) for a, b > 0, avoiding the cancellation of `lgamma(a) + lgamma(b) −
    /// lgamma(a + b)` when one argument is large.
    ///
    /// Source: R `nmath/lbeta.c` (the same splitting by size of the arguments).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b)
        let q = max(a, b)
        if p >= 10 {
            let correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q)
            return -0.5 * log(q) + logSqrtTwoPi + correction + (p - 0.5) * log(p / (p + q))
                + q * log1p(-p / (p + q))
        }
        if q >= 10 {
            let correction = stirlingCorrection(q) - stirlingCorrection(p + q)
            return lgamma(p) + correction + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
        }
        return lgamma(p) + lgamma(q) - lgamma(p + q)
    }

    /// The regularized incomplete beta function I_x(a, b) and its complement 1 − I_x(a, b).
    ///
    /// Both `x` and `y = 1 − x` are passed so that callers who know `y` more accurately than
    /// `1 − x` (the t distribution near zero) lose nothing to cancellation. The smaller of the
    /// two results is always computed directly, so it is accurate relative to its own size.
    ///
    /// Source: Press et al., *Numerical Recipes* 3rd ed. §6.4 (continued fraction 6.4.5),
    /// evaluated with the modified Lentz method (Lentz 1976; Thompson & Barnett 1986).
    ///
    /// `knownLogX`, when given, is used for log x; it keeps the result right when x itself
    /// underflows to 0 but x^a does not (a tiny, e.g. the t distribution with ν ≪ 1 far out).
    static func regularizedIncompleteBeta(
        a: Double, b: Double, x: Double, y: Double, knownLogX: Double? = nil
    ) -> (lower: Double, upper: Double) {
        let logX = knownLogX ?? (x <= 0.5 ? log(x) : log1p(-y))
        if logX == -.infinity { return (0, 1) }
        if y <= 0 { return (1, 0) }
        let logY = y <= 0.5 ? log(y) : log1p(-x)
        let logFront = a * logX + b * logY - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            let lower = exp(logFront) * betaContinuedFraction(a: a, b: b, x: x, y: y) / a
            return (lower, 1 - lower)
        } else {
            let upper = exp(logFront) * betaContinuedFraction(a: b, b: a, x: y, y: x) / b
            return (1 - upper, upper)
        }
    }

    /// The continued fraction for I_x(a, b), converging quickly for x < (a + 1)/(a + b + 2).
    private static func betaContinuedFraction(a: Double, b: Double, x: Double, y: Double) -> Double {
        let maximumIterations = 10_000 + Int(min(1e7, 20 * (a + b).squareRoot()))
        let aPlusB = a + b
        var c = 1.0
        // 1 − (a + b)x/(a + 1), written so that x near 1 keeps its accuracy through y.
        var d = 1 - aPlusB * x / (a + 1)
        if abs(d) < lentzFloor { d = lentzFloor }
        d = 1 / d
        var h = d
        for iteration in 1...maximumIterations {
            let m = Double(iteration)
            let twoM = 2 * m
            // Even step.
            var numerator = m * (b - m) * x / ((a - 1 + twoM) * (a + twoM))
            d = 1 + numerator * d
            if abs(d) < lentzFloor { d = lentzFloor }
            c = 1 + numerator / c
            if abs(c) < lentzFloor { c = lentzFloor }
            d = 1 / d
            h *= d * c
            // Odd step.
            numerator = -(a + m) * (aPlusB + m) * x / ((a + twoM) * (a + 1 + twoM))
            d = 1 + numerator * d
            if abs(d) < lentzFloor { d = lentzFloor }
            c = 1 + numerator / c
            if abs(c) < lentzFloor { c = lentzFloor }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= convergenceTolerance { break }
        }
        return h
    }

    // MARK: - Gamma

    /// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), for
    /// a > 0 and x ≥ 0. The smaller of the two is computed directly.
    ///
    /// Source: Press et al., *Numerical Recipes* 3rd ed. §6.2 (series 6.2.5 for x < a + 1,
    /// continued fraction 6.2.7 with the modified Lentz method otherwise).
    static func regularizedIncompleteGamma(a: Double, x: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        // log(xᵃ·e⁻ˣ/Γ(a)); for a ≥ 10 through the deviance, which avoids cancelling the large
        // terms a·log x, x and lgamma(a) (Loader 2000, as R's dpois_raw).
        let logFront = a >= 10
            ? -binomialDeviance(a, x) + 0.5 * log(a) - logSqrtTwoPi - stirlingCorrection(a)
            : -x + a * log(x) - lgamma(a)
        let maximumIterations = 10_000 + Int(min(1e7, 20 * a.squareRoot()))
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<maximumIterations {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * convergenceTolerance { break }
            }
            let lower = sum * exp(logFront)
            return (lower, 1 - lower)
        } else {
            var b = x + 1 - a
            var c = 1 / lentzFloor
            var d = 1 / b
            var h = d
            for iteration in 1...maximumIterations {
                let i = Double(iteration)
                let numerator = -i * (i - a)
                b += 2
                d = numerator * d + b
                if abs(d) < lentzFloor { d = lentzFloor }
                c = b + numerator / c
                if abs(c) < lentzFloor { c = lentzFloor }
                d = 1 / d
                let delta = d * c
                h *= delta
                if abs(delta - 1) <= convergenceTolerance { break }
            }
            let upper = exp(logFront) * h
            return (1 - upper, upper)
        }
    }

    // MARK: - Binomial saddle point

    /// The error of Stirling's approximation to log(n!): `log(n!) − log(√(2πn)·(n/e)ⁿ)`.
    ///
    /// Source: Loader, C. (2000). *Fast and Accurate Computation of Binomial Probabilities*.
    static func stirlingError(_ n: Double) -> Double {
        if n == 0 { return 0 }
        if n < 10 {
            return lgamma(n + 1) - (n + 0.5) * log(n) + n - logSqrtTwoPi
        }
        return stirlingCorrection(n)
    }

    /// The deviance term `x·log(x/μ) + μ − x`, computed without cancellation when x ≈ μ.
    ///
    /// Source: Loader, C. (2000). *Fast and Accurate Computation of Binomial Probabilities*.
    static func binomialDeviance(_ x: Double, _ mu: Double) -> Double {
        if abs(x - mu) < 0.1 * (x + mu) {
            var v = (x - mu) / (x + mu)
            var sum = (x - mu) * v
            var term = 2 * x * v
            v *= v
            for j in 1..<1000 {
                term *= v
                let next = sum + term / Double(2 * j + 1)
                if next == sum { return next }
                sum = next
            }
            return sum
        }
        return x * log(x / mu) + mu - x
    }
}
