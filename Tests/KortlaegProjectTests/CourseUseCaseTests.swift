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
