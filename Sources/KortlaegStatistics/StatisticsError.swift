/// Why a statistic could not be computed, in words a PPR employee can act on.
///
/// Two kinds of case live here. *Invalid input* (unequal lists, a missing value, a reliability
/// outside 0…1) is a mistake upstream that should be fixed. *Not computable* (too few children,
/// no variation, no discordant pairs) is a legitimate outcome for a small or uniform group: report
/// it as "not computable" with this message instead of a number. The messages never contain
/// scores, only counts, positions and parameter values, so they are safe to show and to log.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A statistic needs more observations than it was given.
    /// - Parameters:
    ///   - statistic: The statistic's name, e.g. "paired t-test".
    ///   - required: The minimum number of observations.
    ///   - actual: The number given.
    case tooFewObservations(statistic: String, required: Int, actual: Int)

    /// The before and after lists differ in length, so they cannot be paired one to one.
    case unequalLengths(before: Int, after: Int)

    /// A value is NaN or infinite (often a missing score that was not removed).
    /// - Parameter position: The 1-based position of the value in the list given.
    case nonFiniteValue(position: Int)

    /// All values (or all differences) are identical, so a ratio with the standard deviation
    /// in its denominator is undefined.
    case noVariation(statistic: String)

    /// Every paired difference is zero, so the Wilcoxon signed-rank test has nothing to rank.
    case allDifferencesZero(zeros: Int)

    /// No pair changed category, so McNemar's test has no discordant pairs to test.
    case noDiscordantPairs

    /// A confidence level outside the open interval (0, 1).
    case invalidConfidenceLevel(Double)

    /// A probability outside the closed interval [0, 1], or NaN.
    case invalidProbability(Double)

    /// Degrees of freedom that are not a positive finite number.
    case invalidDegreesOfFreedom(Double)

    /// A reliability coefficient outside 0 ≤ r < 1.
    case invalidReliability(Double)

    /// A standard deviation that is not a positive finite number.
    case invalidStandardDeviation(Double)

    /// A distribution mean that is not a finite number.
    case invalidMean(Double)

    /// A reliable-change criterion that is not a positive finite number.
    case invalidCriterion(Double)

    /// Binomial counts where the successes are negative or exceed the trials.
    case invalidCounts(successes: Int, trials: Int)

    /// A number as a user writes it: "95" rather than "95.0".
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// A user-facing explanation: what was wrong and what to do.
    public var description: String {
        switch self {
        case let .tooFewObservations(statistic, required, actual):
            return "The \(statistic) needs at least \(required) \(required == 1 ? "observation" : "observations"), "
                + "but got \(actual). Report n only for this group, or include more children "
                + "with scores at both mappings."
        case let .unequalLengths(before, after):
            return "The scores before (\(before) values) and after (\(after) values) must be paired "
                + "one to one. Check that every child has a score at both mappings and that "
                + "unpaired children were removed before computing statistics."
        case let .nonFiniteValue(position):
            return "Value number \(position) is missing or not a finite number. Remove children "
                + "without a score before computing statistics."
        case let .noVariation(statistic):
            return "The \(statistic) is not computable: all values are identical (standard "
                + "deviation 0), so the ratio is undefined. Report the mean change without it."
        case let .allDifferencesZero(zeros):
            let who = zeros == 1 ? "the only child has" : "all \(zeros) children have"
            return "The Wilcoxon signed-rank test is not computable: \(who) the same score at both "
                + "mappings, so there are no changes to rank."
        case .noDiscordantPairs:
            return "McNemar's test is not computable: no child moved across the cut-off between "
                + "the mappings (no discordant pairs)."
        case let .invalidConfidenceLevel(level):
            return "Confidence level \(Self.format(level)) must be between 0 and 1, e.g. 0.95 for a 95 % interval."
        case let .invalidProbability(probability):
            return "Probability \(Self.format(probability)) must be between 0 and 1."
        case let .invalidDegreesOfFreedom(df):
            return "Degrees of freedom \(Self.format(df)) must be a number greater than 0."
        case let .invalidReliability(reliability):
            return "Reliability \(Self.format(reliability)) must be at least 0 and less than 1. Use the scale's "
                + "Cronbach's alpha or retest correlation from the norm data (e.g. 0.73)."
        case let .invalidStandardDeviation(sd):
            return "Standard deviation \(Self.format(sd)) must be a number greater than 0. Use the scale's norm "
                + "SD or the baseline sample's SD."
        case let .invalidMean(mean):
            return "Mean \(Self.format(mean)) must be a finite number."
        case let .invalidCriterion(criterion):
            return "Reliable-change criterion \(Self.format(criterion)) must be a number greater than 0 "
                + "(Jacobson & Truax use 1.96)."
        case let .invalidCounts(successes, trials):
            return "Count \(successes) out of \(trials) is impossible: the count must be between 0 "
                + "and the number of trials."
        }
    }
}
