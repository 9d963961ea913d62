import KortlaegDomain
import KortlaegStatistics

/// The change statistics of one score in one group (class, school, intervention, …).
///
/// Groups with fewer paired children than the suppression threshold report `n` only
/// (the convention of Danish official school statistics).
public struct GroupSummary: Sendable {
    /// A statistic, or why it is missing.
    public enum Value<T: Sendable>: Sendable {
        case value(T)
        case unavailable(StatisticGap)

        public var value: T? {
            if case let .value(v) = self { return v }
            return nil
        }

        /// Why the statistic is missing, or nil when it is computed.
        public var gap: StatisticGap? {
            if case let .unavailable(gap) = self { return gap }
            return nil
        }
    }

    public var group: String
    public var scoreID: String
    /// Children paired with both scores present.
    public var n: Int
    /// Children in the group without a pair for this score (only one occasion, or a missing score).
    public var unpaired: Int
    /// True when the group (its paired children, over every score) is below the suppression
    /// threshold: every statistic below is absent, for every score of the group.
    public var suppressed: Bool
    /// The suppression threshold the group was measured against.
    public var suppressionThreshold: Int

    public var meanBefore: Double?
    public var meanAfter: Double?
    public var sdBefore: Double?
    public var sdAfter: Double?
    public var meanChange: Value<ConfidenceInterval>?
    public var meanChangeValue: Double?
    /// The SD of the changes (n − 1).
    public var sdChange: Double?
    public var tTest: Value<PairedTTest>?
    public var wilcoxon: Value<WilcoxonSignedRank>?
    public var dz: Value<EffectSize>?
    public var dav: Value<EffectSize>?
    public var gz: Value<EffectSize>?
    public var gav: Value<EffectSize>?
    /// Share at or above the cut-off band level at T1 and T2, and McNemar for the change.
    public var shareAboveCutoffBefore: Double?
    public var shareAboveCutoffAfter: Double?
    public var mcNemar: Value<McNemar>?
    /// Shares with reliable improvement / deterioration among children with an RCI, and that n.
    public var shareReliablyImproved: Double?
    public var shareReliablyDeteriorated: Double?
    public var rciN: Int

    /// Why each statistic that is not computed is missing: column name → reason, in the order of
    /// the columns; a suppressed group has the one reason `suppressed`.
    public var gaps: [(statistic: String, gap: StatisticGap)] {
        if suppressed { return [("all", .suppressed(threshold: suppressionThreshold))] }
        var gaps: [(String, StatisticGap)] = []
        func add<T>(_ name: String, _ value: Value<T>?) {
            if case let .unavailable(gap)? = value { gaps.append((name, gap)) }
        }
        if n < 2 { gaps.append(("sd_change", .tooFew(required: 2, actual: n))) }
        add("mean_change", meanChange); add("t", tTest); add("wilcoxon", wilcoxon)
        add("d_z", dz); add("d_av", dav); add("g_z", gz); add("g_av", gav); add("mcnemar", mcNemar)
        return gaps
    }

    /// ``gaps`` in English (for CSV/JSON in English and the command line's messages).
    public var unavailableReasons: [(statistic: String, reason: String)] {
        gaps.map { ($0.statistic, $0.gap.description) }
    }

    /// Summarises `changes` (this group's children for one score).
    /// - Parameter groupSize: the group's paired children over all scores (suppression is per
    ///   group, so that one score of a group is never shown while another is hidden); nil: `changes.count`.
    public init(group: String, score: ProgressScore, changes: [ChildChange], unpaired: Int,
                suppressionThreshold: Int, groupSize: Int? = nil, confidenceLevel: Double = 0.95) {
        self.init(group: group, score: score, positions: changes.indices, of: changes, unpaired: unpaired,
                  suppressionThreshold: suppressionThreshold, groupSize: groupSize, confidenceLevel: confidenceLevel)
    }

