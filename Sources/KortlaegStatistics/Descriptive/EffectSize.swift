/// A standardized mean change for paired scores, labelled with the formula that produced it.
///
/// Differences are `after − before`. Standard deviations are sample SDs (n − 1 denominator).
/// Which d to report is a substantive choice, so every value carries its `kind`.
public struct EffectSize: Sendable, Equatable {
    /// Which effect size a value is.
    public enum Kind: Sendable, Equatable, CaseIterable, CustomStringConvertible {
        /// Cohen's d_z = mean(diff) / sd(diff).
        case dz
        /// Cohen's d_av = mean(diff) / ((sd1 + sd2) / 2).
        case dav
        /// Hedges' g_z = J · d_z.
        case gz
        /// Hedges' g_av = J · d_av.
        case gav

        /// A label for output metadata, naming the formula.
        public var description: String {
            switch self {
            case .dz: return "Cohen's d_z (mean change / SD of changes)"
            case .dav: return "Cohen's d_av (mean change / average of SD at T1 and SD at T2)"
            case .gz: return "Hedges' g_z (d_z with small-sample correction J)"
            case .gav: return "Hedges' g_av (d_av with small-sample correction J)"
            }
        }
    }

    /// Which formula produced `value`.
    public let kind: Kind
    /// The effect size; positive when scores went up.
    public let value: Double
    /// The number of pairs it was computed from.
    public let n: Int

    /// Creates a labelled effect size.
    /// - Parameters:
    ///   - kind: The formula.
    ///   - value: The value.
    ///   - n: The number of pairs.
    public init(kind: Kind, value: Double, n: Int) {
        self.kind = kind
        self.value = value
        self.n = n
    }

    // MARK: - API

    /// Cohen's d_z = mean(diff) / sd(diff).
    ///
    /// Source: Cohen, J. (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd
    /// ed., eq. 2.3.5; Lakens, D. (2013). *Frontiers in Psychology* 4:863, eq. 6.
    /// - Parameters:
    ///   - before: The scores at T1.
    ///   - after: The scores at T2, in the same order.
    /// - Returns: d_z.
    /// - Throws: `StatisticsError.unequalLengths`, `.nonFiniteValue`, `.tooFewObservations`
    ///   (n < 2), `.noVariation` (all differences equal).
    public static func dz(before: [Double], after: [Double]) throws(StatisticsError) -> EffectSize {
        let differences = try Validation.differences(before: before, after: after)
        try requireCount(differences.count, for: .dz)
        let moments = SampleMoments(differences)
        guard !moments.isConstant else { throw .noVariation(statistic: "effect size d_z") }
        return EffectSize(kind: .dz, value: moments.mean / moments.standardDeviation, n: moments.count)
    }

    /// Cohen's d_av = mean(diff) / ((sd1 + sd2) / 2).
    ///
    /// Source: Cumming, G. (2012). *Understanding the New Statistics*, p. 291; Lakens, D.
    /// (2013). *Frontiers in Psychology* 4:863, eq. 10.
    /// - Parameters:
    ///   - before: The scores at T1.
    ///   - after: The scores at T2, in the same order.
    /// - Returns: d_av.
    /// - Throws: `StatisticsError.unequalLengths`, `.nonFiniteValue`, `.tooFewObservations`
    ///   (n < 2), `.noVariation` (all scores equal at both T1 and T2).
    public static func dav(before: [Double], after: [Double]) throws(StatisticsError) -> EffectSize {
        let differences = try Validation.differences(before: before, after: after)
        try requireCount(differences.count, for: .dav)
        let first = SampleMoments(before)
        let second = SampleMoments(after)
        let averageSD = (first.standardDeviation + second.standardDeviation) / 2
        guard averageSD > 0 else { throw .noVariation(statistic: "effect size d_av") }
        let meanDifference = SampleMoments(differences).mean
        return EffectSize(kind: .dav, value: meanDifference / averageSD, n: differences.count)
    }

    /// Hedges' g_z = J · d_z.
    ///
    /// Source: Hedges, L. V. (1981). *Journal of Educational Statistics* 6(2), 107–128;
    /// Lakens (2013) eq. 4 with J = 1 − 3/(4(n − 1) − 1).
    /// - Parameters:
    ///   - before: The scores at T1.
    ///   - after: The scores at T2, in the same order.
    /// - Returns: g_z.
    /// - Throws: As `dz(before:after:)`.
    public static func gz(before: [Double], after: [Double]) throws(StatisticsError) -> EffectSize {
        let d = try dz(before: before, after: after)
        return EffectSize(kind: .gz, value: try hedgesCorrection(n: d.n) * d.value, n: d.n)
    }

    /// Hedges' g_av = J · d_av.
    ///
    /// Source: Hedges, L. V. (1981). *Journal of Educational Statistics* 6(2), 107–128;
    /// Lakens (2013) eq. 4 with J = 1 − 3/(4(n − 1) − 1).
    /// - Parameters:
    ///   - before: The scores at T1.
    ///   - after: The scores at T2, in the same order.
    /// - Returns: g_av.
    /// - Throws: As `dav(before:after:)`.
    public static func gav(before: [Double], after: [Double]) throws(StatisticsError) -> EffectSize {
        let d = try dav(before: before, after: after)
        return EffectSize(kind: .gav, value: try hedgesCorrection(n: d.n) * d.value, n: d.n)
    }

    /// Hedges' small-sample correction J = 1 − 3/(4(n − 1) − 1) for n pairs. J is 0 at n = 2
    /// (as is the exact Γ-function form), so g is 0 for two pairs.
    ///
    /// Source: Hedges, L. V. (1981). Distribution theory for Glass's estimator of effect size
    /// and related estimators. *Journal of Educational Statistics* 6(2), 107–128.
    /// - Parameter n: The number of pairs (≥ 2).
    /// - Returns: J.
    /// - Throws: `StatisticsError.tooFewObservations` when n < 2.
    public static func hedgesCorrection(n: Int) throws(StatisticsError) -> Double {
        guard n >= 2 else {
            throw .tooFewObservations(statistic: "Hedges' correction", required: 2, actual: n)
        }
        return 1 - 3 / (4 * Double(n - 1) - 1)
    }

    // MARK: - Implementation

    private static func requireCount(_ n: Int, for kind: Kind) throws(StatisticsError) {
        guard n >= 2 else {
            throw .tooFewObservations(statistic: "effect size \(kind == .dz ? "d_z" : "d_av")", required: 2, actual: n)
        }
    }
}
