import Foundation
import KortlaegDomain
import KortlaegProgress
import Testing
@testable import KortlaegReports

/// The progress table, CSV and JSON. Emotional symptoms of the parent SDQ (uk-3band: 0–3 normal,
/// 4 borderline, 5–10 abnormal; youthinmind, "Scoring the SDQ"). T1 2, 4, 6, 8, 10, 6 and T2 0, 2,
/// 4, 6, 8, 6 (child g only at T1). By hand: means 6.00 → 4.33; changes −2 ×5 and 0, mean −10/6 =
/// −1.67; SD of the changes √(3.3333/5) = 0.8165, SE 0.3333, t(5; 0.975) = 2.5706 → 95 % CI
/// −1.6667 ± 0.8569 = −2.52 to −0.81. Above the cut-off (level ≥ 2): 4 of 6 (67 %) → 3 of 6
/// (50 %); one discordant pair, exact McNemar p = 1.
struct ProgressRendererTests {
    static func report(groupBy: String? = nil) throws -> ProgressReport {
        let instrument = try sdqParent()
        let (scores, notes) = try ProgressSettings().scores(for: instrument, language: .danish)
        func observations(_ rows: [(String, Double)]) -> [ChildObservation] {
            rows.map { ChildObservation(id: $0.0, attributes: $0.0 == "a" ? [:] : ["klasse": "5A"], values: ["emotion": $0.1]) }
        }
        let before = observations([("a", 2), ("b", 4), ("c", 6), ("d", 8), ("e", 10), ("f", 6), ("g", 3)])
        let after = observations([("a", 0), ("b", 2), ("c", 4), ("d", 6), ("e", 8), ("f", 6)])
        let analysis = ProgressAnalysis(before: before, after: after, scores: scores, addedValue: instrument.addedValueScore,
                                        groupBy: groupBy, suppressionThreshold: 5)
        return ProgressReport(analysis: analysis, from: "T1", to: "T2", groupBy: groupBy,
                              notes: notes + [.rejectedRows(from: "T1", before: 2, to: "T2", after: 0)])
    }

