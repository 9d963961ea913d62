import KortlaegDomain

/// One scored response of one child at one occasion: the neutral input of an export.
///
/// The project store (or a score file) fills it; ids are raw here and are pseudonymised by the
/// builder, never written as they are.
public struct ExportResponse: Sendable {
    /// The child's id as stored (raw; may even be a CPR number in a bad input file).
    public var childID: String
    /// The occasion label (`T1`, `T2`, `F1`).
    public var occasion: String
    /// Scores by score id (`emotion`, `ebdtot`); nil = not computable.
    public var scores: [String: Double?]
    /// Item answers by item id, when items are exported.
    public var answers: [String: AnswerValue]
    /// The child's site, class, school, sex and birth year as stored (covariates; birth month is never exported).
    public var attributes: ChildAttributes
    /// The response date (ISO `YYYY-MM-DD`), when known.
    public var date: String?
    /// Further covariates by column name (the columns a score file kept with `score --keep` that
    /// are not class, school, sex or birth year), as written.
    public var covariates: [String: String] = [:]
    /// Items the source file answered with a missing code, with its meaning (item id →
    /// `missing`, `notAsked`, `refused`, `dontKnow`, as stored); they are not in ``answers``.
    /// Exported with `--items` as the items' reason variables (``AnswerReason``).
    public var missingReasons: [String: String] = [:]

    /// Creates a response.
    public init(childID: String, occasion: String, scores: [String: Double?], answers: [String: AnswerValue] = [:],
                attributes: ChildAttributes = ChildAttributes(), date: String? = nil) {
        self.childID = childID
        self.occasion = occasion
        self.scores = scores
        self.answers = answers
        self.attributes = attributes
        self.date = date
    }
}

/// The responses to one instrument, with the occasions in their order and the rule variants used.
public struct ExportSource: Sendable {
    /// The instrument the responses were collected and scored with.
    public var instrument: Instrument
    /// The occasions in time order (`["T1", "T2"]`); change is last minus first.
    public var occasions: [String]
    /// The responses.
    public var responses: [ExportResponse]
    /// Rule variants used for scoring (option id → choice id); missing options used their default.
    public var ruleChoices: [String: String]
    /// The names of the further covariates (``ExportResponse/covariates``), in the order they are exported.
    public var covariateColumns: [String] = []

    /// Creates a source.
    public init(instrument: Instrument, occasions: [String], responses: [ExportResponse], ruleChoices: [String: String] = [:]) {
        self.instrument = instrument
        self.occasions = occasions
        self.responses = responses
        self.ruleChoices = ruleChoices
    }
}
