/// The scores of one response, aligned with ``Scorer/scores``.
public struct ScoreSet: Hashable, Sendable {
    /// One value per score definition; nil = missing.
    public var values: [Double?]
}
