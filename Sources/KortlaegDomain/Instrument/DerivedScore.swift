/// A score computed from other scores (e.g. SDQ total difficulties = the four problem scales).
public struct DerivedScore: Codable, Hashable, Sendable {
    /// How the parts are combined.
    public enum Method: String, Codable, Sendable {
        /// Sum of the parts; missing when any part is missing.
        case sum
        /// Mean of the parts; missing when any part is missing.
        case mean
    }

    /// Stable id within the instrument (e.g. `ebdtot`).
    public var id: String
    /// The official output variable name (e.g. `pebdtot`).
    public var variable: String
    /// The score's name per language.
    public var label: LocalizedText
    /// The score ids combined (scales or earlier derived scores).
    public var of: [String]
    /// How the parts are combined.
    public var method: Method
    /// The range of the score.
    public var range: ScoreRange
    /// Whether higher or lower scores are better.
    public var direction: ScoreDirection
    /// Cross-version identity (see ``Scale/equivalenceKey``).
    public var equivalenceKey: String?
    /// Where the definition comes from (e.g. "Goodman, Lamping & Ploubidis 2010").
    public var source: String?
}
