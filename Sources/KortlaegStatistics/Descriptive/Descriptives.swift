/// Mean and sample standard deviation of a list of scores, with a t-based interval for the mean.
public struct Descriptives: Sendable, Equatable {
    /// The number of values.
    public let n: Int
    /// The arithmetic mean.
    public let mean: Double
    /// The sample standard deviation (n − 1 denominator); `nil` when n < 2. Exactly 0 when all
    /// values are identical.
    public let standardDeviation: Double?

    /// Describes a list of scores.
    /// - Parameter values: The scores; at least one, all finite.
    /// - Throws: `StatisticsError.tooFewObservations` for an empty list,
    ///   `StatisticsError.nonFiniteValue` when a value is missing (NaN) or infinite.
    public init(_ values: [Double]) throws(StatisticsError) {
        guard !values.isEmpty else {
            throw .tooFewObservations(statistic: "mean", required: 1, actual: 0)
        }
        try Validation.requireFinite(values)
        let moments = SampleMoments(values)
        n = moments.count
        mean = moments.mean
        standardDeviation = moments.count >= 2 ? moments.standardDeviation : nil
    }

    /// The standard error of the mean, SD/√n; `nil` when n < 2.
    public var standardError: Double? {
        standardDeviation.map { $0 / Double(n).squareRoot() }
    }

    /// The confidence interval for the mean, `mean ± t_{(1+level)/2, n−1} · SD/√n`.
    ///
    /// When all values are identical the interval is the single point `[mean, mean]`; it is
    /// reported rather than refused because it contains no infinities and says exactly what the
    /// data say.
    /// Source: Student (1908); e.g. Altman, *Practical Statistics for Medical Research* §9.4.
    /// - Parameter level: The confidence level in (0, 1); 0.95 by default.
    /// - Returns: The interval.
    /// - Throws: `StatisticsError.tooFewObservations` when n < 2,
    ///   `StatisticsError.invalidConfidenceLevel` when the level is outside (0, 1).
    public func meanConfidenceInterval(level: Double = 0.95) throws(StatisticsError) -> ConfidenceInterval {
        guard let standardError else {
            throw .tooFewObservations(statistic: "confidence interval of the mean", required: 2, actual: n)
        }
        return try .studentT(
            estimate: mean, standardError: standardError, degreesOfFreedom: n - 1, level: level)
    }
}
