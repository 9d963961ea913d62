import KortlaegExport
import KortlaegDomain

/// What a child report shows: the SDQ profile per informant at each occasion against the bands,
/// trivsel questions and goals. The lead fills it from the store; ``ChildReport/profile(instrument:bandTableID:scores:occasions:language:)``
/// builds a profile from an instrument and scores.
public struct ChildReport: Sendable {
    /// One band of one score, for drawing.
    public struct Band: Sendable, Equatable {
        public var minimum: Double
        public var maximum: Double
        public var level: Int
        public var label: String
        public init(minimum: Double, maximum: Double, level: Int, label: String) {
            self.minimum = minimum
            self.maximum = maximum
            self.level = level
            self.label = label
        }
    }

    /// One score of one informant's profile.
    public struct ProfileScore: Sendable {
        public var label: String
        public var minimum: Double
        public var maximum: Double
        public var bands: [Band]
        /// Value per occasion label (nil = not computed).
        public var values: [String: Double?]
        public init(label: String, minimum: Double, maximum: Double, bands: [Band], values: [String: Double?]) {
            self.label = label
            self.minimum = minimum
            self.maximum = maximum
            self.bands = bands
            self.values = values
        }
    }

    /// One informant's profile.
    public struct Profile: Sendable {
        public var informant: String
        public var instrument: String
        public var occasions: [String]
        public var scores: [ProfileScore]
        public init(informant: String, instrument: String, occasions: [String], scores: [ProfileScore]) {
            self.informant = informant
            self.instrument = instrument
            self.occasions = occasions
            self.scores = scores
        }
    }

    /// A trivsel question with the answer per occasion.
    public struct TrivselAnswer: Sendable {
        public var question: String
        public var answers: [String: String]
        public init(question: String, answers: [String: String]) {
            self.question = question
            self.answers = answers
        }
    }

    /// A goal with its rating per occasion (0...scaleMaximum).
    public struct Goal: Sendable {
        public var text: String
        public var ratings: [String: Double]
        public var scaleMaximum: Double
        public init(text: String, ratings: [String: Double], scaleMaximum: Double) {
            self.text = text
            self.ratings = ratings
            self.scaleMaximum = scaleMaximum
        }
    }

    /// The heading's name for the child (never a CPR number; the renderer refuses one).
    public var childLabel: String
    public var language: Language
    public var occasions: [String]
    public var profiles: [Profile]
    public var trivsel: [TrivselAnswer]
    public var goals: [Goal]
    /// Shown under the heading (e.g. the date written).
    public var subtitle: String

    /// Creates a report.
    public init(childLabel: String, language: Language = .danish, occasions: [String], profiles: [Profile],
                trivsel: [TrivselAnswer] = [], goals: [Goal] = [], subtitle: String = "") {
        self.childLabel = childLabel
        self.language = language
        self.occasions = occasions
        self.profiles = profiles
        self.trivsel = trivsel
        self.goals = goals
        self.subtitle = subtitle
    }

    /// A profile from an instrument's scores and one band table (the first when `bandTableID` is nil).
    /// - Parameter scores: per occasion, scores by score id.
    public static func profile(instrument: Instrument, bandTableID: String? = nil, scores: [String: [String: Double?]],
                               occasions: [String], language: Language) throws -> Profile {
        let scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
        let table = (instrument.bandTables ?? []).first { bandTableID == nil || $0.id == bandTableID }
        let lookup = BandLookup(instrument: instrument)
        let lines: [ProfileScore] = scorer.scores.filter(\.verified).map { definition in
            let bands = (table?.scores[definition.id]?.bands ?? []).map {
                Band(minimum: $0.minimum, maximum: $0.maximum, level: $0.level, label: lookup.label(of: $0, language: language))
            }
            var values: [String: Double?] = [:]
            for occasion in occasions { values[occasion] = scores[occasion]?[definition.id] ?? nil }
            return ProfileScore(label: definition.label.text(language), minimum: definition.range.minimum,
                                maximum: definition.range.maximum, bands: bands, values: values)
        }
        let informant = language == .danish ? instrument.informant.danishName : instrument.informant.rawValue
        return Profile(informant: informant, instrument: "\(instrument.title.text(language)) (\(instrument.reference))",
                       occasions: occasions, scores: lines)
    }
}
