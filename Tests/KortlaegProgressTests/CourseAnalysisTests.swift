import Foundation
import Testing
@testable import KortlaegDomain
import KortlaegStatistics
@testable import KortlaegProgress

/// Progress over the course T1, F1, F2, T2 of six children a–f (total difficulties, lower is
/// better): T1 12 14 16 18 20 16, F1 11 14 15 18 19 16, F2 11 13 14 16 18 15, T2 10 12 14 16 18 16.
///
/// Means and 95 % intervals from python3 with SciPy 1.17.1:
/// `stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))` — T1 16.0 (13.031747770442823,
/// 18.968252229557176), F1 15.5 (12.476605244603953, 18.523394755396048), F2 14.5 (11.950929687616488,
/// 17.04907031238351), T2 14.333333333333334 (11.243878461278973, 17.422788205387693); changes from T1
/// F1 −0.5 (−1.0747995726208992, 0.07479957262089909), F2 −1.5 (−2.074799572620899, −0.9252004273791009),
/// T2 −1.6666666666666667 (−2.5235272785454383, −0.8098060547878951).
struct CourseAnalysisTests {
    static let ids = ["a", "b", "c", "d", "e", "f"]
    static let totals: [(String, [Double])] = [("T1", [12, 14, 16, 18, 20, 16]), ("F1", [11, 14, 15, 18, 19, 16]),
                                               ("F2", [11, 13, 14, 16, 18, 15]), ("T2", [10, 12, 14, 16, 18, 16])]

    static func course(extra: [CourseAnalysis.Occasion] = [], groupBy: String? = nil, reliability: Double? = 0.9) -> CourseAnalysis {
        var occasions = totals.map { code, values in
            CourseAnalysis.Occasion(code: code, observations: zip(ids, values).map { observation($0, $1, attributes: ["klasse": "5A"]) })
        }
        for (index, more) in extra.enumerated() where index < occasions.count { occasions[index].observations += more.observations }
        return CourseAnalysis(occasions: occasions, scores: [totalScore(reliability: reliability, sd: .fixed(1, source: "test"))],
                              addedValue: nil, groupBy: groupBy)
    }

    @Test func meanAndIntervalAtEveryOccasionMatchSciPy() throws {
        let analysis = Self.course()
        #expect(analysis.occasions == ["T1", "F1", "F2", "T2"])
        let means = try #require(analysis.groups.first { $0.name == "all" }?.means["ebdtot"])
        let expected: [(Double, Double, Double)] = [(16.0, 13.031747770442823, 18.968252229557176),
                                                    (15.5, 12.476605244603953, 18.523394755396048),
                                                    (14.5, 11.950929687616488, 17.04907031238351),
                                                    (14.333333333333334, 11.243878461278973, 17.422788205387693)]
        for (cell, (mean, lower, upper)) in zip(means, expected) {
            #expect(cell.n == 6 && !cell.suppressed)
            #expect(abs((cell.mean ?? .nan) - mean) < 1e-12)
            let ci = try #require(cell.interval?.value)
            #expect(abs(ci.lower - lower) < 1e-9 && abs(ci.upper - upper) < 1e-9, "\(cell.occasion)")
        }
        let changes: [(Double, Double, Double)] = [(-0.5, -1.0747995726208992, 0.07479957262089909),
                                                   (-1.5, -2.074799572620899, -0.9252004273791009),
                                                   (-1.6666666666666667, -2.5235272785454383, -0.8098060547878951)]
        for (followUp, (mean, lower, upper)) in zip(analysis.followUps, changes) {
            let summary = try #require(followUp.groups.first?.summaries.first)
            #expect(abs((summary.meanChangeValue ?? .nan) - mean) < 1e-12)
            let ci = try #require(summary.meanChange?.value)
            #expect(abs(ci.lower - lower) < 1e-9 && abs(ci.upper - upper) < 1e-9)
        }
    }

    /// RCI from T1 with SD 1, r 0.9: S_diff = √(2·0.1) = 0.4472135954999579; −1 → −2.23606797749979,
    /// −2 → −4.47213595499958 (python3: -2/math.sqrt(0.2)). Child d: 18 (abnormal) → 16 (borderline)
    /// at F2 is a reliable improvement from above the cut-off to below it: recovered.
    @Test func eachChildsTrajectoryHasTheReliableChangeFromTheFirstOccasion() throws {
        let analysis = Self.course()
        let d = analysis.trajectories.filter { $0.childID == "d" }
        #expect(d.map(\.occasion) == ["T1", "F1", "F2", "T2"])
        #expect(d.map(\.value) == [18, 18, 16, 16])
        #expect(d[0].change == nil)
        #expect(d[1].change?.change == 0 && d[1].change?.changeClass == .unchanged)
        #expect(abs((d[2].change?.rci ?? 0) - (-4.47213595499958)) < 1e-12)
        #expect(d[2].change?.changeClass == .recovered)
        let a = try #require(analysis.trajectories.first { $0.childID == "a" && $0.occasion == "F1" })
        #expect(abs((a.change?.rci ?? 0) - (-2.23606797749979)) < 1e-12 && a.change?.changeClass == .improved)
        // The same child change as a two-occasion run from T1 to F2.
        let pairwise = ProgressAnalysis(before: analysis.followUps[0].pairing.pairs.map(\.before),
                                        after: zip(Self.ids, Self.totals[2].1).map { observation($0, $1) },
                                        scores: analysis.scores, addedValue: nil, groupBy: nil)
        #expect(pairwise.changes["ebdtot"]?.first { $0.childID == "d" }?.rci == d[2].change?.rci)
    }

