import Foundation
import Testing
@testable import KortlaegDomain
import KortlaegStatistics
@testable import KortlaegProgress

/// A total-difficulties-like score (0–40, lower is better) with the parent 3-band cut-offs
/// 0–13 normal / 14–16 borderline / 17–40 abnormal (shared/specs/sdq.md).
func totalScore(reliability: Double? = 0.8, sd: ProgressScore.StandardDeviationSource = .fixed(6.0, source: "test")) -> ProgressScore {
    let definition = ScoreDefinition(id: "ebdtot", variable: "pebdtot", label: LocalizedText(["en": "Total"]),
                                     range: ScoreRange(minimum: 0, maximum: 40, integer: true), direction: .lowerIsBetter,
                                     equivalenceKey: nil, verified: true)
    let bands: [(band: BandTable.Band, label: String)] = [
        (BandTable.Band(minimum: 0, maximum: 13, minimumExclusive: nil, label: "normal", level: 0), "normal"),
        (BandTable.Band(minimum: 14, maximum: 16, minimumExclusive: nil, label: "borderline", level: 1), "borderline"),
        (BandTable.Band(minimum: 17, maximum: 40, minimumExclusive: nil, label: "abnormal", level: 2), "abnormal"),
    ]
    return ProgressScore(definition: definition, bands: bands, bandTable: "uk-3band", reliability: reliability,
                         reliabilitySource: "test", standardDeviation: sd)
}

func observation(_ id: String, _ total: Double?, attributes: [String: String] = [:], extra: [String: Double] = [:]) -> ChildObservation {
    var values = extra
    if let total { values["ebdtot"] = total }
    return ChildObservation(id: id, attributes: attributes, values: values)
}

struct PairingTests {
    @Test func unpairedAndDuplicatesAreListed() {
        let pairing = Pairing(before: [observation("a", 1), observation("b", 2), observation("d", 3), observation("d", 4)],
                              after: [observation("a", 1), observation("c", 2), observation("d", 5)])
        #expect(pairing.pairs.map(\.id) == ["a"])
        #expect(pairing.onlyBefore == ["b"])
        #expect(pairing.onlyAfter == ["c"])
        #expect(pairing.duplicates == ["d"])
    }
}

struct ChildChangeTests {
    /// RCI = (T2 − T1) / (SD·√(2(1 − r))) with SD 6, r 0.8: S_diff = 6·√0.4 = 3.7947331922…
    /// (Jacobson & Truax 1991). 20 → 12: RCI = −8/3.79473 = −2.1081851067789197 (python: -8/(6*math.sqrt(0.4))).
    @Test func reliableImprovementIntoTheNormalRangeIsRecovered() throws {
        let pair = try #require(Pairing(before: [observation("x", 20)], after: [observation("x", 12)]).pairs.first)
        let change = ChildChange(pair: pair, score: totalScore(), baselineSD: nil)
        #expect(abs(try #require(change.rci) - (-2.1081851067789197)) < 1e-12)
        #expect(change.reliable == true)
        #expect(change.improved)
        #expect(change.changeClass == .recovered)
        #expect(change.transition == "abnormal → normal")
    }

    @Test(arguments: [
        // (T1, T2, class), cut-off at level 2 (abnormal, 17+). Jacobson & Truax 1991: recovered only from
        // at/above the cut-off at T1 to below it with reliable improvement.
        // 20 → 15: RCI −1.3176 not reliable; 14 → 6: −2.108 reliable but started borderline (below the
        // cut-off): improved; 22 → 14: −2.108, abnormal → borderline (below the cut-off): recovered;
        // 10 → 2: already normal: improved; 30 → 22: reliable but still abnormal: improved; 10 → 18: deteriorated.
        (20.0, 15.0, ChangeClass.unchanged), (14, 6, .improved), (22, 14, .recovered), (10, 2, .improved),
        (30, 22, .improved), (10, 18, .deteriorated),
    ])
    func jacobsonTruaxClasses(before: Double, after: Double, expected: ChangeClass) throws {
        let pair = try #require(Pairing(before: [observation("x", before)], after: [observation("x", after)]).pairs.first)
        #expect(ChildChange(pair: pair, score: totalScore(), baselineSD: nil).changeClass == expected)
    }

