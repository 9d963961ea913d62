import Foundation
import KortlaegExport
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `AnalyseCourse` from a project and from score files. Emotional symptoms = the sum of the five
/// emotional items (youthinmind, "Scoring the SDQ"): T1 2 4 6 8 10 6, F1 1 4 5 8 9 6, T2 0 2 4 6 8 6
/// for children a–f; the means by hand: T1 36/6 = 6, F1 33/6 = 5.5, T2 26/6 = 4.333….
@Suite struct CourseUseCaseTests {
    static let children = ["a", "b", "c", "d", "e", "f"]
    static let sums: [(Occasion, [Int])] = [(.initial, [2, 4, 6, 8, 10, 6]), (.followUp(1), [1, 4, 5, 8, 9, 6]),
                                            (.final, [0, 2, 4, 6, 8, 6])]

    func courseProject() throws -> (String, SQLiteProjectStore) {
        let (path, project) = try makeProject()
        for (occasion, values) in Self.sums {
            try store(zip(Self.children, values).enumerated().map { parentSDQ($1.0, occasion, emotion($1.1), row: $0 + 1) },
                      as: "\(occasion.code).csv", in: project)
        }
        return (path, project)
    }

    func emotionMeans(_ report: CourseReport) throws -> [Double?] {
        try #require(report.analysis.groups.first?.means["emotion"]).map(\.mean)
    }