    /// A group of four (under the threshold of 5) shows n only at every occasion, for every score;
    /// an id seen twice at F1 is left out there and listed.
    @Test func smallGroupsAreSuppressedAtEveryOccasionAndDuplicatesListed() throws {
        let small = (1...4).map { observation("s\($0)", 10, attributes: ["klasse": "5B"]) }
        let analysis = Self.course(extra: [CourseAnalysis.Occasion(code: "T1", observations: small),
                                           CourseAnalysis.Occasion(code: "F1", observations: small + [observation("a", 3, attributes: ["klasse": "5A"])])],
                                   groupBy: "klasse")
        let group = try #require(analysis.groups.first { $0.name == "5B" })
        #expect(group.children == [4, 4, 0, 0])
        #expect(group.means["ebdtot"]?.allSatisfy { $0.suppressed && $0.mean == nil } == true)
        #expect(group.means["ebdtot"]?.first?.gaps.first?.gap == .suppressed(threshold: 5))
        #expect(analysis.duplicates == [[], ["a"], [], []])
        let fiveA = try #require(analysis.groups.first { $0.name == "5A" })
        #expect(fiveA.children == [6, 5, 6, 6])
        #expect(fiveA.means["ebdtot"]?[1].n == 5)
    }
}

/// Statistics that explain themselves: Hedges' g at n = 2, suppression per group, the AVS effect size.
struct GroupReasonTests {
    /// Two children: J = 1 − 3/(4·1 − 1) = 0 (Hedges 1981), so g would be 0 for any data.
    @Test func hedgesGIsUndefinedForTwoChildren() throws {
        let analysis = ProgressAnalysis(before: [observation("a", 10), observation("b", 12)],
                                        after: [observation("a", 8), observation("b", 11)],
                                        scores: [totalScore()], addedValue: nil, groupBy: nil, suppressionThreshold: 1)
        let summary = try #require(analysis.groups.first?.summaries.first)
        #expect(summary.dz?.value != nil)
        #expect(summary.gz?.gap == .hedgesUndefined && summary.gav?.gap == .hedgesUndefined)
        #expect(summary.gaps.map(\.statistic).contains("g_z"))
        #expect(StatisticGap.hedgesUndefined.code == "hedges_j_undefined_n2")
    }

    /// Suppression per group: six paired children, of whom only three have the second score — the
    /// second score is shown (n = 3), not hidden, because the group is over the threshold.
    @Test func suppressionIsPerGroupNotPerScore() throws {
        var other = totalScore()
        other.definition.id = "emotion"
        other.definition.variable = "pemotion"
        var before: [ChildObservation] = [], after: [ChildObservation] = []
        for index in 0..<6 {
            let value = Double(index)
            let first: [String: Double] = index < 3 ? ["emotion": value] : [:]
            let second: [String: Double] = index < 3 ? ["emotion": value + 1] : [:]
            before.append(observation("c\(index)", 10 + value, extra: first))
            after.append(observation("c\(index)", 9 + value, extra: second))
        }
        let analysis = ProgressAnalysis(before: before, after: after, scores: [totalScore(), other], addedValue: nil, groupBy: nil)
        let summaries = try #require(analysis.groups.first?.summaries)
        #expect(summaries.map(\.n) == [6, 3] && summaries.allSatisfy { !$0.suppressed })
        // Four children in all: every score suppressed, with the reason.
        let small = ProgressAnalysis(before: Array(before.prefix(4)), after: Array(after.prefix(4)), scores: [totalScore(), other],
                                     addedValue: nil, groupBy: nil)
        #expect(small.groups.first?.summaries.allSatisfy { $0.suppressed && $0.gaps.first?.gap == .suppressed(threshold: 5) } == true)
    }

    /// AVS effect size = mean AVS / 5 (Ford et al. 2009; youthinmind's added-value page). AVS =
    /// 2.3 + 0.8·T1 total − T2 total here (one term): T1 20, T2 14 → 2.3 + 16 − 14 = 4.3;
    /// T1 10, T2 10 → 2.3 + 8 − 10 = 0.3; mean 2.3, effect size 0.46, SD √8 = 2.8284271247461903.
    @Test func addedValueEffectSizeIsTheMeanOverTheDivisor() throws {
        let definition = AddedValueScore(intercept: 2.3, terms: [.init(score: "ebdtot", coefficient: 0.8)], outcome: "ebdtot",
                                         effectSizeDivisor: 5, source: "test", verified: false, note: nil)
        let analysis = ProgressAnalysis(before: [observation("a", 20), observation("b", 10)],
                                        after: [observation("a", 14), observation("b", 10)],
                                        scores: [totalScore()], addedValue: definition, groupBy: nil, suppressionThreshold: 2)
        let avs = try #require(analysis.groups.first?.addedValue)
        #expect(abs((avs.mean ?? 0) - 2.3) < 1e-12)
        #expect(abs((avs.effectSize ?? 0) - 0.46) < 1e-12)
        #expect(abs((avs.standardDeviation ?? 0) - 2.8284271247461903) < 1e-12)
        #expect(avs.effectSizeDivisor == 5)
    }
}
