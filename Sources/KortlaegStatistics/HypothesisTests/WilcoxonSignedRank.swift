/// The Wilcoxon signed-rank test of paired differences (after − before).
///
/// Zero differences are dropped before ranking (Wilcoxon's original "wilcox" method) and tied
/// absolute differences share their average rank. The p-value is exact — from the distribution
/// of W⁺ over all 2ⁿ sign patterns — when at most 50 differences remain and there are neither
/// ties nor zeros; otherwise it comes from the normal approximation with tie correction and
/// continuity correction. `method` names the variant used, for the output metadata.
///
/// The results match `scipy.stats.wilcoxon(after, before, zero_method='wilcox',
/// correction=True, method=…)` with `method='exact'` or `'asymptotic'` as named by `method`.
public struct WilcoxonSignedRank: Sendable, Equatable {
    /// How the p-value was obtained.
    public enum Method: Sendable, Equatable, CustomStringConvertible {
        /// The exact null distribution of W⁺ (no ties, no zeros, n ≤ 50).
        case exact
        /// The normal approximation to W⁺.
        /// - Parameters:
        ///   - tieCorrected: Whether the variance was reduced for tied ranks (true when ties exist).
        ///   - continuityCorrected: Whether |W⁺ − n(n+1)/4| was reduced by ½.
        case normalApproximation(tieCorrected: Bool, continuityCorrected: Bool)

        /// A label for output metadata, e.g. "normal approximation, tie-corrected,
        /// continuity-corrected".
        public var description: String {
            switch self {
            case .exact:
                return "exact"
            case let .normalApproximation(tieCorrected, continuityCorrected):
                var parts = ["normal approximation"]
                if tieCorrected { parts.append("tie-corrected") }
                if continuityCorrected { parts.append("continuity-corrected") }
                return parts.joined(separator: ", ")
            }
        }
    }

    /// Which p-value the caller allows.
    public enum MethodPreference: Sendable, Equatable {
        /// Exact when n ≤ 50 with no ties or zeros, otherwise the normal approximation.
        case automatic
        /// Always the normal approximation.
        case normalApproximation
    }

    /// The largest number of non-zero differences for which the exact distribution is used.
    public static let exactLimit = 50

    /// The number of non-zero differences that were ranked.
    public let n: Int
    /// The number of zero differences dropped before ranking.
    public let zerosDropped: Int
    /// The sum of the ranks of the positive differences (scores went up).
    public let rankSumPositive: Double
    /// The sum of the ranks of the negative differences (scores went down).
    public let rankSumNegative: Double
    /// The z statistic of the normal approximation, signed (positive when W⁺ is above its null
    /// mean), continuity-corrected when that was applied; `nil` for the exact method.
    /// SciPy reports −|z|.
    public let z: Double?
    /// The two-sided p-value.
    public let pValue: Double
    /// The variant used to obtain `pValue`.
    public let method: Method

    /// The statistic SciPy reports for the two-sided test: min(W⁺, W⁻).
    public var statistic: Double { min(rankSumPositive, rankSumNegative) }

    /// Runs the test on paired scores.
    ///
    /// Source: Wilcoxon, F. (1945). Individual comparisons by ranking methods. *Biometrics
    /// Bulletin* 1(6), 80–83; tie and continuity corrections as in Lehmann, *Nonparametrics*
    /// (1975) §3.2 and SciPy `wilcoxon`.
    /// - Parameters:
    ///   - before: The scores at T1, one per child.
    ///   - after: The scores at T2, in the same order as `before`.
    ///   - method: Whether the exact distribution may be used; `.automatic` by default.
    ///   - continuityCorrection: Whether the normal approximation is continuity-corrected;
    ///     true by default.
    /// - Throws: `StatisticsError.unequalLengths`, `.nonFiniteValue`, `.tooFewObservations`
    ///   (empty input), `.allDifferencesZero`.
    public init(
        before: [Double], after: [Double], method: MethodPreference = .automatic,
        continuityCorrection: Bool = true
    ) throws(StatisticsError) {
        try self.init(
            differences: Validation.differences(before: before, after: after), method: method,
            continuityCorrection: continuityCorrection)
    }

