import KortlaegDomain

/// One stored response with its scores, as read back from a project.
///
/// The child is known only by its pseudonym; the raw id was never stored.
public struct StoredResponse: Sendable {
    /// The child's pseudonym in this project.
    public var child: String
    /// Class, school, birth year/month, sex, as last given by an import.
    public var attributes: ChildAttributes
    /// The occasion.
    public var occasion: Occasion
    /// The date the answers were given (ISO 8601), when known.
    public var date: String?
    /// Who answered.
    public var informant: Informant
    /// The exact instrument version the answers were collected with.
    public var instrument: InstrumentReference
    /// The answers by item id.
    public var answers: [String: AnswerValue]
    /// The scores, ordered by score id.
    public var scores: [StoredScore]
    /// Rule choices the scores were computed with (option id → choice id).
    public var ruleChoices: [String: String]
    /// Whether scores marked unverified were included.
    public var includeUnverified: Bool
    /// Items the file answered with a source missing code, with its meaning (`notAsked`,
    /// `refused`, `dontKnow`, `missing`); they are not in ``answers``. Empty for older imports.
    public var missingReasons: [String: String] = [:]

    /// The value of a score by id; nil when absent or not computable.
    public func value(of scoreID: String) -> Double? {
        scores.first { $0.id == scoreID }?.value
    }

    /// Creates the value from its parts.
    package init(child: String, attributes: ChildAttributes, occasion: Occasion, date: String?, informant: Informant, instrument: InstrumentReference, answers: [String: AnswerValue], scores: [StoredScore], ruleChoices: [String: String], includeUnverified: Bool) {
        self.child = child
        self.attributes = attributes
        self.occasion = occasion
        self.date = date
        self.informant = informant
        self.instrument = instrument
        self.answers = answers
        self.scores = scores
        self.ruleChoices = ruleChoices
        self.includeUnverified = includeUnverified
    }
}

/// One stored score.
public struct StoredScore: Hashable, Sendable {
    /// Score id (`emotion`).
    public var id: String
    /// Official variable name (`pemotion`).
    public var variable: String
    /// The value; nil when not computable under the missing-data rules.
    public var value: Double?
    /// Bands as `table=label` pairs separated by commas, when the instrument has band tables.
    public var bands: String?

    /// Creates the value from its parts.
    package init(id: String, variable: String, value: Double?, bands: String?) {
        self.id = id
        self.variable = variable
        self.value = value
        self.bands = bands
    }

    /// The stored form of a computed score.
    package init(_ score: ComputedScore) {
        self.init(id: score.id, variable: score.variable, value: score.value, bands: score.bands)
    }
}

/// Which stored responses to read. Every field narrows the selection; nil means any.
public struct ResponseQuery: Sendable {
    /// One child, by pseudonym.
    public var child: String?
    /// One class, by name.
    public var className: String?
    /// One instrument id (any version).
    public var instrumentID: String?
    /// One informant.
    public var informant: Informant?
    /// Whether the item answers are decoded (false: ``StoredResponse/answers`` is empty; an export
    /// without items and a progress run need only the scores).
    public var includeAnswers: Bool = true
    /// Whether the responses come in course order (child, occasion, informant, instrument).
    /// False lets the store hand them over in whichever order it reads fastest; an export sorts
    /// its rows itself. A store may still keep the course order.
    public var ordered: Bool = true

    /// Creates a query; with no arguments it selects every response.
    public init(child: String? = nil, className: String? = nil, instrumentID: String? = nil, informant: Informant? = nil) {
        self.child = child
        self.className = className
        self.instrumentID = instrumentID
        self.informant = informant
    }
}
