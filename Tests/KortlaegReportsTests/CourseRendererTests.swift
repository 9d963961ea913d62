import Foundation
import KortlaegDomain
import KortlaegProgress
import Testing
@testable import KortlaegReports

/// The course table, CSV and JSON. Emotional symptoms of the parent SDQ, children a–f: T1 2 4 6 8
/// 10 6, F1 1 4 5 8 9 6, T2 0 2 4 6 8 6. SciPy 1.17.1 `stats.t.interval(0.95, 5, loc=mean,
/// scale=stats.sem(x))`: T1 6.0 (3.0317477704428226, 8.968252229557176), F1 5.5 (2.4766052446039533,
/// 8.523394755396048); change to F1 −0.5 (−1.0747995726208992, 0.07479957262089909): includes 0, so
/// "ingen sikker ændring"; change to T2 −1.6667 (−2.5235272785454383, −0.8098060547878951): "bedre ↓".
struct CourseRendererTests {
    static func report() throws -> CourseReport {
        let instrument = try sdqParent()
        let (scores, notes) = try ProgressSettings().scores(for: instrument, language: .danish)
        let ids = ["a", "b", "c", "d", "e", "f"]
        let data: [(String, [Double])] = [("T1", [2, 4, 6, 8, 10, 6]), ("F1", [1, 4, 5, 8, 9, 6]), ("T2", [0, 2, 4, 6, 8, 6])]
        let occasions = data.map { code, values in
            CourseAnalysis.Occasion(code: code, observations: zip(ids, values).map {
                ChildObservation(id: $0, attributes: ["klasse": "5A", "sex": "pige"], values: ["emotion": $1])
            })
        }
        let analysis = CourseAnalysis(occasions: occasions, scores: scores, addedValue: nil, groupBy: nil)
        return CourseReport(analysis: analysis, notes: notes, rejectedRows: [0, 2, 0])
    }

    @Test func danishTable() throws {
        let text = CourseTextRenderer(report: try Self.report()).text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Forløb: T1, F1, T2")
        #expect(lines[1] == "T1: 6 børn. F1: 6 børn (6 parret med T1). T2: 6 børn (6 parret med T1).")
        #expect(text.contains("  Score for følelsesmæssige symptomer (pemotion; lavere er bedre)\n"
                              + "    T1: gennemsnit 6,00 (95 % KI 3,03 til 8,97; 6 børn)\n"
                              + "    F1: gennemsnit 5,50 (95 % KI 2,48 til 8,52; 6 børn); ændring fra T1 -0,50 (95 % KI -1,07 til 0,07; 6 børn parret): ingen sikker ændring\n"
                              + "    T2: gennemsnit 4,33 (95 % KI 1,24 til 7,42; 6 børn); ændring fra T1 -1,67 (95 % KI -2,52 til -0,81; 6 børn parret): bedre ↓\n"))
        // A score no child has: said once, not as empty figures; no RCI says why, in Danish.
        #expect(text.contains("  Score for adfærdsmæssige symptomer (pconduct; lavere er bedre)\n"
                              + "    Ingen børn har denne score ved nogen af målingerne.\n"))
        #expect(text.contains("    Pålidelig ændring (RCI) ikke beregnet: ingen reliabilitet er kendt for pemotion: den er ikke indtastet i "
                              + "instrumentdata; angiv --reliability pemotion=R.\n"))
        #expect(text.contains("Bemærk: rækker med status 'rejected' er udeladt ved F1: 2\n"))
        for english in ["Note:", "not computed", "Group", "mean ", "children"] {
            #expect(!text.contains(english), "\(english)")
        }
    }

    @Test func csvAndJSONCarryTheSameFigures() throws {
        let report = try Self.report()
        let rows = CourseCSVRenderer(report: report).groupRows
        #expect(rows[0] == CourseCSVRenderer.groupColumns)
        func column(_ row: [String], _ name: String) -> String { row[CourseCSVRenderer.groupColumns.firstIndex(of: name)!] }
        let f1 = try #require(rows.first { $0[2] == "pemotion" && $0[3] == "F1" })
        #expect(column(f1, "n") == "6" && column(f1, "mean") == "5.5" && column(f1, "n_paired") == "6")
        #expect(abs(try #require(Double(column(f1, "ci_lower"))) - 2.4766052446039533) < 1e-9)
        #expect(abs(try #require(Double(column(f1, "change_ci_upper"))) - 0.07479957262089909) < 1e-9)
        let t1 = try #require(rows.first { $0[2] == "pemotion" && $0[3] == "T1" })
        #expect(column(t1, "mean_change") == "" && column(t1, "reason_codes") == "")
        let conduct = try #require(rows.first { $0[2] == "pconduct" && $0[3] == "F1" })
        #expect(column(conduct, "reason_codes").hasPrefix("ci:too_few;change_sd_change:too_few"))
        #expect(!rows.joined().contains("-0.0"))
        // Long: class and sex per row, the Jacobson–Truax class in Danish beside its code.
        let long = CourseCSVRenderer(report: report).long
        #expect(long.rows[0] == CourseCSVRenderer.longColumns)
        let a = long.rows.filter { $0[0] == "a" && $0[4] == "pemotion" }
        #expect(a.map { $0[5] } == ["T1", "F1", "T2"] && a.allSatisfy { $0[1] == "5A" && $0[2] == "pige" })
        #expect(a[1][9] == "-1.0" && a[2][9] == "-2.0")
        #expect(a[1][17].hasPrefix("ingen reliabilitet er kendt for pemotion") && a[1][16] == "rci:no_reliability")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(CourseJSONRenderer(report: report).text.utf8)) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        let f1JSON = try #require(groups.first { $0["variable"] as? String == "pemotion" && $0["occasion"] as? String == "F1" })
        #expect(f1JSON["mean"] as? Double == 5.5 && f1JSON["n"] as? Int == 6)
        let occasions = try #require(json["occasions"] as? [[String: Any]])
        #expect(occasions.map { $0["occasion"] as? String } == ["T1", "F1", "T2"])
        #expect(occasions[1]["rejectedRows"] as? Int == 2 && occasions[1]["pairedWithFirst"] as? Int == 6)
    }
}