    @Test func noReliabilityMeansNoRCIAndSaysWhy() throws {
        let pair = try #require(Pairing(before: [observation("x", 20)], after: [observation("x", 12)]).pairs.first)
        let change = ChildChange(pair: pair, score: totalScore(reliability: nil), baselineSD: nil)
        #expect(change.rci == nil)
        #expect(change.changeClass == nil)
        #expect(change.rciUnavailable == "no reliability is known for pebdtot: test")
        #expect(change.transition == "abnormal → normal")
    }

    /// Norm SDs by sex (UK 1999 parent total: boys 6.0, girls 5.5): a girl 20 → 12 uses 5.5:
    /// RCI = −8/(5.5·√0.4) = −2.2998383 (python: -8/(5.5*math.sqrt(0.4)) = -2.2998382983042757).
    @Test func sdBySex() throws {
        let score = totalScore(sd: .bySex(["male": 6.0, "female": 5.5], source: "test"))
        let girl = try #require(Pairing(before: [observation("x", 20, attributes: ["sex": "pige"])],
                                        after: [observation("x", 12)]).pairs.first)
        #expect(abs(try #require(ChildChange(pair: girl, score: score, baselineSD: nil).rci) - (-2.2998382983042757)) < 1e-12)
        let unknown = try #require(Pairing(before: [observation("y", 20)], after: [observation("y", 12)]).pairs.first)
        #expect(ChildChange(pair: unknown, score: score, baselineSD: nil).rciUnavailable
            == "the child's sex is not known, and the norm SDs are given by sex")
    }
}

struct AddedValueTests {
    /// Ford et al. 2009: AVS = 2.3 + 0.8·T1 total + 0.2·T1 impact − 0.3·T1 emotional − T2 total.
    /// T1 total 20, impact 3, emotional 5; T2 total 12: 2.3 + 16 + 0.6 − 1.5 − 12 = 5.4; effect size 5.4/5 = 1.08.
    @Test func fordFormulaFromTheInstrumentData() throws {
        let path = instrumentsDirectory + "/sdq/sdq-p4-17@1.0.0.json"
        let instrument = try Instrument.decode(DefinitionFile(path: path, data: Data(contentsOf: URL(fileURLWithPath: path))))
        let definition = try #require(instrument.addedValueScore)
        let pair = try #require(Pairing(before: [observation("x", 20, extra: ["impact": 3, "emotion": 5])],
                                        after: [observation("x", 12)]).pairs.first)
        let avs = try #require(AddedValue(pair: pair, definition: definition))
        #expect(abs(avs.value - 5.4) < 1e-12)
        #expect(abs(avs.effectSize - 1.08) < 1e-12)
        let incomplete = try #require(Pairing(before: [observation("y", 20)], after: [observation("y", 12)]).pairs.first)
        #expect(AddedValue(pair: incomplete, definition: definition) == nil)
    }
}

struct GroupSummaryTests {
    // before = [10, 12, 15, 9, 20, 14], after = [8, 11, 10, 9, 15, 12]
    static let before: [Double] = [10, 12, 15, 9, 20, 14]
    static let after: [Double] = [8, 11, 10, 9, 15, 12]

    func analysis(suppress: Int = 5) -> ProgressAnalysis {
        let first = zip(Self.before.indices, Self.before).map { observation("c\($0)", $1, attributes: ["klasse": "5A"]) }
        let second = zip(Self.after.indices, Self.after).map { observation("c\($0)", $1) }
        return ProgressAnalysis(before: first + [observation("only1", 30, attributes: ["klasse": "5A"])], after: second,
                                scores: [totalScore()], addedValue: nil, groupBy: "klasse", suppressionThreshold: suppress)
    }