    @Test func danishTableIsDanishThroughout() throws {
        let text = ProgressTextRenderer(report: try Self.report()).text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Fremskridt fra T1 til T2")
        #expect(lines[1] == "Parret: 6 børn. Kun T1: 1. Kun T2: 0. Dubletter (ikke parret): 0.")
        #expect(lines[2] == "  Kun T1: g")
        #expect(lines[3] == "Gruppe: alle børn")
        #expect(lines[4] == "  Score for følelsesmæssige symptomer (pemotion; lavere er bedre)")
        #expect(lines[5] == "    6 børn (1 uden par). Gennemsnit 6,00 → 4,33; ændring -1,67 (95 % konfidensinterval -2,52 til -0,81): bedre ↓")
        #expect(lines[6].hasPrefix("    Parret t-test: t(5) = -5,00, p = 0,004. Wilcoxon-test med fortegn og rang: "))
        #expect(lines[8] == "    Over grænseværdien: 67 % → 50 %; McNemar: p = 1,000 (eksakt binomialtest).")
        #expect(lines[9] == "    Pålidelig ændring (RCI) ikke beregnet: ingen reliabilitet er kendt for pemotion: den er ikke indtastet i "
                + "instrumentdata; angiv --reliability pemotion=R.")
        // Suppression is per group: this group has 6 paired children, so a score none of them has
        // says so instead of being hidden.
        #expect(text.contains("  Score for adfærdsmæssige symptomer (pconduct; lavere er bedre)\n"
                              + "    Ingen børn med begge målinger (7 uden par): intet at beregne.\n"))
        #expect(text.contains("\nForklaring: ændring = T2 − T1."))
        #expect(text.hasSuffix("Bemærk: bånd: uk-3band (britisk befolkningsudsnit (youthinmind)); grænseværdi: båndniveau ≥ 2\n"
                               + "Bemærk: rækker med status 'rejected' er udeladt: 2 ved T1, 0 ved T2\n"))
        for english in ["Note:", "not computed", "no reliability", "Group", "all\n", "exact binomial"] {
            #expect(!text.contains(english), "\(english)")
        }
    }

    /// t = mean change / SE = −1.6667 / 0.3333 = −5.00 with 5 degrees of freedom (two-sided p = 0.0041).
    @Test func englishTable() throws {
        let text = ProgressTextRenderer(report: try Self.report(groupBy: "klasse"), language: .english).text
        #expect(text.contains("Group: (no klasse)\n"), "child a has no klasse")
        #expect(text.contains("Group: 5A\n"))
        #expect(text.contains("Reliable change (RCI) not computed: no reliability is known for pemotion: not entered in the instrument data; give --reliability pemotion=R."))
        #expect(text.contains("Note: bands: uk-3band (UK community sample (youthinmind)); cut-off: band level ≥ 2\n"))
    }

    @Test func csvKeepsMachineValues() throws {
        let renderer = ProgressCSVRenderer(report: try Self.report())
        let rows = renderer.groupRows
        #expect(rows[0] == ProgressCSVRenderer.groupColumns)
        let emotion = try #require(rows.first { $0[2] == "pemotion" })
        #expect(emotion[0] == "all" && emotion[3] == "6" && emotion[4] == "1" && emotion[5] == "no")
        #expect(abs(try #require(Double(emotion[10])) - (-10.0 / 6.0)) < 1e-12)
        // The figures a statistician checks. SD of the changes: statistics.stdev([-2]*5+[0]) =
        // 0.816496580927726 (python3); Wilcoxon (zero dropped, 5 ties of |2| → rank 3 each): W+ = 0,
        // W− = 15, 5 non-zero; McNemar: one discordant pair (6 → 4: abnormal → borderline).
        func column(_ name: String) -> String { emotion[ProgressCSVRenderer.groupColumns.firstIndex(of: name)!] }
        #expect(abs(try #require(Double(column("sd_change"))) - 0.816496580927726) < 1e-12)
        #expect(column("wilcoxon_w_plus") == "0.0" && column("wilcoxon_w_minus") == "15.0" && column("wilcoxon_n_nonzero") == "5")
        #expect(Int(column("mcnemar_b"))! + Int(column("mcnemar_c"))! == 1)
        // A score without pairs says why, in the row itself.
        let conduct = try #require(rows.first { $0[2] == "pconduct" })
        func field(_ row: [String], _ name: String) -> String { row[ProgressCSVRenderer.groupColumns.firstIndex(of: name)!] }
        #expect(field(conduct, "suppressed") == "no")
        #expect(field(conduct, "reason_codes") == "sd_change:too_few;mean_change:too_few;t:too_few;wilcoxon:too_few;d_z:too_few;"
                + "d_av:too_few;g_z:too_few;g_av:too_few;mcnemar:too_few")
        #expect(field(conduct, "reasons").hasPrefix("SD af ændringen: kræver mindst 2 børn med scorerne, der er 0; "))
        #expect(column("wilcoxon_zero_method") == "wilcox (zero differences dropped)" && column("wilcoxon_zeros_dropped") == "1")
        #expect(!rows.joined().contains("-0.0"))
        // The settings travel with every row.
        #expect(column("band_table") == "uk-3band" && column("cutoff_level") == "2" && column("suppression_threshold") == "5")
        #expect(column("rci_reliability") == "" && column("rci_reliability_source").hasPrefix("not entered in the instrument data"))
        let children = renderer.children.text
        #expect(children.hasPrefix(ProgressCSVRenderer.childColumns.joined(separator: ",") + "\n"))
        #expect(children.contains("\na,emotion,pemotion,2.0,0.0,-2.0,yes,"))
        // The per-child file's class and sex columns (child a has no klasse; g only at T1 has 5A).
        #expect(children.contains("\nb,emotion,pemotion,4.0,2.0,-2.0,yes,"))
        #expect(children.split(separator: "\n").first { $0.hasPrefix("b,emotion,") }?
            .hasSuffix(",rci:no_reliability,5A,,,ingen reliabilitet er kendt for pemotion: den er ikke indtastet i instrumentdata; angiv --reliability pemotion=R") == true)
        #expect(children.contains("\ng,,,,,,,,,,,,,,,only_earlier,5A,,,kun målt ved T1: ikke parret\n"))
    }

    @Test func jsonHasTheGroupsAndTheNotesInTheReportsLanguage() throws {
        let text = ProgressJSONRenderer(report: try Self.report(), language: .english).text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["paired"] as? Int == 6)
        #expect(object["onlyFrom"] as? [String] == ["g"])
        #expect((object["notes"] as? [String])?.first == "bands: uk-3band (UK community sample (youthinmind)); cut-off: band level ≥ 2")
        let groups = try #require(object["groups"] as? [[String: Any]])
        let emotion = try #require(groups.first { $0["variable"] as? String == "pemotion" })
        // Numbers are JSON numbers, not strings.
        #expect(emotion["n"] as? Int == 6)
        #expect(abs((emotion["mean_change"] as? Double ?? 0) - (-10.0 / 6.0)) < 1e-12)
        #expect(emotion["suppressed"] as? String == "no")
    }
}

