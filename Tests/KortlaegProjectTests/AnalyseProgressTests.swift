import Foundation
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `AnalyseProgress` from score files and from a project. Emotional symptoms = the sum of the five
/// emotional items (youthinmind, "Scoring the SDQ"). T1 sums 2, 4, 6, 8, 10, 6 and T2 sums 0, 2, 4,
/// 6, 8, 6: the changes are −2 five times and 0 once, mean −10/6; child g has only T1.
@Suite struct AnalyseProgressTests {
    static let before = [("a", 2), ("b", 4), ("c", 6), ("d", 8), ("e", 10), ("f", 6), ("g", 3)]
    static let after = [("a", 0), ("b", 2), ("c", 4), ("d", 6), ("e", 8), ("f", 6)]

    /// A file as `kortlaeg score --keep klasse` writes it (id, kept column, score, status).
    func scoreFile(_ rows: [(String, Int)], _ name: String, rejected: Int = 0) throws -> String {
        let lines = ["id,klasse,pemotion,status"] + rows.map { "\($0.0),5A,\($0.1),complete" }
            + (0..<rejected).map { "r\($0),5A,,rejected" }
        return try write(lines.joined(separator: "\n") + "\n", name)
    }

    func emotionSummary(_ report: ProgressReport, group: String = "all") throws -> GroupSummary {
        let index = try #require(report.analysis.scores.firstIndex { $0.definition.id == "emotion" })
        let found = try #require(report.analysis.groups.first { $0.name == group })
        return found.summaries[index]
    }

