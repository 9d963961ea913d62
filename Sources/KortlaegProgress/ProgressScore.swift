import KortlaegDomain

/// How one score is analysed: direction, bands, and the constants of the reliable change index,
/// each with where it came from.
public struct ProgressScore: Sendable {
    public var definition: ScoreDefinition
    /// The bands used for transitions and the cut-off (nil: no band table for this score).
    public var bands: [(band: BandTable.Band, label: String)]?
    /// The band table's id, for the record.
    public var bandTable: String?
    /// Band level at or above which a child is "above the cut-off" (default 2: abnormal / high).
    public var cutoffLevel: Int
    /// Reliability r for the RCI, or nil when none is known (the RCI is then not computed).
    public var reliability: Double?
    /// Where `reliability` comes from.
    public var reliabilitySource: String
    /// The reliability is (or was to be) Cronbach's alpha from the first occasion's sample.
    public var reliabilityFromSample = false
    /// Where ``reliability`` comes from (nil when there is none).
    public var reliabilityOrigin: ConstantOrigin?
    /// Where the SD of ``standardDeviation`` comes from (nil when there is none).
    public var standardDeviationOrigin: ConstantOrigin?
    /// The SD for the RCI: a fixed value, by sex, or the baseline sample's SD.
    public var standardDeviation: StandardDeviationSource

    /// Where the SD of the reliable change index comes from.
    public enum StandardDeviationSource: Sendable, Equatable {
        /// A fixed SD (given by the user, or a norm set's SD) with its source.
        case fixed(Double, source: String)
        /// Norm SDs per sex (`male`/`female` attribute `sex`); children without a known sex get no RCI.
        case bySex([String: Double], source: String)
        /// The SD of the T1 scores in the analysed sample.
        case baseline
        /// None known.
        case unavailable(reason: String)
    }

    public init(definition: ScoreDefinition, bands: [(band: BandTable.Band, label: String)]?, bandTable: String?,
                cutoffLevel: Int = 2, reliability: Double?, reliabilitySource: String,
                standardDeviation: StandardDeviationSource) {
        self.definition = definition
        self.bands = bands
        self.bandTable = bandTable
        self.cutoffLevel = cutoffLevel
        self.reliability = reliability
        self.reliabilitySource = reliabilitySource
        self.standardDeviation = standardDeviation
    }

    /// The band of `value`.
    public func band(of value: Double) -> (band: BandTable.Band, label: String)? {
        bands?.first { $0.band.contains(value) }
    }

    /// Whether a change from `before` to `after` is in the better direction.
    public func isImprovement(_ change: Double) -> Bool {
        switch definition.direction {
        case .lowerIsBetter: change < 0
        case .higherIsBetter: change > 0
        case .neutral: false
        }
    }
}
