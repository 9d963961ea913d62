/// The Reliable Change Index for one child's change between two mappings.
///
/// `RCI = (T2 − T1) / S_diff` with `S_diff = SD · √(2 · (1 − r))`; the change is reliable when
/// |RCI| exceeds the criterion (1.96 by default, i.e. two-sided 5 %). Whether an increase is an
/// improvement depends on the scale (lower is better for difficulties), so this type reports
/// the direction of the score and leaves "improved"/"deteriorated" to the caller.
public struct ReliableChange: Sendable, Equatable {
    /// The direction of a change, judged against the criterion.
    public enum Classification: Sendable, Equatable {
        /// The score went up by more than chance measurement error explains.
        case reliableIncrease
        /// The score went down by more than chance measurement error explains.
        case reliableDecrease
        /// The change lies within the range explained by measurement error.
        case noReliableChange
    }

    /// The default criterion, 1.96 (Jacobson & Truax 1991).
    public static let defaultCriterion = 1.96

    /// The raw change T2 − T1.
    public let change: Double
    /// The standard error of the difference, S_diff = SD · √(2(1 − r)).
    public let standardErrorOfDifference: Double
    /// The Reliable Change Index, change / S_diff.
    public let index: Double
    /// The criterion |RCI| must exceed.
    public let criterion: Double

    /// True when |RCI| > criterion (strictly).
    public var isReliable: Bool { abs(index) > criterion }

    /// The direction of the change, if reliable.
    public var classification: Classification {
        guard isReliable else { return .noReliableChange }
        return index > 0 ? .reliableIncrease : .reliableDecrease
    }

    /// Computes the RCI for one child.
    ///
    /// Source: Jacobson, N. S., & Truax, P. (1991). Clinical significance: A statistical
    /// approach to defining meaningful change in psychotherapy research. *Journal of
    /// Consulting and Clinical Psychology* 59(1), 12–19.
    /// - Parameters:
    ///   - before: The score at T1.
    ///   - after: The score at T2.
    ///   - standardDeviation: The SD of the scale (norm SD, or the baseline sample's SD), > 0.
    ///   - reliability: The reliability r of the scale (e.g. Cronbach's α), 0 ≤ r < 1.
    ///   - criterion: The threshold for |RCI|; 1.96 by default.
    /// - Throws: `StatisticsError.nonFiniteValue` for a missing score,
    ///   `.invalidStandardDeviation`, `.invalidReliability`, `.invalidCriterion`.
    public init(
        before: Double, after: Double, standardDeviation: Double, reliability: Double,
        criterion: Double = defaultCriterion
    ) throws(StatisticsError) {
        try Validation.requireFinite([before, after])
        guard criterion.isFinite, criterion > 0 else { throw .invalidCriterion(criterion) }
        let sDiff = try Self.standardErrorOfDifference(
            standardDeviation: standardDeviation, reliability: reliability)
        change = after - before
        standardErrorOfDifference = sDiff
        index = change / sDiff
        self.criterion = criterion
    }

    /// The standard error of the difference between two scores, S_diff = SD · √(2(1 − r)).
    ///
    /// Source: Jacobson & Truax (1991), *J Consult Clin Psychol* 59(1), 12–19, p. 14.
    /// - Parameters:
    ///   - standardDeviation: The SD of the scale, > 0.
    ///   - reliability: The reliability r, 0 ≤ r < 1.
    /// - Returns: S_diff (> 0).
    /// - Throws: `StatisticsError.invalidStandardDeviation`, `.invalidReliability`.
    public static func standardErrorOfDifference(
        standardDeviation: Double, reliability: Double
    ) throws(StatisticsError) -> Double {
        guard standardDeviation.isFinite, standardDeviation > 0 else {
            throw .invalidStandardDeviation(standardDeviation)
        }
        guard reliability >= 0, reliability < 1 else { throw .invalidReliability(reliability) }
        return standardDeviation * (2 * (1 - reliability)).squareRoot()
    }
}
