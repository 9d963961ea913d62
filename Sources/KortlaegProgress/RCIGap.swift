/// Why a child has no reliable change index on a score: a value with a stable code for scripts,
/// worded by the renderers in the report's language (the per-child files of `progress` and of the
/// course give the same reason).
public enum RCIGap: Hashable, Sendable, CustomStringConvertible {
    /// No reliability is known for the score; `fromSample` when it was to come from the first
    /// occasion's sample (Cronbach's alpha) and the sample gives none (the impact score, say).
    case noReliability(variable: String, source: String, fromSample: Bool)
    /// No SD is known for the score (`reason` in English names the options that give one).
    case noStandardDeviation(variable: String, reason: String)
    /// The norm SDs are given by sex and the child's sex is not known.
    case sexUnknown
    /// The SD is the baseline sample's, and it cannot be computed (fewer than 2 children or no variation).
    case noBaselineSD
    /// The reliable change index itself could not be computed.
    case statistics(StatisticGap)

    /// A stable English code for scripts (`no_reliability`, `no_sd`, …).
    public var code: String {
        switch self {
        case .noReliability: "no_reliability"
        case .noStandardDeviation: "no_sd"
        case .sexUnknown: "sex_unknown"
        case .noBaselineSD: "no_baseline_sd"
        case let .statistics(gap): gap.code
        }
    }

    /// The reason in English.
    public var description: String {
        switch self {
        case let .noReliability(variable, source, _): "no reliability is known for \(variable): \(source)"
        case let .noStandardDeviation(_, reason): reason
        case .sexUnknown: "the child's sex is not known, and the norm SDs are given by sex"
        case .noBaselineSD: "the baseline SD cannot be computed (fewer than 2 children or no variation)"
        case let .statistics(gap): gap.description
        }
    }
}