    @Test func statisticsMatchSciPy() throws {
        let summary = try #require(analysis().groups.first?.summaries.first)
        #expect(summary.group == "5A")
        #expect(summary.n == 6)
        #expect(summary.unpaired == 1)
        // scipy.stats.ttest_rel(after, before): statistic -2.9531221160930916, pvalue 0.03177045747085431,
        // confidence_interval() (-4.676156060079503, -0.3238439399204971)
        let t = try #require(summary.tTest?.value)
        #expect(abs(t.t - (-2.9531221160930916)) < 1e-9)
        #expect(abs(t.pValue - 0.03177045747085431) < 1e-9)
        let ci = try #require(summary.meanChange?.value)
        #expect(abs(ci.lower - (-4.676156060079503)) < 1e-9)
        #expect(abs(ci.upper - (-0.3238439399204971)) < 1e-9)
        // One zero difference (9 → 9) and ties: normal approximation.
        // scipy.stats.wilcoxon(after - before, zero_method='wilcox', correction=True, method='asymptotic'):
        // statistic 0.0, pvalue 0.05675944638601349
        let w = try #require(summary.wilcoxon?.value)
        #expect(abs(w.pValue - 0.05675944638601349) < 1e-9)
        #expect(w.statistic == 0)
        // d_z = mean(d)/sd(d) = -2.5/2.073644135332772 = -1.2056070554260303;
        // d_av = -2.5/((3.983298465677241 + 2.48327740429189)/2) = -0.7732067326728617 (numpy, ddof=1)
        #expect(abs(try #require(summary.dz?.value?.value) - (-1.2056070554260303)) < 1e-9)
        #expect(abs(try #require(summary.dav?.value?.value) - (-0.7732067326728617)) < 1e-9)
        // Above the cut-off (level ≥ 2, i.e. ≥ 17): T1 only 20 → 1/6; T2 none → 0/6. Discordant b = 1, c = 0:
        // exact binomial, scipy.stats.binomtest(0, 1).pvalue = 1.0
        #expect(summary.shareAboveCutoffBefore == 1.0 / 6.0)
        #expect(summary.shareAboveCutoffAfter == 0)
        #expect(summary.mcNemar?.value?.pValue == 1.0)
        // RCI with SD 6, r 0.8 (S_diff 3.7947): only 15 → 10 (−1.3176)… none |RCI| > 1.96 except none: 0 improved.
        // Differences −2, −1, −5, 0, −5, −2: |−5|/3.7947 = 1.3176 < 1.96, so nobody changed reliably.
        #expect(summary.rciN == 6)
        #expect(summary.shareReliablyImproved == 0)
    }

    @Test func smallGroupsShowCountsOnly() throws {
        let summary = try #require(analysis(suppress: 7).groups.first?.summaries.first)
        #expect(summary.suppressed)
        #expect(summary.n == 6)
        #expect(summary.tTest == nil && summary.meanBefore == nil)
    }

    @Test func allEqualDifferencesAreReportedNotComputed() throws {
        let first = (0..<5).map { observation("c\($0)", Double(10 + $0)) }
        let second = (0..<5).map { observation("c\($0)", Double(8 + $0)) }
        let summary = try #require(ProgressAnalysis(before: first, after: second, scores: [totalScore()], addedValue: nil,
                                                    groupBy: nil).groups.first?.summaries.first)
        #expect(summary.meanChangeValue == -2)
        if case .unavailable = summary.tTest {} else { Issue.record("t-test must be unavailable when sd(d) = 0") }
    }
}

let instrumentsDirectory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Instruments").path

