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
        public var label: String
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
        public var n: Int
        public var suppressed: Bool
        public var mean: Double?
        /// Share (0...1) per band level, in band order.
        public var shares: [Double]
    }

    public var groupLabel: String
    public var language: Language
    public var occasions: [String]
    public var scores: [ScoreValues]

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
