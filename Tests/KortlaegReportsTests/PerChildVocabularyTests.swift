import Foundation
import KortlaegDomain
import KortlaegProgress
import Testing
@testable import KortlaegReports

/// The per-child files of `progress` speak one vocabulary: `change_class` and `note` hold stable
/// codes, `change_class_text` and `note_text` the same in the report's language (Danish by
/// default), in the two-occasion `--per-child` file and the course's long file alike.
///
/// Emotional symptoms of the parent SDQ (uk-3band: 0–3 normal, 4 borderline, 5–10 abnormal;
/// youthinmind, "Scoring the SDQ"), the children of ``ProgressRendererTests``: T1 2, 4, 6, 8, 10, 6
/// (+ g 3, only T1) and T2 0, 2, 4, 6, 8, 6. With --reliability pemotion=0.5 and --sd pemotion=1 the
/// RCI's S_diff = SD·√(2(1 − r)) = 1·√1 = 1 (Jacobson & Truax 1991), so RCI = the change: −2 for
/// a–e (|−2| > 1.96: reliable improvement), 0 for f (unchanged). c goes 6 (abnormal, level 2 ≥ the
/// cut-off 2) → 4 (borderline, level 1): recovered; a starts at 2 (normal): improved; e stays
/// abnormal (10 → 8): improved.
struct PerChildVocabularyTests {
    static func report(reliable: Bool) throws -> ProgressReport {
        let instrument = try sdqParent()
        let settings = reliable
            ? ProgressSettings(reliabilities: [.init(score: "pemotion", value: 0.5)], standardDeviations: [.init(score: "pemotion", value: 1)])
            : ProgressSettings()
        let (scores, notes) = try settings.scores(for: instrument, language: .danish)
        func observations(_ rows: [(String, Double)]) -> [ChildObservation] {
            rows.map { ChildObservation(id: $0.0, attributes: ["klasse": "5A"], values: ["emotion": $0.1]) }
        }
        let before = observations([("a", 2), ("b", 4), ("c", 6), ("d", 8), ("e", 10), ("f", 6), ("g", 3)])
        let after = observations([("a", 0), ("b", 2), ("c", 4), ("d", 6), ("e", 8), ("f", 6), ("h", 5)])
        let analysis = ProgressAnalysis(before: before, after: after, scores: scores, addedValue: instrument.addedValueScore,
                                        groupBy: nil, suppressionThreshold: 5)
        return ProgressReport(analysis: analysis, from: "T1", to: "T2", notes: notes)
    }

