/// One question of an instrument.
public struct Item: Codable, Hashable, Sendable {
    /// Stable id within the instrument (e.g. `consid`), used by scales.
    public var id: String
    /// The official variable name in files (e.g. `pconsid`).
    public var variable: String
    /// Other column names accepted for this item on import (e.g. an older official name).
    public var aliases: [String]?
    /// Position on the paper form (1-based).
    public var position: Int?
    /// A short label (never the copyrighted item wording for licensed instruments).
    public var label: LocalizedText
    /// The full question text per language, where the licence allows shipping it.
    public var wording: LocalizedText?
    /// The id of the item's answer scale.
    public var answerScale: String
    /// Free-text and other personal answers are kept out of exports unless asked for.
    public var personalData: Bool?
    /// Whether an answer is required for the response to be accepted (default false).
    public var required: Bool?
}
