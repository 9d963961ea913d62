import Foundation
import KortlaegDomain
import KortlaegStatistics

/// Jacobson & Truax (1991) classes of change for one child and score.
public enum ChangeClass: String, Sendable, Equatable, CaseIterable {
    /// Reliable improvement from at or above the cut-off at T1 to below it (Jacobson & Truax 1991).
    case recovered
    /// Reliable improvement.
    case improved
    /// No reliable change.
    case unchanged
    /// Reliable worsening.
    case deteriorated
}

/// One child's change on one score between two occasions.
public struct ChildChange: Sendable {
    public var childID: String
    public var scoreID: String
    public var before: Double
    public var after: Double
    /// `after − before`.
    public var change: Double { after - before }
    /// In the better direction for this score (lower difficulties, higher prosocial/trivsel).
    public var improved: Bool
    /// The reliable change index, when a reliability and an SD are known.
    public var rci: Double?
    /// The SD and reliability used for the RCI.
    public var rciStandardDeviation: Double?
    public var rciReliability: Double?
    /// Why the RCI is missing, if it is.
    public var rciGap: RCIGap?
    /// ``rciGap`` in English.
    public var rciUnavailable: String? { rciGap?.description }
    /// |RCI| > 1.96.
    public var reliable: Bool? { rci.map { abs($0) > ReliableChange.defaultCriterion } }
    /// Jacobson–Truax class (needs the RCI).
    public var changeClass: ChangeClass?
    /// Band labels and levels at both occasions.
    public var bandBefore: (label: String, level: Int)?
    public var bandAfter: (label: String, level: Int)?

    /// "abnormal → normal".
    public var transition: String? {
        guard let a = bandBefore, let b = bandAfter else { return nil }
        return "\(a.label) → \(b.label)"
    }

    /// Computes the change; `baselineSD` is the sample SD of T1 scores when the SD source is `.baseline`.
    /// Source: Jacobson & Truax 1991 (RCI = (T2 − T1)/S_diff, S_diff = SD·√(2(1 − r)), reliable if |RCI| > 1.96;
    /// recovered = reliable improvement into the normal range).
    public init(pair: Pairing.Pair, score: ProgressScore, baselineSD: Double?) {
        self.init(childID: pair.id, before: pair.before.values[score.definition.id], after: pair.after.values[score.definition.id],
                  sex: pair.attributes["sex"], score: score, baselineSD: baselineSD)
    }

    /// Computes the change from a pair's parts (the analysis reaches them in place, without
    /// copying the pair); `sex` is the pair's `sex` attribute.
    init(childID: String, before: Double?, after: Double?, sex: String?, score: ProgressScore, baselineSD: Double?) {
        self.childID = childID
        scoreID = score.definition.id
        self.before = before ?? .nan
        self.after = after ?? .nan
        let before = self.before, after = self.after
        improved = score.isImprovement(after - before)
        if let b = score.band(of: before) { bandBefore = (b.label, b.band.level) }
        if let b = score.band(of: after) { bandAfter = (b.label, b.band.level) }
        guard let r = score.reliability else {
            rciGap = .noReliability(variable: score.definition.variable, source: score.reliabilitySource,
                                    fromSample: score.reliabilityFromSample)
            return
        }
        var sd: Double?
        switch score.standardDeviation {
        case let .fixed(value, _): sd = value
        case let .bySex(values, _):
            let sex = sex.flatMap(Self.normaliseSex)
            sd = sex.flatMap { values[$0] }
            if sd == nil { rciGap = .sexUnknown }
        case .baseline: sd = baselineSD
            if sd == nil { rciGap = .noBaselineSD }
        case let .unavailable(reason): rciGap = .noStandardDeviation(variable: score.definition.variable, reason: reason)
        }
        guard let sd else { return }
        do {
            let change = try ReliableChange(before: before, after: after, standardDeviation: sd, reliability: r)
            rci = change.index
            rciStandardDeviation = sd
            rciReliability = r
            if !change.isReliable {
                changeClass = .unchanged
            } else if score.isImprovement(change.change) {
                // Jacobson & Truax: recovered = reliable improvement from the dysfunctional range
                // (at or above the cut-off at T1) to below the cut-off. Band levels already follow the
                // score's direction (prosocial: low scores have the high levels), so "above" is level ≥ cut-off.
                let startedAbove = (bandBefore?.level).map { $0 >= score.cutoffLevel } ?? false
                let endedBelow = (bandAfter?.level).map { $0 < score.cutoffLevel } ?? false
                changeClass = startedAbove && endedBelow ? .recovered : .improved
            } else {
                changeClass = score.definition.direction == .neutral ? .unchanged : .deteriorated
            }
        } catch {
            rciGap = .statistics(StatisticGap(error))
        }
    }

    /// `male`/`female` from common spellings (m, f, dreng, pige, 1 = boy, 2 = girl as in Danish registers).
    public static func normaliseSex(_ text: String) -> String? {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "male", "m", "boy", "dreng", "d", "1": "male"
        case "female", "f", "girl", "pige", "p", "k", "2": "female"
        default: nil
        }
    }
}
