import Foundation

/// Cronbach's alpha of k items over n complete cases, with Feldt's confidence interval.
///
/// α = k/(k − 1) · (1 − Σ s²ᵢ / s²ₜ), sample variances (ddof = 1) of each item and of the
/// case totals. Feldt's interval, with F-quantiles on (n − 1, (n − 1)(k − 1)) degrees of freedom:
/// lower = 1 − (1 − α)·F(1 − (1 − level)/2), upper = 1 − (1 − α)·F((1 − level)/2).
/// Source: Cronbach (1951), Psychometrika 16:297; Feldt, Woodruff & Salih (1987), Applied
/// Psychological Measurement 11:93 (the interval `pingouin.cronbach_alpha` and `psych::alpha` give).
public struct CronbachAlpha: Sendable, Equatable {
    /// The number of complete cases n.
    public let count: Int
    /// The number of items k.
    public let items: Int
    /// Cronbach's alpha.
    public let alpha: Double

    /// Computes alpha.
    /// - Parameter cases: one row per case, one value per item (complete cases only; every row
    ///   has the same length k).
    /// - Throws: `tooFewObservations` for n < 2 or k < 2, `unequalLengths` for ragged rows,
    ///   `nonFiniteValue`, and `noVariation` when the totals do not vary.
    public init(cases: [[Double]]) throws(StatisticsError) {
        guard cases.count >= 2 else { throw .tooFewObservations(statistic: "Cronbach's alpha", required: 2, actual: cases.count) }
        let k = cases[0].count
        guard k >= 2 else { throw .tooFewObservations(statistic: "Cronbach's alpha (items)", required: 2, actual: k) }
        for row in cases {
            guard row.count == k else { throw .unequalLengths(before: k, after: row.count) }
            try Validation.requireFinite(row)
        }
        let itemVariances = (0..<k).map { column in Self.variance(cases.map { $0[column] }) }
        let totalVariance = Self.variance(cases.map { $0.reduce(0, +) })
        guard totalVariance > 0 else { throw .noVariation(statistic: "Cronbach's alpha") }
        count = cases.count
        items = k
        alpha = Double(k) / Double(k - 1) * (1 - itemVariances.reduce(0, +) / totalVariance)
    }

    /// Feldt's confidence interval at `level` (0.95 by default).
    /// - Throws: `invalidConfidenceLevel`.
    public func confidenceInterval(level: Double = 0.95) throws(StatisticsError) -> (lower: Double, upper: Double) {
        try Validation.requireConfidenceLevel(level)
        let f = try FisherF(numerator: Double(count - 1), denominator: Double((count - 1) * (items - 1)))
        let tail = (1 - level) / 2
        return (1 - (1 - alpha) * (try f.quantile(1 - tail)), 1 - (1 - alpha) * (try f.quantile(tail)))
    }

    /// Sample variance (n − 1), two-pass.
    private static func variance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }
}