struct DirectionAndPluralTests {
    /// Emotional symptoms of five children: changes −1, +1, −2, +1, 0 (mean −0.2; the 95 % interval
    /// of the mean change, t(4; 0.975) = 2.7764, is −0.2 ± 2.7764·1.3038/√5 = −1.82 to 1.42, python3
    /// scipy.stats.t.ppf): it includes 0, so no direction is claimed.
    @Test func noDirectionWordWhenTheIntervalIncludesZero() throws {
        let instrument = try sdqParent()
        let (scores, _) = try ProgressSettings().scores(for: instrument, language: .danish)
        let pairs: [(String, Double, Double)] = [("a", 5, 4), ("b", 3, 4), ("c", 6, 4), ("d", 2, 3), ("e", 4, 4)]
        let before = pairs.map { ChildObservation(id: $0.0, attributes: [:], values: ["emotion": $0.1]) }
        let after = pairs.map { ChildObservation(id: $0.0, attributes: [:], values: ["emotion": $0.2]) }
        let analysis = ProgressAnalysis(before: before, after: after, scores: scores, addedValue: nil, groupBy: nil)
        let text = ProgressTextRenderer(report: ProgressReport(analysis: analysis, from: "T1", to: "T2", groupBy: nil, notes: [])).text
        #expect(text.contains("5 børn (0 uden par). Gennemsnit 4,00 → 3,80; ændring -0,20 (95 % konfidensinterval -1,82 til 1,42): ingen sikker ændring"))
        #expect(!text.contains("bedre ↓"))
    }

    @Test func oneChildIsOneBarnAndGetsNoTestP() throws {
        let instrument = try sdqParent()
        let (scores, _) = try ProgressSettings().scores(for: instrument, language: .danish)
        let analysis = ProgressAnalysis(before: [ChildObservation(id: "a", attributes: [:], values: ["emotion": 5])],
                                        after: [ChildObservation(id: "a", attributes: [:], values: ["emotion": 2])],
                                        scores: scores, addedValue: nil, groupBy: nil, suppressionThreshold: 1)
        let report = ProgressReport(analysis: analysis, from: "T1", to: "T2", groupBy: nil, notes: [])
        let text = ProgressTextRenderer(report: report).text
        #expect(text.contains("Parret: 1 barn."))
        #expect(text.contains("    1 barn (0 uden par)."))
        let emotion = try #require(analysis.groups.first?.summaries.first { $0.scoreID == "emotion" })
        #expect(emotion.wilcoxon?.value == nil && emotion.mcNemar?.value == nil)
        let rows = ProgressCSVRenderer(report: report).groupRows
        let row = try #require(rows.first { $0[2] == "pemotion" })
        let codes = row[ProgressCSVRenderer.groupColumns.firstIndex(of: "reason_codes")!]
        #expect(codes.contains("wilcoxon:too_few") && codes.contains("mcnemar:too_few") && codes.contains("sd_change:too_few"))
        let reasons = row[ProgressCSVRenderer.groupColumns.firstIndex(of: "reasons")!]
        #expect(reasons.contains("Wilcoxon: kræver mindst 2 børn med scorerne, der er 1") && reasons.contains("McNemar: "))
        #expect(row[ProgressCSVRenderer.groupColumns.firstIndex(of: "p_wilcoxon")!] == "")
    }
}
