import Foundation

/// The binomial distribution: the number of successes in n independent trials with success
/// probability p, and the exact two-sided binomial test.
public enum Binomial {
    /// Relative tolerance with which two probabilities count as equal in the two-sided test,
    /// so that rounding does not decide whether a mirror-image outcome is "as extreme".
    static let equalityTolerance = 1 + 1e-7

    // MARK: - API

    /// The probability of exactly `successes` successes in `trials` trials.
    ///
    /// Source: Loader, C. (2000). *Fast and Accurate Computation of Binomial Probabilities*
    /// (saddle-point form, accurate relative to the probability's size).
    /// - Parameters:
    ///   - successes: k, between 0 and `trials`.
    ///   - trials: n ≥ 0.
    ///   - probability: p in [0, 1].
    /// - Returns: P(X = k).
    /// - Throws: `StatisticsError.invalidCounts` when k is outside 0…n,
    ///   `StatisticsError.invalidProbability` when p is outside [0, 1].
    public static func probabilityMass(
        successes: Int, trials: Int, probability: Double
    ) throws(StatisticsError) -> Double {
        try validate(successes: successes, trials: trials, probability: probability)
        return mass(successes, trials, probability)
    }

    /// The exact two-sided binomial test p-value: the total probability of all outcomes no more
    /// likely than the observed one (with relative tolerance 1e-7), capped at 1.
    ///
    /// Matches `scipy.stats.binomtest(k, n, p, alternative='two-sided').pvalue`.
    /// Source: the "minimum likelihood" two-sided exact test (R `binom.test`; SciPy `binomtest`).
    /// - Parameters:
    ///   - successes: The observed k, between 0 and `trials`.
    ///   - trials: n ≥ 1.
    ///   - probability: The hypothesised p in [0, 1]; 0.5 by default.
    /// - Returns: The two-sided p-value in (0, 1].
    /// - Throws: `StatisticsError.invalidCounts` when k is outside 0…n,
    ///   `StatisticsError.tooFewObservations` when n = 0,
    ///   `StatisticsError.invalidProbability` when p is outside [0, 1].
    public static func twoSidedPValue(
        successes: Int, trials: Int, probability: Double = 0.5
    ) throws(StatisticsError) -> Double {
        try validate(successes: successes, trials: trials, probability: probability)
        guard trials >= 1 else {
            throw .tooFewObservations(statistic: "binomial test", required: 1, actual: trials)
        }
        if Double(successes) == probability * Double(trials) { return 1 }
        let observed = mass(successes, trials, probability) * equalityTolerance
        var total = 0.0
        for k in 0...trials {
            let candidate = mass(k, trials, probability)
            if candidate <= observed { total += candidate }
        }
        return min(1, total)
    }

    // MARK: - Implementation

    private static func validate(
        successes: Int, trials: Int, probability: Double
    ) throws(StatisticsError) {
        guard trials >= 0, successes >= 0, successes <= trials else {
            throw .invalidCounts(successes: successes, trials: trials)
        }
        guard probability >= 0, probability <= 1 else { throw .invalidProbability(probability) }
    }

    /// Loader's saddle-point binomial probability (R `dbinom_raw`).
    static func mass(_ successes: Int, _ trials: Int, _ p: Double) -> Double {
        let k = Double(successes)
        let n = Double(trials)
        let q = 1 - p
        if p == 0 { return successes == 0 ? 1 : 0 }
        if q == 0 { return successes == trials ? 1 : 0 }
        if successes == 0 {
            if trials == 0 { return 1 }
            let logMass = p < 0.1 ? -SpecialFunctions.binomialDeviance(n, n * q) - n * p : n * log(q)
            return exp(logMass)
        }
        if successes == trials {
            let logMass = q < 0.1 ? -SpecialFunctions.binomialDeviance(n, n * p) - n * q : n * log(p)
            return exp(logMass)
        }
        let logCore = SpecialFunctions.stirlingError(n) - SpecialFunctions.stirlingError(k)
            - SpecialFunctions.stirlingError(n - k) - SpecialFunctions.binomialDeviance(k, n * p)
            - SpecialFunctions.binomialDeviance(n - k, n * q)
        // log(2π·k·(n − k)/n)
        let logScale = 2 * SpecialFunctions.logSqrtTwoPi + log(k) + log1p(-k / n)
        return exp(logCore - 0.5 * logScale)
    }
}
