/// The paired t-test of the mean change T2 − T1, with a t-based confidence interval.
///
/// Differences are `after − before`, so a positive mean difference means scores went up.
/// The results match `scipy.stats.ttest_rel(after, before)` and its `confidence_interval()`.
///
/// Not computable (thrown as `StatisticsError`): fewer than 2 pairs, and differences that are
/// all identical (standard deviation 0). In the latter case t would be ±∞ or 0/0; instead of
/// reporting an infinite statistic and a p-value of 0 or NaN, the test is refused with
/// `.noVariation`, and the mean change can still be reported from `Descriptives`.
public struct PairedTTest: Sendable, Equatable {
    /// The number of pairs.
    public let n: Int
    /// The mean of the differences (after − before).
    public let meanDifference: Double
    /// The sample standard deviation of the differences (n − 1 denominator).
    public let standardDeviation: Double
    /// The standard error of the mean difference, SD/√n.
    public let standardError: Double
    /// The t statistic, mean difference / standard error.
    public let t: Double
    /// The degrees of freedom, n − 1.
    public let degreesOfFreedom: Int
    /// The two-sided p-value, 2·P(T_{n−1} ≥ |t|).
    public let pValue: Double
    /// The confidence interval of the mean difference.
    public let confidenceInterval: ConfidenceInterval

    /// Runs the test on paired scores.
    ///
    /// Source: Student (1908), "The probable error of a mean"; the paired form as in Altman,
    /// *Practical Statistics for Medical Research* §9.5.
    /// - Parameters:
    ///   - before: The scores at T1, one per child.
    ///   - after: The scores at T2, in the same order as `before`.
    ///   - confidenceLevel: The confidence level of the interval; 0.95 by default.
    /// - Throws: `StatisticsError.unequalLengths`, `.nonFiniteValue`, `.tooFewObservations`
    ///   (n < 2), `.noVariation` (all differences equal), `.invalidConfidenceLevel`.
    public init(before: [Double], after: [Double], confidenceLevel: Double = 0.95) throws(StatisticsError) {
        try self.init(
            differences: Validation.differences(before: before, after: after),
            confidenceLevel: confidenceLevel)
    }

    /// Runs the test on precomputed differences (after − before).
    ///
    /// Source: Student (1908), "The probable error of a mean".
    /// - Parameters:
    ///   - differences: One difference per child.
    ///   - confidenceLevel: The confidence level of the interval; 0.95 by default.
    /// - Throws: `StatisticsError.nonFiniteValue`, `.tooFewObservations` (n < 2),
    ///   `.noVariation` (all differences equal), `.invalidConfidenceLevel`.
    public init(differences: [Double], confidenceLevel: Double = 0.95) throws(StatisticsError) {
        try Validation.requireFinite(differences)
        try Validation.requireConfidenceLevel(confidenceLevel)
        guard differences.count >= 2 else {
            throw .tooFewObservations(statistic: "paired t-test", required: 2, actual: differences.count)
        }
        let moments = SampleMoments(differences)
        guard !moments.isConstant else { throw .noVariation(statistic: "paired t-test") }
        n = moments.count
        meanDifference = moments.mean
        standardDeviation = moments.standardDeviation
        standardError = standardDeviation / Double(n).squareRoot()
        t = meanDifference / standardError
        degreesOfFreedom = n - 1
        pValue = try StudentT(degreesOfFreedom: Double(degreesOfFreedom)).twoSidedPValue(t)
        confidenceInterval = try .studentT(
            estimate: meanDifference, standardError: standardError,
            degreesOfFreedom: degreesOfFreedom, level: confidenceLevel)
    }
}
