/// The counts of a rescoring run.
public struct RescoreSummary: Hashable, Sendable {
    /// Responses rescored.
    public var responses = 0
    /// Scores whose value or band changed.
    public var changedScores = 0
    /// Responses with at least one changed score.
    public var changedResponses = 0
    /// Whether nothing was stored.
    public var dryRun = false

    /// Creates zero counts.
    public init() {}
}
