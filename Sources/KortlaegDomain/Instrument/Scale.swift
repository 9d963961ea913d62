/// A score computed from items: a sum, a prorated sum, a mean or a count.
///
/// Everything that makes a scoring rule — which items, which are reversed, how answers are
/// recoded, how many must be answered, prorating and rounding, and conditions such as the SDQ
/// impact rules — is data, so a corrected rule is a file change, not a code change.
public struct Scale: Codable, Hashable, Sendable {
    /// How item values are combined.
    public enum Method: String, Codable, Sendable {
        /// Sum of the (reversed, recoded) item values.
        case sum
        /// Mean of the answered item values.
        case mean
        /// Number of items whose value is one of `countCodes`.
        case count
    }

    /// Stable id within the instrument (e.g. `emotion`).
    public var id: String
    /// The official output variable name (e.g. `pemotion`).
    public var variable: String
    /// The scale's name per language.
    public var label: LocalizedText
    /// The items, by item id.
    public var items: [String]
    /// Items whose code is reversed before scoring: `lowest + highest − code` over the
    /// item's answer scale's valid codes.
    public var reversed: [String]?
    /// Recoding applied after reversal: answer code (as text) → value.
    public var recode: [String: Int]?
    /// How values are combined.
    public var method: Method
    /// Codes that count, for `count`.
    public var countCodes: [Int]?
    /// The rule for unanswered items and prorating.
    public var missing: MissingDataRule
    /// Rounding of the final value.
    public var rounding: Rounding?
    /// Conditions evaluated in order before the normal computation; the first that holds decides.
    public var conditions: [ScoreCondition]?
    /// The range of the score, used to check band tables.
    public var range: ScoreRange
    /// Whether higher or lower scores are better.
    public var direction: ScoreDirection
    /// Cross-version identity: two scores with the same key measure the same thing and may be
    /// compared between occasions even when the instrument versions differ.
    public var equivalenceKey: String?
    /// False when the item membership is not officially documented. Such a score is computed
    /// only when the user opts in, and every output says so.
    public var verified: Bool?
    /// Where the definition comes from.
    public var source: String?
    /// The column names under which aggregated results files publish group means of this score
    /// (the official name first), when the score is a published indicator such as the
    /// trivselsmåling's `Social trivsel`. See ``TrivselIndicators``.
    public var resultColumns: [String]?
}

/// How many items must be answered and what happens to the unanswered ones.
public struct MissingDataRule: Codable, Hashable, Sendable {
    /// Minimum number of answered items for a score; fewer gives a missing score.
    public var minimumAnswered: Int?
    /// Minimum as a fraction of the scale's items, rounded up: `ceil(fraction × n)`.
    public var minimumAnsweredFraction: Double?
    /// Prorate a sum to all items: `n × S / k` (then rounded by the scale's rounding rule).
    public var prorate: Bool?
    /// Value counted for an unanswered item in a sum (e.g. 0 for the SDQ impact items).
    public var unansweredCountsAs: Int?

    /// The minimum number of answered items for a scale of `itemCount` items.
    public func requiredAnswers(itemCount: Int) -> Int {
        var required = minimumAnswered ?? 1
        if let fraction = minimumAnsweredFraction {
            // Exact ceil for the fractions used in practice (1/2, 2/3...): avoid 0.5*4 = 2.0000001.
            let raw = fraction * Double(itemCount)
            let rounded = (raw - 1e-9).rounded(.up)
            required = max(required, Int(rounded))
        }
        return required
    }
}

/// How a computed value is rounded.
public enum Rounding: String, Codable, Hashable, Sendable {
    /// No rounding.
    case none
    /// Round half up to an integer: `floor(x + 0.5)`, computed exactly (never banker's rounding).
    case halfUpToInteger
}

/// The range a score can take.
public struct ScoreRange: Codable, Hashable, Sendable {
    /// The lowest possible value.
    public var minimum: Double
    /// The highest possible value.
    public var maximum: Double
    /// Whether the score only takes whole numbers.
    public var integer: Bool
}

/// Which way is better.
public enum ScoreDirection: String, Codable, Hashable, Sendable {
    case lowerIsBetter
    case higherIsBetter
    case neutral
}