    /// The project default is every occasion with data, in course order.
    @Test func theProjectDefaultIsEveryOccasionWithData() throws {
        let (path, project) = try courseProject()
        #expect(try AnalyseCourse.storedOccasions(project: path, instrument: "sdq-p4-17", instruments: catalog) == ["T1", "F1", "T2"])
        let sink = CollectingSink()
        let report = try AnalyseCourse.run(.init(source: .project(path), instrument: "sdq-p4-17", instruments: catalog), sink: sink)
        #expect(report.analysis.occasions == ["T1", "F1", "T2"])
        let means = try emotionMeans(report)
        #expect(means[0] == 6 && means[1] == 5.5 && abs((means[2] ?? 0) - 26.0 / 6.0) < 1e-12)
        #expect(sink.text.hasPrefix("occasions: T1: 6; F1: 6 (paired with T1: 6); T2: 6 (paired with T1: 6)"))
        // The long file: one row per child, score and occasion, with the class from the store.
        let long = CourseCSVRenderer(report: report).long.rows
        let a = try project.pseudonym(for: "a")
        let rows = long.filter { $0[0] == a && $0[4] == "pemotion" }
        #expect(rows.map { $0[5] } == ["T1", "F1", "T2"])
        #expect(rows.map { $0[7] } == ["2.0", "1.0", "0.0"])
        #expect(rows.map { $0[9] } == ["", "-1.0", "-2.0"])
        #expect(rows.allSatisfy { $0[1] == "5A" })
        // --occasions picks and orders; an unknown or out-of-order list is a usage error.
        let two = try AnalyseCourse.run(.init(source: .project(path), instrument: "sdq-p4-17", instruments: catalog,
                                              occasions: ["T1", "T2"]), sink: CollectingSink())
        #expect(two.analysis.occasions == ["T1", "T2"])
        #expect(expectFailure { () throws(KortlaegError) in try AnalyseCourse.occasions(parsing: "T1,T2,F1") }?.message
                == "--occasions must list each occasion once, in course order (T1, F1, F2, …, T2); 'F1' comes after T2.")
        #expect(expectFailure { () throws(KortlaegError) in try AnalyseCourse.occasions(parsing: "T1,F0") }?.severity == .usage)
    }

    /// Score files, one per occasion; the files' `klasse` and `koen` columns become the long
    /// file's class and sex.
    @Test func scoreFilesGiveTheSameCourse() throws {
        var files: [AnalyseCourse.OccasionFile] = []
        for (occasion, values) in Self.sums {
            let lines = ["id,klasse,koen,pemotion,status"] + zip(Self.children, values).map { "\($0),5A,pige,\($1),complete" }
            files.append(.init(occasion: occasion.code, path: try write(lines.joined(separator: "\n") + "\n", "\(occasion.code).csv")))
        }
        let report = try AnalyseCourse.run(.init(source: .files(AnalyseCourse.inCourseOrder(files.reversed())), instrument: "sdq-p4-17",
                                                 instruments: catalog), sink: CollectingSink())
        #expect(report.analysis.occasions == ["T1", "F1", "T2"])
        let means = try emotionMeans(report)
        #expect(means[0] == 6 && means[1] == 5.5)
        let row = try #require(CourseCSVRenderer(report: report).long.rows.first { $0[0] == "a" && $0[5] == "F1" && $0[4] == "pemotion" })
        #expect(row[1] == "5A" && row[2] == "pige")
        let missing = expectFailure { () throws(KortlaegError) in
            try AnalyseCourse.run(.init(source: .files(files), instrument: "sdq-p4-17", instruments: catalog, occasions: ["T1", "F2", "T2"]),
                                  sink: CollectingSink())
        }
        #expect(missing?.message == "--occasions names F2, but no score file is given for it (--occasion F2=FILE).")
    }

    /// Several score files for one occasion (one per class) are read as one. T1: t1-5A.csv holds
    /// a 2, b 4, c 6 (class 5A), t1-5B.csv d 8, e 10, f 6 and again c 7 (class 5B, its row 4);
    /// F1: one file, 1 4 5 8 9 6; T2: t2-5A.csv a 0, b 2, c 4 and t2-5B.csv d 6, e 8, f 6.
    /// By hand: c is twice at T1 (t1-5A.csv row 3 and t1-5B.csv row 4), so it is a duplicate there
    /// and left out: T1 has 5 children with mean (2 + 4 + 8 + 10 + 6) / 5 = 6; F1 6 children, mean
    /// 33 / 6 = 5.5, 5 of them paired with T1; T2 6 children, mean 26 / 6. c counts in class 5A
    /// (its first row); 5A has 1 duplicate at T1, 5B none.
    @Test func severalFilesForOneOccasionAreReadAsOne() throws {
        func file(_ name: String, _ rows: [(String, String, Int)]) throws -> String {
            try write((["id,klasse,koen,pemotion,status"] + rows.map { "\($0.0),\($0.1),pige,\($0.2),complete" }).joined(separator: "\n") + "\n", name)
        }
        let t1a = try file("t1-5A.csv", [("a", "5A", 2), ("b", "5A", 4), ("c", "5A", 6)])
        let t1b = try file("t1-5B.csv", [("d", "5B", 8), ("e", "5B", 10), ("f", "5B", 6), ("c", "5B", 7)])
        let f1 = try file("f1.csv", zip(Self.children, [1, 4, 5, 8, 9, 6]).map { ($0, ["a", "b", "c"].contains($0) ? "5A" : "5B", $1) })
        let t2a = try file("t2-5A.csv", [("a", "5A", 0), ("b", "5A", 2), ("c", "5A", 4)])
        let t2b = try file("t2-5B.csv", [("d", "5B", 6), ("e", "5B", 8), ("f", "5B", 6)])
        let files: [AnalyseCourse.OccasionFile] = [.init(occasion: "T1", path: t1a), .init(occasion: "T1", path: t1b),
                                                   .init(occasion: "F1", path: f1), .init(occasion: "T2", path: t2a),
                                                   .init(occasion: "T2", path: t2b)]
        let sink = CollectingSink()
        let report = try AnalyseCourse.run(.init(source: .files(files), instrument: "sdq-p4-17", instruments: catalog, groupBy: "klasse"),
                                           sink: sink)
        #expect(report.analysis.occasions == ["T1", "F1", "T2"])
        #expect(report.analysis.duplicates == [["c"], [], []])
        #expect(report.analysis.followUps[0].pairing.pairs.count == 5)
        let overall = try AnalyseCourse.run(.init(source: .files(files), instrument: "sdq-p4-17", instruments: catalog), sink: CollectingSink())
        let means = try emotionMeans(overall)
        #expect(means[0] == 6 && means[1] == 5.5 && abs((means[2] ?? 0) - 26.0 / 6.0) < 1e-12)
        let groups = Dictionary(uniqueKeysWithValues: report.analysis.groups.map { ($0.name, $0.duplicates) })
        #expect(groups == ["5A": [1, 0, 0], "5B": [0, 0, 0]])
        // The duplicate's rows, by file and row (the id is not repeated).
        #expect(report.notes.contains(.duplicateRows(occasion: "T1", children: [[.init(file: t1a, row: 3), .init(file: t1b, row: 4)]])))
        #expect(report.notes.contains(.scoreFiles(occasion: "T1", files: 2, rows: 7, sites: [])))
        #expect(sink.text.contains("duplicates (not paired): T1: 1 (5A: 1)"), "\(sink.text)")
        #expect(sink.text.contains("duplicates at T1 (the same id more than once, not paired): 1 child — \(t1a) row 3 and \(t1b) row 4"))
        #expect(CourseTextRenderer(report: report).text.contains("Bemærk: dubletter ved T1 (samme id flere gange, ikke parret): 1 barn — \(t1a) række 3 og \(t1b) række 4"))
        // The same file twice for one occasion is a mistake, not a duplicate of every child.
        let twice = expectFailure { () throws(KortlaegError) in
            try AnalyseCourse.run(.init(source: .files(files + [.init(occasion: "T1", path: t1a)]), instrument: "sdq-p4-17",
                                        instruments: catalog), sink: CollectingSink())
        }
        #expect(twice?.severity == .usage && twice?.message == "\(t1a) is given twice for T1; give each score file once.")
    }
}

