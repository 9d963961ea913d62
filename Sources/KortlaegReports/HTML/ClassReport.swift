import KortlaegDomain

/// What a class report shows: per score and occasion the number of children, the mean and the
/// share in each band. Groups under ``minimumGroupSize`` are suppressed ("n < 5").
public struct ClassReport: Sendable {
    /// The smallest group whose numbers are shown.
    public static let minimumGroupSize = 5

    /// One score's values per occasion.
    public struct ScoreValues: Sendable, Equatable {
        /// Who answered, when the report holds several informants (shown before the label).
        public var informant: Informant?
        /// The score's name.
        public var label: String
        /// The bands of the band table used.
        public var bands: [ChildReport.Band]
        /// Valid values per occasion label.
        public var values: [String: [Double]]

        /// Creates a score's values.
        public init(informant: Informant? = nil, label: String, bands: [ChildReport.Band], values: [String: [Double]]) {
            self.informant = informant
            self.label = label
            self.bands = bands
            self.values = values
        }
    }

    /// Numbers for one score at one occasion; nil fields when suppressed.
    public struct Cell: Sendable, Equatable {
        /// Children with a value.
        public var n: Int
        /// Fewer than ``ClassReport/minimumGroupSize`` children: nothing is shown.
        public var suppressed: Bool
        /// The mean, unless suppressed.
        public var mean: Double?
        /// Share (0...1) per band level, in band order.
        public var shares: [Double]
    }

    /// The heading's name for the class.
    public var groupLabel: String
    /// The report's language.
    public var language: Language
    /// The occasions, in course order.
    public var occasions: [String]
    /// The scores, one table each.
    public var scores: [ScoreValues]

    /// The class's trivselsmåling results across school years (its school and klassetrin).
    public enum Trivsel: Sendable {
        /// The project holds no trivselsmåling results.
        case none
        /// The project holds results, but none for the class's school (nil: the class has no
        /// single school) and klassetrin.
        case notFound(school: String?, grade: String?)
        /// The results (groups under 5 pupils are left out, as in `kortlaeg trivsel`).
        case shown(TrivselOverview)
    }

    /// The class's trivselsmåling results, after the scores.
    public var trivsel: Trivsel = .none

    /// Creates a report.
    public init(groupLabel: String, language: Language = .danish, occasions: [String], scores: [ScoreValues]) {
        self.groupLabel = groupLabel
        self.language = language
        self.occasions = occasions
        self.scores = scores
    }

    /// The numbers of `score` at `occasion`.
    public static func cell(_ score: ScoreValues, occasion: String) -> Cell {
        let values = score.values[occasion] ?? []
        guard values.count >= minimumGroupSize else { return Cell(n: values.count, suppressed: true, mean: nil, shares: []) }
        let mean = values.reduce(0, +) / Double(values.count)
        let shares = score.bands.map { band in
            Double(values.filter(band.contains).count) / Double(values.count)
        }
        return Cell(n: values.count, suppressed: false, mean: mean, shares: shares)
    }
}