struct ProsocialDirectionTests {
    /// A prosocial-like score (0–10, higher is better): 0–4 abnormal (level 2), 5 borderline, 6–10
    /// normal, as in the parent 3-band table. 2 → 8 with SD 1.5, r 0.7: RCI = 6/(1.5·√0.6) = 5.164 (python:
    /// 6/(1.5*math.sqrt(0.6)) = 5.163977794943222): a reliable rise from abnormal to normal is recovered;
    /// 8 → 2 is deteriorated; 6 → 10 (already normal) improved.
    @Test(arguments: [(2.0, 8.0, ChangeClass.recovered), (8, 2, .deteriorated), (6, 10, .improved)])
    func prosocialRisesAreImprovements(before: Double, after: Double, expected: ChangeClass) throws {
        let definition = ScoreDefinition(id: "prosoc", variable: "pprosoc", label: LocalizedText(["en": "Prosocial"]),
                                         range: ScoreRange(minimum: 0, maximum: 10, integer: true), direction: .higherIsBetter,
                                         equivalenceKey: nil, verified: true)
        let bands: [(band: BandTable.Band, label: String)] = [
            (BandTable.Band(minimum: 0, maximum: 4, minimumExclusive: nil, label: "abnormal", level: 2), "abnormal"),
            (BandTable.Band(minimum: 5, maximum: 5, minimumExclusive: nil, label: "borderline", level: 1), "borderline"),
            (BandTable.Band(minimum: 6, maximum: 10, minimumExclusive: nil, label: "normal", level: 0), "normal"),
        ]
        let score = ProgressScore(definition: definition, bands: bands, bandTable: "uk-3band", reliability: 0.7,
                                  reliabilitySource: "test", standardDeviation: .fixed(1.5, source: "test"))
        let pair = try #require(Pairing(before: [ChildObservation(id: "x", attributes: [:], values: ["prosoc": before])],
                                        after: [ChildObservation(id: "x", attributes: [:], values: ["prosoc": after])]).pairs.first)
        let change = ChildChange(pair: pair, score: score, baselineSD: nil)
        #expect(change.changeClass == expected)
        if before == 2 { #expect(abs((change.rci ?? 0) - 5.163977794943222) < 1e-12) }
    }
}

struct LinearWorkTests {
    /// n children at T1 and T2 in 10 classes, every 7th missing the total at T2, every 11th only at T1.
    private func analysis(children n: Int) -> ProgressAnalysis {
        var before: [ChildObservation] = [], after: [ChildObservation] = []
        for i in 0..<n {
            let attributes = ["class": "\(i % 10)"]
            before.append(observation("c\(i)", Double(i % 40), attributes: attributes))
            guard i % 11 != 0 else { continue }
            after.append(observation("c\(i)", i % 7 == 0 ? nil : Double((i * 3) % 40), attributes: attributes))
        }
        return ProgressAnalysis(before: before, after: after, scores: [totalScore()], addedValue: nil, groupBy: "class")
    }

    /// The work (element steps of pairing, bucketing and grouping; not time) grows linearly: doubling
    /// the children at most doubles it (plus a constant), where a per-pair `contains` or a filter per
    /// group would quadruple it.
    @Test func workGrowsLinearlyWithTheChildren() {
        let small = analysis(children: 2_000), large = analysis(children: 4_000)
        #expect(small.bucketingSteps > 0)
        #expect(Double(large.bucketingSteps) <= 2.05 * Double(small.bucketingSteps), "\(small.bucketingSteps) → \(large.bucketingSteps)")
        // Bounded by a small multiple of the observations (one score: pairs + groups + changes + missing + unpaired).
        #expect(large.bucketingSteps <= 5 * 8_000)
        // Unpaired and missing are counted in their group: class 0 holds children 0, 10, …; of its 400,
        // those with i % 11 == 0 are unpaired and those with i % 7 == 0 (and paired) miss the total at T2.
        let class0 = (0..<4_000).filter { $0 % 10 == 0 }
        let unpaired = class0.filter { $0 % 11 == 0 }.count
        let missing = class0.filter { $0 % 11 != 0 && $0 % 7 == 0 }.count
        let summary = large.groups.first { $0.name == "0" }?.summaries.first
        #expect(summary?.unpaired == unpaired + missing)
        #expect(summary?.n == class0.count - unpaired - missing)
    }
}