    @Test func filesArePairedByID() throws {
        let request = AnalyseProgress.Request(
            source: .files(earlier: try scoreFile(Self.before, "t1.csv", rejected: 2), later: try scoreFile(Self.after, "t2.csv")),
            instrument: "sdq-p4-17", instruments: catalog)
        let sink = CollectingSink()
        let report = try AnalyseProgress.run(request, sink: sink)
        let summary = try emotionSummary(report)
        #expect(summary.n == 6 && summary.unpaired == 1)
        #expect(abs(try #require(summary.meanChangeValue) - (-10.0 / 6.0)) < 1e-12)
        #expect(report.analysis.pairing.onlyBefore == ["g"])
        #expect(report.notes == [.bands(table: "uk-3band", normSet: LocalizedText(["en": "UK community sample (youthinmind)", "da": "britisk befolkningsudsnit (youthinmind)"]), cutoffLevel: 2),
                                 .rejectedRows(from: "T1", before: 2, to: "T2", after: 0)])
        #expect(sink.text == """
            paired: 6; only T1: 1; only T2: 0; duplicates: 0
            bands: uk-3band (UK community sample (youthinmind)); cut-off: band level ≥ 2
            rows with status 'rejected' were left out: 2 at T1, 0 at T2
            """)
    }

    @Test func theProjectsStoredScoresArePairedByPseudonym() throws {
        let (path, project) = try makeProject()
        try store(Self.before.enumerated().map { parentSDQ($1.0, .initial, emotion($1.1), row: $0 + 1) }, as: "t1.csv", in: project)
        try store(Self.after.enumerated().map { parentSDQ($1.0, .final, emotion($1.1), row: $0 + 1) }, as: "t2.csv", in: project)
        let report = try AnalyseProgress.run(.init(source: .project(path), instrument: "sdq-p4-17", instruments: catalog,
                                                   groupBy: "class"), sink: CollectingSink())
        let summary = try emotionSummary(report, group: "5A")
        #expect(summary.n == 6 && summary.unpaired == 1)
        #expect(abs(try #require(summary.meanChangeValue) - (-10.0 / 6.0)) < 1e-12)
        #expect(report.analysis.pairing.onlyBefore == [try project.pseudonym(for: "g")])
    }

    @Test(arguments: [
        ("T2", "T1", "--from T2 must come before --to T1."),
        ("T0", "T2", "'T0' is not an occasion. Please use T1, F1, F2, … or T2 with --from and --to."),
    ])
    func projectOccasionsMustBeInCourseOrder(_ from: String, _ to: String, _ message: String) throws {
        let (path, _) = try makeProject()
        do {
            _ = try AnalyseProgress.run(.init(source: .project(path), instrument: "sdq-p4-17", instruments: catalog, from: from, to: to),
                                        sink: CollectingSink())
            Issue.record("expected an error")
        } catch {
            #expect(error.severity == .usage && error.message == message)
        }
    }

    @Test func usageErrorsNameWhatIsWrong() throws {
        let t1 = try scoreFile(Self.before, "t1.csv")
        func message(_ request: AnalyseProgress.Request) -> (Severity, String)? {
            do {
                _ = try AnalyseProgress.run(request, sink: CollectingSink())
                return nil
            } catch {
                return (error.severity, error.message)
            }
        }
        let files = AnalyseProgress.Source.files(earlier: t1, later: t1)
        let badGroup = message(.init(source: files, instrument: "sdq-p4-17", instruments: catalog, groupBy: "skole"))
        #expect(badGroup?.0 == .usage)
        #expect(badGroup?.1 == "No file has a column 'skole' to group by. Score with 'kortlaeg score --keep skole'. Columns: klasse.")
        let badTable = message(.init(source: files, instrument: "sdq-p4-17", instruments: catalog,
                                     settings: ProgressSettings(bandTableID: "uk-5band")))
        #expect(badTable?.0 == .usage)
        #expect(badTable?.1 == "sdq-p4-17@1.0.0 has no band table 'uk-5band'; it has uk-3band, uk-4band.")
        let missing = message(.init(source: .files(earlier: t1, later: "/nonexistent/t2.csv"), instrument: "sdq-p4-17",
                                    instruments: catalog))
        #expect(missing?.0 == .notFound && missing?.1 == "/nonexistent/t2.csv: no such file.")
        let projectGroup = message(.init(source: .project("/nonexistent/p.kortlaeg"), instrument: "sdq-p4-17",
                                         instruments: catalog, groupBy: "klassetrin"))
        #expect(projectGroup?.0 == .usage)
        #expect(projectGroup?.1 == "With --project, --by takes class, school, sex, birth-year or site (not 'klassetrin').")
        #expect(message(.init(source: files, instrument: "sdq-p4-17", instruments: catalog, suppressionThreshold: 0))?.0 == .usage)
    }
}

/// `--reliability sample` in a project: Cronbach's alpha of the stored T1 item answers.
struct SampleReliabilityUseCaseTests {
    static let items = ["somatic", "worries", "unhappy", "clingy", "afraid", "tantrum", "obeys", "fights", "lies", "steals",
                        "restles", "fidgety", "distrac", "reflect", "attends", "loner", "friend", "popular", "bullied", "oldbest",
                        "consid", "shares", "caring", "kind", "helpout"]

    /// The answers of KortlaegProgressTests/SampleReliabilityTests: (i*7 + j*3 + (i*j)%5 + (i*i*j)%4) % 3,
    /// response 11 without 'worries'. numpy/scipy there: emotion α = 0.19736842105263178 (n 11),
    /// total difficulties α = 0.56191035698241 (n 11, 20 items).
    static func answers(_ i: Int) -> [String: AnswerValue] {
        var row: [String: AnswerValue] = [:]
        for (j, item) in items.enumerated() { row[item] = .code((i * 7 + j * 3 + (i * j) % 5 + (i * i * j) % 4) % 3) }
        if i == 11 { row["worries"] = nil }
        return row
    }

    @Test func theT1ItemAnswersGiveTheReliabilityAndTheNotesNameIt() throws {
        let (path, project) = try makeProject()
        try store((0..<12).map { parentSDQ("c\($0)", .initial, Self.answers($0), row: $0 + 1) }, as: "t1.csv", in: project)
        try store((0..<12).map { parentSDQ("c\($0)", .final, Self.answers(($0 + 5) % 12), row: $0 + 1) }, as: "t2.csv", in: project)
        var settings = ProgressSettings(sdFromBaseline: true)
        settings.reliabilityFromSample = true
        let sink = CollectingSink()
        let report = try AnalyseProgress.run(.init(source: .project(path), instrument: "sdq-p4-17", instruments: catalog,
                                                   settings: settings), sink: sink)
        let total = try #require(report.analysis.scores.first { $0.definition.id == "ebdtot" })
        #expect(abs((total.reliability ?? 0) - 0.56191035698241) < 1e-9)
        let emotion = try #require(report.analysis.scores.first { $0.definition.id == "emotion" })
        #expect(abs((emotion.reliability ?? 0) - 0.19736842105263178) < 1e-9)
        // Every RCI names the reliability used; the notes say where it came from, in both languages.
        let changes = report.analysis.changes["ebdtot"] ?? []
        #expect(!changes.isEmpty && changes.allSatisfy { $0.rciReliability.map { abs($0 - 0.56191035698241) < 1e-9 } ?? false })
        #expect(sink.text.contains("RCI for pebdtot: reliability = Cronbach's alpha from the T1 sample, 0.562 (20 items, n = 11, 95 % CI 0.073 to 0.859, Feldt)"))
        #expect(sink.text.contains("no RCI for pimpact: no item-level Cronbach's alpha in the T1 sample"))
        let danish = report.notes.map { $0.text(.danish) }
        #expect(danish.contains("RCI for pebdtot: reliabilitet = Cronbachs alfa fra T1-stikprøven, 0,562 (20 spørgsmål, n = 11, 95 % KI 0,073 til 0,859, Feldt)"))
    }

    @Test func scoreFilesHaveNoItemsForASampleReliability() throws {
        var settings = ProgressSettings()
        settings.reliabilityFromSample = true
        let request = AnalyseProgress.Request(source: .files(earlier: "a.csv", later: "b.csv"), instrument: "sdq-p4-17",
                                              instruments: catalog, settings: settings)
        do {
            _ = try AnalyseProgress.run(request, sink: CollectingSink())
            Issue.record("expected a usage error")
        } catch {
            #expect(error.severity == .usage)
            #expect(error.message.contains("--reliability sample computes Cronbach's alpha from the item answers stored in a project"))
        }
    }
}
