import Foundation
import KortlaegDomain
import KortlaegProgress
import Testing
@testable import KortlaegReports

/// Duplicate ids (a child twice at one occasion for one informant) are counted in their group, in
/// the table, the CSV/JSON group rows and the per-child file, not only overall.
///
/// The fixture, `--by klasse`, emotional symptoms (values irrelevant here), rows in file order:
///   T1: a 5A, b 5A, b 5A, c 5B, d 5B, d 5B, e 5B, f (no klasse), g 5A, g 5B
///   T2: a 5A, b 5A, c 5B, c 5B, d 5B, e 5B, f (no klasse), f (no klasse), g 5B
/// By hand: duplicated at T1 are b, d, g; at T2 c, f; so 5 duplicates (b, c, d, f, g), none paired.
/// A duplicate counts in the group of its first row (T1 before T2): b → 5A, g → 5A (its first T1
/// row; the second says 5B), c → 5B (its T1 row), d → 5B, f → (no klasse). Expected per group:
/// 5A 2, 5B 2, (no klasse) 1; the sum is the overall 5. Paired: a (5A) and e (5B); nobody is
/// seen at one occasion only.
struct DuplicatesByGroupTests {
    static func observations(_ rows: [(String, String?)]) -> [ChildObservation] {
        rows.enumerated().map { index, row in
            ChildObservation(id: row.0, attributes: row.1.map { ["klasse": $0] } ?? [:], values: ["emotion": Double(index % 5)])
        }
    }

    static let before = observations([("a", "5A"), ("b", "5A"), ("b", "5A"), ("c", "5B"), ("d", "5B"), ("d", "5B"), ("e", "5B"),
                                      ("f", nil), ("g", "5A"), ("g", "5B")])
    static let after = observations([("a", "5A"), ("b", "5A"), ("c", "5B"), ("c", "5B"), ("d", "5B"), ("e", "5B"), ("f", nil),
                                     ("f", nil), ("g", "5B")])

    static func report() throws -> ProgressReport {
        let (scores, _) = try ProgressSettings().scores(for: try sdqParent(), language: .danish)
        let analysis = ProgressAnalysis(before: before, after: after, scores: scores, addedValue: nil, groupBy: "klasse",
                                        suppressionThreshold: 1)
        return ProgressReport(analysis: analysis, from: "T1", to: "T2", groupBy: "klasse")
    }

    @Test func duplicatesAreCountedInTheirGroup() throws {
        let report = try Self.report()
        let analysis = report.analysis
        #expect(analysis.pairing.duplicates == ["b", "c", "d", "f", "g"])
        #expect(analysis.pairing.duplicatesBefore == ["b", "d", "g"] && analysis.pairing.duplicatesAfter == ["c", "f"])
        #expect(analysis.duplicatesByGroup == ["5A": 2, "5B": 2, "(no klasse)": 1])
        #expect(analysis.pairing.pairs.map(\.id) == ["a", "e"])
        #expect(analysis.groups.map(\.name) == ["(no klasse)", "5A", "5B"], "a group of duplicates only is still listed")

        // CSV (and so JSON): every row of a group carries its duplicates.
        let rows = ProgressCSVRenderer(report: report).groupRows
        let column = try #require(rows[0].firstIndex(of: "duplicates"))
        var perGroup: [String: Set<String>] = [:]
        for row in rows.dropFirst() { perGroup[row[0], default: []].insert(row[column]) }
        #expect(perGroup == ["5A": ["2"], "5B": ["2"], "(no klasse)": ["1"]])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ProgressJSONRenderer(report: report).text.utf8)) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.first { $0["group"] as? String == "5A" }?["duplicates"] as? Int == 2)

        // The table: the overall count, and each group's own.
        let text = ProgressTextRenderer(report: report).text
        #expect(text.contains("Parret: 2 børn. Kun T1: 0. Kun T2: 0. Dubletter (ikke parret): 5."))
        #expect(text.contains("Gruppe: 5A\n  Dubletter (ikke parret): 2 børn i gruppen har samme id flere gange ved en måling.\n"))
        #expect(text.contains("Gruppe: (ingen klasse)\n  Dubletter (ikke parret): 1 barn i gruppen har samme id flere gange ved en måling.\n"))
        let english = ProgressTextRenderer(report: report, language: .english).text
        #expect(english.contains("Group: 5B\n  Duplicates (not paired): 2 children of the group have the same id more than once at an occasion.\n"))

        // The per-child file names the occasion of each duplicate.
        let children = ProgressCSVRenderer(report: report).children.rows
        let header = children[0]
        func cell(_ id: String, _ name: String) -> String? {
            children.first { $0[0] == id && $0[1] == "" }.map { $0[header.firstIndex(of: name)!] }
        }
        #expect(cell("b", "note") == "duplicate" && cell("b", "note_text") == "id'et forekommer flere gange ved T1 (samme informant): ikke parret")
        #expect(cell("c", "note_text") == "id'et forekommer flere gange ved T2 (samme informant): ikke parret")
        #expect(cell("g", "class") == "5A", "the first row's class")
    }

    /// Over the course (T1, then T2 as the follow-up F1 and again as T2): per group and occasion.
    /// By hand, from the rows above: T1 duplicates b, g (5A), d (5B); F1 and T2 duplicates c (5B),
    /// f (no klasse). Groups take the class of the child's first row over the course.
    @Test func overTheCourseDuplicatesAreCountedPerGroupAndOccasion() throws {
        let (scores, _) = try ProgressSettings().scores(for: try sdqParent(), language: .danish)
        let analysis = CourseAnalysis(occasions: [.init(code: "T1", observations: Self.before), .init(code: "F1", observations: Self.after),
                                                  .init(code: "T2", observations: Self.after)],
                                      scores: scores, addedValue: nil, groupBy: "klasse", suppressionThreshold: 1)
        let duplicates = Dictionary(uniqueKeysWithValues: analysis.groups.map { ($0.name, $0.duplicates) })
        #expect(duplicates == ["5A": [2, 0, 0], "5B": [1, 1, 1], "(no klasse)": [0, 1, 1]])
        let rows = CourseCSVRenderer(report: CourseReport(analysis: analysis, groupBy: "klasse")).groupRows
        let column = try #require(rows[0].firstIndex(of: "duplicates"))
        let b5 = rows.filter { $0[0] == "5B" && $0[2] == "pemotion" }.map { $0[column] }
        #expect(b5 == ["1", "1", "1"])
        let text = CourseTextRenderer(report: CourseReport(analysis: analysis, groupBy: "klasse")).text
        #expect(text.contains("Gruppe: 5A\n  Dubletter ved T1 (udeladt): 2\n"))
    }
}
