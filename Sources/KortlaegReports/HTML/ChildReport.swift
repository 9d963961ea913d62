import KortlaegDomain

/// What a child report shows: the sections its instruments declare (``ReportSection``), each a
/// profile per informant against the bands or the questions with their answers, then the goals
/// with their ratings. Built by the report use case; drawn by ``ReportRenderer``.
public struct ChildReport: Sendable {
    /// One band of one score, for drawing.
    public struct Band: Sendable, Equatable {
        /// The band's lowest value.
        public var minimum: Double
        /// The band's highest value.
        public var maximum: Double
        /// True when `minimum` itself belongs to the band below (continuous scores: "> 2").
        public var minimumExclusive: Bool
        /// 0 = the normal range; higher = more concern (the band's colour).
        public var level: Int
        /// The band table's label of the band, in the report's language.
        public var label: String

        /// Creates a band.
        public init(minimum: Double, maximum: Double, minimumExclusive: Bool = false, level: Int, label: String) {
            self.minimum = minimum
            self.maximum = maximum
            self.minimumExclusive = minimumExclusive
            self.level = level
            self.label = label
        }

        /// Whether `value` is in this band.
        public func contains(_ value: Double) -> Bool {
            (minimumExclusive ? value > minimum : value >= minimum) && value <= maximum
        }
    }

    /// One score of one informant's profile.
    public struct ProfileScore: Sendable, Equatable {
        /// The score's id in its instrument (`emotion`), shared by the informants' versions; nil
        /// when unknown (then ``key`` is the label).
        public var scoreID: String?
        /// The score's name.
        public var label: String
        /// The score's range, the chart's axis.
        public var minimum: Double
        public var maximum: Double
        /// The bands of the band table drawn.
        public var bands: [Band]
        /// Value per occasion label (nil = not computed).
        public var values: [String: Double?]
        /// Which way is better (strengths: higher; difficulties: lower).
        public var direction: ScoreDirection

        /// Creates a score line.
        public init(scoreID: String? = nil, label: String, minimum: Double, maximum: Double, bands: [Band], values: [String: Double?],
                    direction: ScoreDirection = .neutral) {
            self.scoreID = scoreID
            self.label = label
            self.minimum = minimum
            self.maximum = maximum
            self.bands = bands
            self.values = values
            self.direction = direction
        }

        /// The band `value` is in, if any.
        public func band(of value: Double) -> Band? { bands.first { $0.contains(value) } }

        /// What pairs this score with the same score of another informant's version: the score id,
        /// else the label.
        public var key: String { scoreID ?? label }
    }

    /// One informant's profile.
    public struct Profile: Sendable, Equatable {
        /// Who answered.
        public var informant: Informant
        /// The instrument's title and reference.
        public var instrument: String
        /// The name of the band table drawn, when the instrument has one.
        public var bandTable: String?
        /// The occasions of this informant, in course order.
        public var occasions: [String]
        /// The verified scores, in output order.
        public var scores: [ProfileScore]

        /// Creates a profile.
        public init(informant: Informant, instrument: String, bandTable: String? = nil, occasions: [String], scores: [ProfileScore]) {
            self.informant = informant
            self.instrument = instrument
            self.bandTable = bandTable
            self.occasions = occasions
            self.scores = scores
        }
    }

    /// A question with the answer's label per occasion.
    public struct Answer: Sendable, Equatable {
        /// The question's wording (or label).
        public var question: String
        /// The answer's label per occasion.
        public var answers: [String: String]

        /// Creates a question's row.
        public init(question: String, answers: [String: String]) {
            self.question = question
            self.answers = answers
        }
    }

    /// What a section shows.
    public enum Content: Sendable, Equatable {
        /// One profile per informant (and instrument family).
        case profiles([Profile])
        /// Questions with their answers.
        case answers([Answer])
    }

    /// One section under its heading (from the instruments' ``ReportSection``).
    public struct Section: Sendable, Equatable {
        /// The heading, in the report's language.
        public var heading: String
        /// What the section shows.
        public var content: Content

        /// Creates a section.
        public init(heading: String, content: Content) {
            self.heading = heading
            self.content = content
        }
    }

    /// A goal with its rating per occasion (on the rating item's codes, up to `scaleMaximum`).
    public struct Goal: Sendable, Equatable {
        /// The latest goal text (personal data, shown only in the report).
        public var text: String
        /// The rating per occasion.
        public var ratings: [String: Double]
        /// The rating scale's highest code ("goal reached").
        public var scaleMaximum: Double
        /// The rating's answer label per occasion ("Nogen fremgang"), where the scale names it.
        public var ratingLabels: [String: String]

        /// Creates a goal.
        public init(text: String, ratings: [String: Double], scaleMaximum: Double, ratingLabels: [String: String] = [:]) {
            self.text = text
            self.ratings = ratings
            self.scaleMaximum = scaleMaximum
            self.ratingLabels = ratingLabels
        }
    }

    /// The heading's name for the child (never a CPR number; the renderer refuses one).
    public var childLabel: String
    /// The report's language.
    public var language: Language
    /// Every occasion of the report, in course order (the columns of the answer and goal tables).
    public var occasions: [String]
    /// The sections, in order.
    public var sections: [Section]
    /// The goals, after the sections.
    public var goals: [Goal]
    /// Shown under the heading (e.g. the date written).
    public var subtitle: String

    /// Creates a report.
    public init(childLabel: String, language: Language = .danish, occasions: [String], sections: [Section],
                goals: [Goal] = [], subtitle: String = "") {
        self.childLabel = childLabel
        self.language = language
        self.occasions = occasions
        self.sections = sections
        self.goals = goals
        self.subtitle = subtitle
    }
}
