/// What a scorer outputs for one score, whether a scale or a derived score.
public struct ScoreDefinition: Hashable, Sendable {
    /// The score's id within the instrument.
    public var id: String
    /// The output variable name (`pemotion`).
    public var variable: String
    /// The score's name per language.
    public var label: LocalizedText
    /// The range of the score.
    public var range: ScoreRange
    /// Whether higher or lower is better.
    public var direction: ScoreDirection
    /// Cross-version identity.
    public var equivalenceKey: String?
    /// False when computed from an unverified item membership (opt-in only).
    public var verified: Bool
}