    static func rows(_ table: CSVTable) -> [[String: String]] {
        let header = table.rows[0]
        return table.rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func twoOccasionPerChildFileHasCodesAndDanishTexts() throws {
        let children = Self.rows(ProgressCSVRenderer(report: try Self.report(reliable: true)).children)
        #expect(Array(ProgressCSVRenderer.childColumns.suffix(4)) == ["class", "sex", "change_class_text", "note_text"])
        func emotion(_ id: String) throws -> [String: String] {
            try #require(children.first { $0["child_id"] == id && $0["variable"] == "pemotion" })
        }
        #expect(try emotion("c")["rci"] == "-2.0")
        #expect(try emotion("c")["change_class"] == "recovered" && emotion("c")["change_class_text"] == "klinisk bedret (under grænsen)")
        #expect(try emotion("a")["change_class"] == "improved" && emotion("a")["change_class_text"] == "forbedret")
        #expect(try emotion("e")["change_class"] == "improved" && emotion("e")["change_class_text"] == "forbedret")
        #expect(try emotion("f")["change_class"] == "unchanged" && emotion("f")["change_class_text"] == "uændret")
        #expect(try emotion("f")["note"] == "" && emotion("f")["note_text"] == "")
        // Unpaired children: a code and a Danish sentence.
        let g = try #require(children.first { $0["child_id"] == "g" })
        #expect(g["note"] == "only_earlier" && g["note_text"] == "kun målt ved T1: ikke parret" && g["class"] == "5A")
        let h = try #require(children.first { $0["child_id"] == "h" })
        #expect(h["note"] == "only_later" && h["note_text"] == "kun målt ved T2: ikke parret")
        // A score the children lack at both occasions (pconduct): missing, in Danish.
        let conduct = try #require(children.first { $0["child_id"] == "a" && $0["variable"] == "pconduct" })
        #expect(conduct["note"] == "score_missing" && conduct["note_text"] == "scoren mangler ved T1 eller T2")
        // No English fragment in any Danish text cell.
        for row in children {
            for column in ["note_text", "change_class_text"] {
                for english in ["only", "score missing", "no reliability", "duplicate", "effect size", "recovered"] {
                    #expect(!(row[column] ?? "").contains(english), "\(column): \(row[column] ?? "")")
                }
            }
        }
    }

    @Test func withoutReliabilityTheNoteSaysWhyInDanishAndTheCodeStaysStable() throws {
        let report = try Self.report(reliable: false)
        let danish = Self.rows(ProgressCSVRenderer(report: report).children)
        let english = Self.rows(ProgressCSVRenderer(report: report, language: .english).children)
        let a = try #require(danish.first { $0["child_id"] == "a" && $0["variable"] == "pemotion" })
        #expect(a["note"] == "rci:no_reliability" && a["change_class"] == "" && a["change_class_text"] == "")
        #expect(a["note_text"] == "ingen reliabilitet er kendt for pemotion: den er ikke indtastet i instrumentdata; angiv --reliability pemotion=R")
        let aEnglish = try #require(english.first { $0["child_id"] == "a" && $0["variable"] == "pemotion" })
        #expect(aEnglish["note"] == "rci:no_reliability")
        #expect(aEnglish["note_text"] == "no reliability is known for pemotion: not entered in the instrument data; give --reliability pemotion=R")
        let g = try #require(english.first { $0["child_id"] == "g" })
        #expect(g["note"] == "only_earlier" && g["note_text"] == "only seen at T1: not paired")
    }

    /// The course's long file takes its texts from the same vocabulary: the same children over
    /// T1, F1 (= the T2 values) and T2, so the F1 row of c is the two-occasion row of c.
    @Test func theCourseLongFileUsesTheSameVocabulary() throws {
        let two = try Self.report(reliable: true)
        let instrument = try sdqParent()
        let occasions = [CourseAnalysis.Occasion(code: "T1", observations: two.analysis.pairing.pairs.map(\.before)),
                         CourseAnalysis.Occasion(code: "F1", observations: two.analysis.pairing.pairs.map(\.after)),
                         CourseAnalysis.Occasion(code: "T2", observations: two.analysis.pairing.pairs.map(\.after))]
        let analysis = CourseAnalysis(occasions: occasions, scores: two.analysis.scores, addedValue: instrument.addedValueScore, groupBy: nil)
        let long = Self.rows(CourseCSVRenderer(report: CourseReport(analysis: analysis)).long)
        let c = try #require(long.first { $0["child_id"] == "c" && $0["variable"] == "pemotion" && $0["occasion"] == "F1" })
        #expect(c["change_class"] == "recovered" && c["change_class_text"] == "klinisk bedret (under grænsen)")
        let conduct = try #require(long.first { $0["child_id"] == "c" && $0["variable"] == "pconduct" && $0["occasion"] == "T1" })
        #expect(conduct["note"] == "score_missing" && conduct["note_text"] == "scoren mangler")
        let english = Self.rows(CourseCSVRenderer(report: CourseReport(analysis: analysis), language: .english).long)
        let cEnglish = try #require(english.first { $0["child_id"] == "c" && $0["variable"] == "pemotion" && $0["occasion"] == "F1" })
        #expect(cEnglish["change_class"] == "recovered" && cEnglish["change_class_text"] == "recovered (below the cut-off)")
    }
}