    /// Summarises the changes at `positions` of `all` (a group's part of one score's changes),
    /// read in place: no change is copied.
    init(group: String, score: ProgressScore, positions: some Collection<Int>, of all: [ChildChange], unpaired: Int,
         suppressionThreshold: Int, groupSize: Int? = nil, confidenceLevel: Double = 0.95) {
        self.group = group
        scoreID = score.definition.id
        let count = positions.count
        n = count
        self.unpaired = unpaired
        self.suppressionThreshold = suppressionThreshold
        suppressed = (groupSize ?? count) < suppressionThreshold
        rciN = 0
        guard !suppressed else { return }
        // One pass over the group's changes: the values, the banded children's side of the
        // cut-off (in order, for McNemar) and the reliable-change classes.
        var before: [Double] = [], after: [Double] = [], above1: [Bool] = [], above2: [Bool] = []
        before.reserveCapacity(count)
        after.reserveCapacity(count)
        var withRCI = 0, improved = 0, deteriorated = 0
        for position in positions {
            before.append(all[position].before)
            after.append(all[position].after)
            if let first = all[position].bandBefore?.level, let second = all[position].bandAfter?.level {
                above1.append(first >= score.cutoffLevel)
                above2.append(second >= score.cutoffLevel)
            }
            if let changeClass = all[position].changeClass {
                withRCI += 1
                if changeClass == .improved || changeClass == .recovered { improved += 1 }
                if changeClass == .deteriorated { deteriorated += 1 }
            }
        }
        func wrap<T>(_ body: () throws(StatisticsError) -> T) -> Value<T> {
            do { return .value(try body()) } catch { return .unavailable(StatisticGap(error)) }
        }
        let first = try? Descriptives(before), second = try? Descriptives(after)
        meanBefore = first?.mean
        meanAfter = second?.mean
        sdBefore = first?.standardDeviation
        sdAfter = second?.standardDeviation
        let differences = zip(before, after).map { $1 - $0 }
        let diffs = try? Descriptives(differences)
        meanChangeValue = diffs?.mean
        sdChange = count >= 2 ? diffs?.standardDeviation : nil
        meanChange = wrap { () throws(StatisticsError) in
            guard let diffs else { throw .tooFewObservations(statistic: "mean change", required: 1, actual: 0) }
            return try diffs.meanConfidenceInterval(level: confidenceLevel)
        }
        tTest = wrap { () throws(StatisticsError) in try PairedTTest(before: before, after: after, confidenceLevel: confidenceLevel) }
        wilcoxon = wrap { () throws(StatisticsError) in
            // One child gives no test (a p of 1 would look like an answer).
            guard count >= 2 else { throw .tooFewObservations(statistic: "Wilcoxon signed-rank test", required: 2, actual: count) }
            return try WilcoxonSignedRank(before: before, after: after)
        }
        dz = wrap { () throws(StatisticsError) in try EffectSize.dz(before: before, after: after) }
        dav = wrap { () throws(StatisticsError) in try EffectSize.dav(before: before, after: after) }
        // Hedges' J is 0 at n = 2 (Hedges 1981; Lakens 2013 eq. 4), which would print g = 0 for any
        // two children: say why instead.
        gz = count == 2 ? .unavailable(.hedgesUndefined) : wrap { () throws(StatisticsError) in try EffectSize.gz(before: before, after: after) }
        gav = count == 2 ? .unavailable(.hedgesUndefined) : wrap { () throws(StatisticsError) in try EffectSize.gav(before: before, after: after) }
        let banded = above1.count
        if banded > 0 {
            shareAboveCutoffBefore = Double(above1.filter { $0 }.count) / Double(banded)
            shareAboveCutoffAfter = Double(above2.filter { $0 }.count) / Double(banded)
            mcNemar = wrap { () throws(StatisticsError) in
                // One child gives no test.
                guard banded >= 2 else { throw .tooFewObservations(statistic: "McNemar test", required: 2, actual: banded) }
                return try McNemar(before: above1, after: above2)
            }
        } else if score.bands != nil {
            mcNemar = .unavailable(.tooFew(required: 2, actual: 0))
        }
        rciN = withRCI
        if withRCI > 0 {
            shareReliablyImproved = Double(improved) / Double(withRCI)
            shareReliablyDeteriorated = Double(deteriorated) / Double(withRCI)
        }
    }
}

/// The mean Added Value Score of a group, with its CI and effect size.
///
/// Source: Ford T, Hutchings J, Bywater T, Goodman A, Goodman R (2009), "Strengths and
/// Difficulties Questionnaire Added Value Scores: evaluating effectiveness in child mental health
/// interventions", Br J Psychiatry 194:552–558; the same formula and "effect size = AVS / 5" in
/// youthinmind's added-value page (a secondary source; shared/specs/norms.md). The divisor is the
/// instrument data's `effectSizeDivisor`; the formula stays `verified: false` until the primary
/// source (and its erratum, Br J Psychiatry 2009;195:182) is checked.
public struct GroupAddedValue: Sendable {
    public var group: String
    public var n: Int
    public var suppressed: Bool
    public var suppressionThreshold: Int
    public var mean: Double?
    /// The SD of the children's AVS (n − 1), for a reader who wants mean / SD.
    public var standardDeviation: Double?
    public var confidenceInterval: GroupSummary.Value<ConfidenceInterval>?
    /// The effect size of the mean AVS: mean / `effectSizeDivisor` (5 for the SDQ: Ford et al. 2009).
    public var effectSize: Double?
    /// The divisor used for ``effectSize``.
    public var effectSizeDivisor: Double?

    /// - Parameters:
    ///   - groupSize: the group's paired children (suppression is per group); nil: `values.count`.
    ///   - effectSizeDivisor: the definition's divisor (nil: no effect size).
    public init(group: String, values: [AddedValue], suppressionThreshold: Int, groupSize: Int? = nil,
                effectSizeDivisor: Double? = nil, confidenceLevel: Double = 0.95) {
        self.group = group
        n = values.count
        self.suppressionThreshold = suppressionThreshold
        suppressed = (groupSize ?? values.count) < suppressionThreshold
        self.effectSizeDivisor = effectSizeDivisor
        guard !suppressed else { return }
        guard let descriptives = try? Descriptives(values.map(\.value)) else {
            confidenceInterval = .unavailable(.tooFew(required: 2, actual: 0))
            return
        }
        mean = descriptives.mean
        standardDeviation = descriptives.standardDeviation
        if let effectSizeDivisor, effectSizeDivisor > 0 { effectSize = descriptives.mean / effectSizeDivisor }
        do {
            confidenceInterval = .value(try descriptives.meanConfidenceInterval(level: confidenceLevel))
        } catch {
            confidenceInterval = .unavailable(StatisticGap(error))
        }
    }

    /// Why the CI (or everything) is missing.
    public var gaps: [(statistic: String, gap: StatisticGap)] {
        if suppressed { return [("all", .suppressed(threshold: suppressionThreshold))] }
        if case let .unavailable(gap)? = confidenceInterval { return [("ci", gap)] }
        return []
    }
}
