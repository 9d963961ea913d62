/// McNemar's test of a change in a proportion between two mappings of the same children, e.g.
/// the share above the cut-off at T1 versus T2.
///
/// Only the discordant pairs carry information: `b` children were "yes" at T1 and "no" at T2,
/// `c` children were "no" at T1 and "yes" at T2. With fewer than 25 discordant pairs the p-value
/// is the exact two-sided binomial test of b out of b + c at ½; otherwise it is the χ² test with
/// continuity correction, (|b − c| − 1)²/(b + c) on 1 degree of freedom. `method` names the
/// variant used, for the output metadata.
public struct McNemar: Sendable, Equatable {
    /// How the p-value was obtained.
    public enum Method: Sendable, Equatable, CustomStringConvertible {
        /// Exact two-sided binomial test on the discordant pairs
        /// (`scipy.stats.binomtest(b, b + c, 0.5)`).
        case exactBinomial
        /// χ² with Edwards' continuity correction, 1 degree of freedom.
        case chiSquaredContinuityCorrected

        /// A label for output metadata.
        public var description: String {
            switch self {
            case .exactBinomial: return "exact binomial"
            case .chiSquaredContinuityCorrected: return "chi-squared with continuity correction"
            }
        }
    }

    /// The default number of discordant pairs from which the χ² approximation is used.
    public static let defaultChiSquaredThreshold = 25

    /// Pairs that were "yes" at T1 and "no" at T2.
    public let b: Int
    /// Pairs that were "no" at T1 and "yes" at T2.
    public let c: Int
    /// The χ² statistic (|b − c| − 1)²/(b + c); `nil` for the exact method.
    public let chiSquared: Double?
    /// The two-sided p-value.
    public let pValue: Double
    /// The variant used to obtain `pValue`.
    public let method: Method

    /// Runs the test on the discordant counts.
    ///
    /// Source: McNemar, Q. (1947). Note on the sampling error of the difference between
    /// correlated proportions or percentages. *Psychometrika* 12(2), 153–157; continuity
    /// correction by Edwards (1948); exact form as the binomial test (e.g. Agresti,
    /// *Categorical Data Analysis* 3rd ed. §11.1).
    /// - Parameters:
    ///   - b: Pairs "yes" at T1 and "no" at T2.
    ///   - c: Pairs "no" at T1 and "yes" at T2.
    ///   - chiSquaredThreshold: Use χ² when b + c is at least this; 25 by default.
    /// - Throws: `StatisticsError.invalidCounts` for negative counts,
    ///   `StatisticsError.noDiscordantPairs` when b + c = 0.
    public init(b: Int, c: Int, chiSquaredThreshold: Int = defaultChiSquaredThreshold) throws(StatisticsError) {
        guard b >= 0, c >= 0 else { throw .invalidCounts(successes: min(b, c), trials: b + c) }
        guard b + c > 0 else { throw .noDiscordantPairs }
        self.b = b
        self.c = c
        let discordant = b + c
        if discordant < chiSquaredThreshold {
            method = .exactBinomial
            chiSquared = nil
            pValue = try Binomial.twoSidedPValue(successes: b, trials: discordant, probability: 0.5)
        } else {
            method = .chiSquaredContinuityCorrected
            let excess = Double(abs(b - c)) - 1
            let statistic = excess * excess / Double(discordant)
            chiSquared = statistic
            pValue = try ChiSquared(degreesOfFreedom: 1).survival(statistic)
        }
    }

    /// Runs the test on paired yes/no outcomes, e.g. "above the cut-off" at T1 and T2.
    ///
    /// Source: McNemar, Q. (1947), *Psychometrika* 12(2), 153–157.
    /// - Parameters:
    ///   - before: The outcome at T1, one per child.
    ///   - after: The outcome at T2, in the same order as `before`.
    ///   - chiSquaredThreshold: Use χ² when b + c is at least this; 25 by default.
    /// - Throws: `StatisticsError.unequalLengths`, `StatisticsError.noDiscordantPairs`.
    public init(
        before: [Bool], after: [Bool], chiSquaredThreshold: Int = defaultChiSquaredThreshold
    ) throws(StatisticsError) {
        guard before.count == after.count else {
            throw .unequalLengths(before: before.count, after: after.count)
        }
        let pairs = zip(before, after)
        let b = pairs.filter { $0 && !$1 }.count
        let c = pairs.filter { !$0 && $1 }.count
        try self.init(b: b, c: c, chiSquaredThreshold: chiSquaredThreshold)
    }
}
