/// Combines trivselsmåling group figures by the published rules.
///
/// - Groups with fewer than 5 pupils are not shown and are left out of every combination too,
///   so that no small group can be recovered by subtracting one published figure from another.
/// - Groups are weighted by their pupil counts. When any contributing group lacks a count the
///   combination falls back to the plain mean of group means and says so (``TrivselAggregate/Weighting/unweighted``).
///
/// Source: shared/specs/trivsel.md ("Group figures are pupil-weighted means over pupils with a
/// score. Groups under 5 pupils are not published").
public enum TrivselAggregation {
    /// The smallest group that is shown (n ≥ 5).
    public static let minimumGroupSize = 5

    /// Whether a figure may be shown: its pupil count, when known, is at least 5.
    ///
    /// A figure without a count is shown: published files omit suppressed cells, so a mean
    /// that is present was published.
    public static func isShown(_ figure: TrivselFigure) -> Bool {
        guard let pupils = figure.pupils else { return true }
        return pupils >= minimumGroupSize
    }

    /// Combines the figures of several groups for one indicator.
    /// - Parameter figures: One figure per group; figures without a mean are ignored.
    /// - Returns: The pupil-weighted mean (or the unweighted mean when a count is missing).
    public static func combine(_ figures: [TrivselFigure]) -> TrivselAggregate {
        let withMean = figures.filter { $0.mean != nil }
        let shown = withMean.filter(isShown)
        let suppressed = withMean.count - shown.count
        let means = shown.map { ($0.mean!, $0.pupils) }
        let (mean, weighting, pupils) = combineValues(means)
        var shares: [HighestWellBeingDefinition: Double] = [:]
        for definition in HighestWellBeingDefinition.allCases {
            let values = shown.compactMap { figure in figure.highestWellBeing[definition].map { ($0, figure.pupils) } }
            if let value = combineValues(values).0 { shares[definition] = value }
        }
        return TrivselAggregate(mean: mean, pupils: pupils, groups: shown.count, weighting: weighting,
                                suppressedGroups: suppressed, highestWellBeing: shares)
    }

    private static func combineValues(_ values: [(Double, Int?)]) -> (Double?, TrivselAggregate.Weighting, Int?) {
        guard !values.isEmpty else { return (nil, .single, nil) }
        if values.count == 1 { return (values[0].0, .single, values[0].1) }
        let counts = values.compactMap(\.1)
        if counts.count == values.count, counts.reduce(0, +) > 0 {
            let total = counts.reduce(0, +)
            let weighted = values.reduce(0.0) { $0 + $1.0 * Double($1.1!) }
            return (weighted / Double(total), .pupils, total)
        }
        return (values.reduce(0.0) { $0 + $1.0 } / Double(values.count), .unweighted, nil)
    }
}
