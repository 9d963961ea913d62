import KortlaegExport
import KortlaegDomain

/// What a class report shows: per score and occasion the number of children, the mean and the
/// share in each band. Groups under ``minimumGroupSize`` are suppressed ("n < 5").
public struct ClassReport: Sendable {
    /// The smallest group whose numbers are shown.
    public static let minimumGroupSize = 5

    /// One score's values per occasion.
    public struct ScoreValues: Sendable {
        public var label: String
        public var bands: [ChildReport.Band]
        /// Valid values per occasion label.
        public var values: [String: [Double]]
        public init(label: String, bands: [ChildReport.Band], values: [String: [Double]]) {
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
            Double(values.filter { $0 >= band.minimum && $0 <= band.maximum }.count) / Double(values.count)
        }
        return Cell(n: values.count, suppressed: false, mean: mean, shares: shares)
    }

    /// Builds the score values from an instrument and children's scores (per occasion, per child).
    public static func scores(instrument: Instrument, bandTableID: String? = nil, scores: [String: [[String: Double?]]],
                              language: Language) throws -> [ScoreValues] {
        let scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
        let table = (instrument.bandTables ?? []).first { bandTableID == nil || $0.id == bandTableID }
        let lookup = BandLookup(instrument: instrument)
        return scorer.scores.filter(\.verified).map { definition in
            let bands = (table?.scores[definition.id]?.bands ?? []).map {
                ChildReport.Band(minimum: $0.minimum, maximum: $0.maximum, level: $0.level, label: lookup.label(of: $0, language: language))
            }
            var values: [String: [Double]] = [:]
            for (occasion, children) in scores {
                values[occasion] = children.compactMap { ($0[definition.id] ?? nil) }
            }
            return ScoreValues(label: definition.label.text(language), bands: bands, values: values)
        }
    }
}