    /// Runs the test on precomputed differences (after − before).
    ///
    /// Source: Wilcoxon, F. (1945). Individual comparisons by ranking methods. *Biometrics
    /// Bulletin* 1(6), 80–83.
    /// - Parameters:
    ///   - differences: One difference per child; zeros are dropped.
    ///   - method: Whether the exact distribution may be used; `.automatic` by default.
    ///   - continuityCorrection: Whether the normal approximation is continuity-corrected;
    ///     true by default.
    /// - Throws: `StatisticsError.nonFiniteValue`, `.tooFewObservations` (empty input),
    ///   `.allDifferencesZero`.
    public init(
        differences: [Double], method: MethodPreference = .automatic,
        continuityCorrection: Bool = true
    ) throws(StatisticsError) {
        try Validation.requireFinite(differences)
        guard !differences.isEmpty else {
            throw .tooFewObservations(statistic: "Wilcoxon signed-rank test", required: 1, actual: 0)
        }
        let nonZero = differences.filter { $0 != 0 }
        zerosDropped = differences.count - nonZero.count
        guard !nonZero.isEmpty else { throw .allDifferencesZero(zeros: zerosDropped) }
        n = nonZero.count

        let ranking = Self.averageRanks(of: nonZero.map { abs($0) })
        var positive = 0.0
        var negative = 0.0
        for (difference, rank) in zip(nonZero, ranking.ranks) {
            if difference > 0 { positive += rank } else { negative += rank }
        }
        rankSumPositive = positive
        rankSumNegative = negative

        let hasTies = ranking.tieSizes.contains { $0 > 1 }
        if method == .automatic, !hasTies, zerosDropped == 0, n <= Self.exactLimit {
            self.method = .exact
            z = nil
            pValue = Self.exactTwoSidedPValue(rankSumPositive: Int(positive), n: n)
        } else {
            self.method = .normalApproximation(
                tieCorrected: hasTies, continuityCorrected: continuityCorrection)
            let count = Double(n)
            let nullMean = count * (count + 1) / 4
            let tieTerm = ranking.tieSizes.reduce(0.0) { sum, size in
                let t = Double(size)
                return sum + (t * t * t - t)
            }
            let standardDeviation = ((count * (count + 1) * (2 * count + 1) - tieTerm / 2) / 24).squareRoot()
            var statistic = (positive - nullMean) / standardDeviation
            if continuityCorrection, positive != nullMean {
                let sign: Double = positive > nullMean ? 1 : -1
                statistic -= sign * 0.5 / standardDeviation
            }
            z = statistic
            pValue = min(1, 2 * Normal.standard.survival(abs(statistic)))
        }
    }

    // MARK: - Implementation

    /// Average ranks (1-based) of `values` and the sizes of the groups of equal values.
    static func averageRanks(of values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] {
                end += 1
            }
            // Positions start...end (0-based) share ranks start+1 ... end+1.
            let averageRank = Double(start + end + 2) / 2
            for position in start...end {
                ranks[order[position]] = averageRank
            }
            tieSizes.append(end - start + 1)
            start = end + 1
        }
        return (ranks, tieSizes)
    }

    /// The number of sign patterns of ranks 1…n giving each value of W⁺, by dynamic
    /// programming over the ranks (each rank either joins W⁺ or not). Exact in `Double` for
    /// n ≤ 50, because every count is at most 2⁵⁰ < 2⁵³.
    static func exactCounts(n: Int) -> [Double] {
        precondition(n >= 1, "the exact distribution needs at least one rank")
        let maximum = n * (n + 1) / 2
        var counts = [Double](repeating: 0, count: maximum + 1)
        counts[0] = 1
        var reachable = 0
        for rank in 1...n {
            reachable += rank
            for sum in stride(from: reachable, through: rank, by: -1) {
                counts[sum] += counts[sum - rank]
            }
        }
        return counts
    }

    /// 2·min(P(W⁺ ≤ w), P(W⁺ ≥ w)), capped at 1, under the exact null distribution.
    ///
    /// Source: Wilcoxon (1945); the recursion of the null distribution as in Hollander, Wolfe
    /// & Chicken, *Nonparametric Statistical Methods* 3rd ed. §3.1.
    static func exactTwoSidedPValue(rankSumPositive w: Int, n: Int) -> Double {
        let counts = exactCounts(n: n)
        let total = counts.reduce(0, +)
        let atMost = counts[0...w].reduce(0, +)
        let atLeast = counts[w...].reduce(0, +)
        return min(1, 2 * min(atMost, atLeast) / total)
    }
}
