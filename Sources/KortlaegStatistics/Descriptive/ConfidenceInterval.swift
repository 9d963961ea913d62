/// A two-sided confidence interval for a parameter.
public struct ConfidenceInterval: Sendable, Equatable {
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double
    /// The confidence level, e.g. 0.95.
    public let level: Double

    /// Creates an interval.
    /// - Parameters:
    ///   - lower: The lower bound.
    ///   - upper: The upper bound (≥ `lower`).
    ///   - level: The confidence level in (0, 1).
    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// The t-based interval `estimate ± t_{(1+level)/2, df} · standardError`.
    ///
    /// Source: Student (1908); e.g. Altman, *Practical Statistics for Medical Research* §9.4.
    static func studentT(
        estimate: Double, standardError: Double, degreesOfFreedom: Int, level: Double
    ) throws(StatisticsError) -> ConfidenceInterval {
        try Validation.requireConfidenceLevel(level)
        let distribution = try StudentT(degreesOfFreedom: Double(degreesOfFreedom))
        let critical = try distribution.quantile(0.5 + 0.5 * level)
        let halfWidth = critical * standardError
        return ConfidenceInterval(lower: estimate - halfWidth, upper: estimate + halfWidth, level: level)
    }
}
