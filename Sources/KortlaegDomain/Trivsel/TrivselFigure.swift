/// One published cell of aggregated trivselsmåling results: an indicator for one group
/// (school × klassetrin × school year).
///
/// A suppressed cell is absent in the source and `nil` here, never 0.
public struct TrivselFigure: Hashable, Sendable {
    /// The group's mean indicator score (1–5), or nil when suppressed or not given.
    public var mean: Double?
    /// Pupils with a score in the group, when the source gives it.
    public var pupils: Int?
    /// Shares (0–100 %) with the highest well-being, by their definition.
    public var highestWellBeing: [HighestWellBeingDefinition: Double]

    /// Creates a figure.
    public init(mean: Double? = nil, pupils: Int? = nil, highestWellBeing: [HighestWellBeingDefinition: Double] = [:]) {
        self.mean = mean
        self.pupils = pupils
        self.highestWellBeing = highestWellBeing
    }

    /// True when nothing is known for the cell.
    public var isEmpty: Bool { mean == nil && pupils == nil && highestWellBeing.isEmpty }
}