/// The project default of `--reliability sample`: at least 50 complete T1 responses and no
/// `--reliability` given. numpy (Cronbach's alpha k/(k−1)·(1 − Σ var_i / var_total), ddof = 1) on
/// the emotional items of ``SampleReliabilityUseCaseTests/answers(_:)`` for i in 0…49 with 50 in
/// place of 11: α = 0.13640238704177327.
struct SampleReliabilityDefaultTests {
    /// `completeT1` complete responses (response 11, which lacks 'worries', replaced by response 50).
    func project(completeT1: Int) throws -> String {
        let (path, project) = try makeProject()
        let t1 = (0..<completeT1).map { parentSDQ("c\($0)", .initial, SampleReliabilityUseCaseTests.answers($0 == 11 ? 50 : $0), row: $0 + 1) }
        try store(t1, as: "t1.csv", in: project)
        try store((0..<5).map { parentSDQ("c\($0)", .final, SampleReliabilityUseCaseTests.answers($0 + 3), row: $0 + 1) }, as: "t2.csv", in: project)
        return path
    }

    func run(_ path: String) throws -> ProgressReport {
        try AnalyseProgress.run(.init(source: .project(path), instrument: "sdq-p4-17", instruments: catalog), sink: CollectingSink())
    }

    func sampleNotes(_ report: ProgressReport) -> [ProgressNote] {
        report.notes.filter { if case .sampleAlpha = $0 { true } else { false } }
    }

    /// 49 complete responses: not used, no RCI reliability.
    @Test func fortyNineCompleteResponsesAreNotEnough() throws {
        let report = try run(try project(completeT1: 49))
        #expect(sampleNotes(report).isEmpty)
        #expect(report.analysis.scores.allSatisfy { $0.reliability == nil })
    }

    /// 50 complete responses: used, and the note says the tool chose it.
    @Test func fiftyCompleteResponsesAreUsedByDefault() throws {
        let report = try run(try project(completeT1: 50))
        let emotion = try #require(report.analysis.scores.first { $0.definition.id == "emotion" })
        #expect(abs((emotion.reliability ?? 0) - 0.13640238704177327) < 1e-9)
        #expect(emotion.reliabilitySource.hasPrefix("Cronbach's alpha from the T1 sample, n = 50, 5 items"))
        let notes = sampleNotes(report)
        #expect(!notes.isEmpty && notes.allSatisfy { if case let .sampleAlpha(_, _, _, n, _, _, _, byDefault) = $0 { n == 50 && byDefault } else { false } })
        // A reliability given by the user switches the default off.
        let given = try AnalyseProgress.run(.init(source: .project(try project(completeT1: 50)), instrument: "sdq-p4-17", instruments: catalog,
                                                  settings: ProgressSettings(reliabilities: [.init(score: "pemotion", value: 0.7)])),
                                            sink: CollectingSink())
        #expect(sampleNotes(given).isEmpty)
        #expect(given.analysis.scores.first { $0.definition.id == "emotion" }?.reliability == 0.7)
    }
}

/// `export --project … --reliability sample --sd pebdtot=5`: the RCI of total difficulties uses
/// Cronbach's alpha of its 20 items at T1 (numpy/scipy on these answers, KortlaegProgressTests/
/// SampleReliabilityTests: α = 0.56191035698241, n 11), RCI = (T2 − T1) / (5·√(2(1 − α)))
/// (Jacobson & Truax 1991), and the codebook names the source.
@Suite(.serialized) struct ExportSampleReliabilityTests {
    @Test func projectExportTakesTheReliabilityFromTheT1Sample() throws {
        let (path, project) = try makeProject()
        try store((0..<12).map { parentSDQ("c\($0)", .initial, SampleReliabilityUseCaseTests.answers($0), row: $0 + 1) }, as: "t1.csv", in: project)
        try store((0..<12).map { parentSDQ("c\($0)", .final, SampleReliabilityUseCaseTests.answers(($0 + 5) % 12), row: $0 + 1) },
                  as: "t2.csv", in: project)
        let output = try useCaseFolder().appendingPathComponent("sample.csv").path
        var request = ExportRequest(source: .project(path, instruments: ["sdq-p4-17"]), catalog: repositoryInstruments, format: .csv,
                                    includeItems: false, output: output, salt: .named("eval"), operator: "KB", tool: "kortlaeg test")
        var settings = ProgressSettings(standardDeviations: [.init(score: "pebdtot", value: 5)])
        settings.reliabilityFromSample = true
        request.reliableChange = settings
        _ = try ExportUseCase.run(request, sink: CollectingSink())
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        let sDiff = 5 * (2 * (1 - 0.56191035698241)).squareRoot()
        var checked = 0
        for row in rows {
            guard let t1 = Double(row["pebdtot_t1"] ?? ""), let t2 = Double(row["pebdtot_t2"] ?? "") else { continue }
            let rci = try #require(Double(row["pebdtot_rci"] ?? ""))
            #expect(abs(rci - (t2 - t1) / sDiff) < 1e-9)
            checked += 1
        }
        #expect(checked >= 10)
        let ddi = try String(contentsOfFile: output + ".codebook.xml", encoding: .utf8)
        #expect(ddi.contains("RCI pebdtot: r = 0.5619103569824"))
        #expect(ddi.contains("alpha from the T1 sample, n = 11, 20 items"))
    }
}