/// The Added Value Score line of the Danish table: five children with T1 total 20, impact 2,
/// emotion 5 and T2 total 14 have AVS = 2.3 + 0.8·20 + 0.2·2 − 0.3·5 − 14 = 3.2 (Ford et al. 2009
/// formula in the instrument data); effect size 3.2 / 5 = 0.64; the caveat and sources in Danish.
struct AddedValueTextTests {
    @Test func danishAddedValueLineNamesBothSources() throws {
        let instrument = try sdqParent()
        let (scores, _) = try ProgressSettings().scores(for: instrument, language: .danish)
        let ids = (1...5).map { "c\($0)" }
        let before = ids.map { ChildObservation(id: $0, values: ["ebdtot": 20, "impact": 2, "emotion": 5]) }
        let after = ids.map { ChildObservation(id: $0, values: ["ebdtot": 14, "impact": 1, "emotion": 3]) }
        let analysis = ProgressAnalysis(before: before, after: after, scores: scores, addedValue: instrument.addedValueScore, groupBy: nil)
        let text = ProgressTextRenderer(report: ProgressReport(analysis: analysis, from: "T1", to: "T2")).text
        #expect(text.contains("  Added Value Score (5 børn): gennemsnit 3,20 (95 % KI 3,20 til 3,20); effektstørrelse 0,64. "
                              + "Kun beregnet til højrisikogrupper (klinik)"))
        #expect(text.contains("Ford m.fl. 2009 (Br J Psychiatry 194:552–558) og youthinmind (sekundær kilde)"))
        #expect(!text.contains("Meant for high-risk"))
        let row = try #require(ProgressCSVRenderer(report: ProgressReport(analysis: analysis, from: "T1", to: "T2")).groupRows
            .first { $0[1] == "avs" })
        #expect(abs((Double(row[ProgressCSVRenderer.groupColumns.firstIndex(of: "effect_size_avs")!]) ?? 0) - 0.64) < 1e-12)
        #expect(row[ProgressCSVRenderer.groupColumns.firstIndex(of: "effect_size_avs_divisor")!] == "5.0")
    }
}
