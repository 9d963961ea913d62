/// An indicator figure combined over one or more groups (e.g. the trin of a school, or the
/// schools of a municipality), with how it was combined.
public struct TrivselAggregate: Hashable, Sendable {
    /// How group means were combined.
    public enum Weighting: String, Hashable, Sendable {
        /// One group: its own figure.
        case single
        /// Mean over groups weighted by their pupil counts (the official rule).
        case pupils
        /// Plain mean of group means, because at least one group has no pupil count.
        case unweighted
    }

    /// The combined mean, or nil when no group could be shown.
    public var mean: Double?
    /// Pupils behind the mean, when every contributing group gives its count.
    public var pupils: Int?
    /// Groups that contributed.
    public var groups: Int
    /// How the groups were combined.
    public var weighting: Weighting
    /// Groups left out because they have fewer than ``TrivselAggregation/minimumGroupSize`` pupils.
    public var suppressedGroups: Int
    /// Shares (0–100 %) with the highest well-being, combined the same way, by definition.
    public var highestWellBeing: [HighestWellBeingDefinition: Double]
}
