import KortlaegStatistics

/// Why a statistic of a group is not computed: a value with a stable code for scripts, worded by
/// the renderers in the report's language (the table, the CSV and the JSON give the same reason).
public enum StatisticGap: Hashable, Sendable, CustomStringConvertible {
    /// The group is under the suppression threshold: n only, for every score.
    case suppressed(threshold: Int)
    /// Fewer children with the needed scores than the statistic requires (e.g. n < 2).
    case tooFew(required: Int, actual: Int)
    /// No variation (SD 0), so a ratio with the SD in its denominator is undefined.
    case noVariation
    /// Every paired difference is 0: the Wilcoxon test has nothing to rank.
    case allDifferencesZero
    /// No child crossed the cut-off: McNemar's test has no discordant pairs.
    case noDiscordantPairs
    /// Hedges' J = 1 − 3/(4(n − 1) − 1) is 0 at n = 2, so g would be 0 whatever the data.
    case hedgesUndefined
    /// Any other reason, in English (an invalid input upstream).
    case other(String)

    /// The reason of a statistics error.
    public init(_ error: StatisticsError) {
        switch error {
        case let .tooFewObservations(_, required, actual): self = .tooFew(required: required, actual: actual)
        case .noVariation: self = .noVariation
        case .allDifferencesZero: self = .allDifferencesZero
        case .noDiscordantPairs: self = .noDiscordantPairs
        default: self = .other(error.description)
        }
    }

    /// A stable English code for scripts (`too_few`, `no_variation`, …).
    public var code: String {
        switch self {
        case .suppressed: "suppressed"
        case .tooFew: "too_few"
        case .noVariation: "no_variation"
        case .allDifferencesZero: "all_differences_zero"
        case .noDiscordantPairs: "no_discordant_pairs"
        case .hedgesUndefined: "hedges_j_undefined_n2"
        case .other: "other"
        }
    }

    /// The reason in English (the renderers word it in the report's language).
    public var description: String {
        switch self {
        case let .suppressed(threshold): "n < \(threshold): statistics suppressed"
        case let .tooFew(required, actual): "needs at least \(required) \(required == 1 ? "child" : "children") with the scores, has \(actual)"
        case .noVariation: "no variation (SD 0): the ratio is undefined"
        case .allDifferencesZero: "every change is 0: nothing to rank"
        case .noDiscordantPairs: "no child crossed the cut-off (no discordant pairs)"
        case .hedgesUndefined: "Hedges' J = 1 − 3/(4(n − 1) − 1) is 0 at n = 2: g is undefined"
        case let .other(text): text
        }
    }
}
