import Foundation
import KortlaegReaders
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite
import KortlaegTestSupport
import Testing
@testable import KortlaegProject

/// `ShowTrivsel` and `StoreTrivselResults`. Figures by hand from shared/specs/trivsel.md: groups
/// are combined pupil-weighted, groups under 5 pupils are left out, empty cells are absent.
private let indicators = TrivselIndicators(catalog: catalog)

@Suite struct ShowTrivselTests {
    /// Byskolen Social 2017/18: (20 × 4.1 + 30 × 3.6) / 50 = 3.8 (the 6. klasse has 4 pupils);
    /// Åskolen Social 2017/18: 3.9 with 2351 pupils. Both schools: (82 + 108 + 2351 × 3.9) / 2401.
    static let kommune = """
        År;Skolenavn;Trin;Antal elever;Social trivsel;Faglig trivsel
        2018;Byskolen;4. klasse;20;4,1;3,7
        2018;Byskolen;5. klasse;30;3,6;
        2018;Byskolen;6. klasse;4;2,0;2,0
        2018;Åskolen;4. klasse;2.351;3,9;3,5

        """

    static var national: String { instrumentsDirectory + "/trivsel/national-reference.json" }

    @Test func aFileIsCombinedPupilWeighted() throws {
        let file = try write(Self.kommune, "kommune.csv")
        let result = try ShowTrivsel.run(.init(source: .files([file]), school: "Bysk", nationalReference: Self.national, indicators: indicators),
                                          sink: CollectingSink())
        #expect(result.severity == .success)
        let report = result.overview.report
        #expect(report.school == "Byskolen")
        let social = try #require(report.cell(.social, SchoolYear(endYear: 2018))?.aggregate)
        #expect(abs(try #require(social.mean) - 3.8) < 1e-12 && social.pupils == 50 && social.suppressedGroups == 1)
        #expect(result.overview.municipality == nil, "a file is never compared with a municipality")
        #expect(result.overview.national?.years.isEmpty == false)
        #expect(result.overview.source == .files([file]))
    }

    @Test func unreadableCellsAreWarningsAndRowsRejected() throws {
        let file = try write("År;Skolenavn;Trin;Antal elever;Social trivsel\n2018;Byskolen;4. klasse;20;4,x\n", "bad.csv")
        let sink = CollectingSink()
        let result = try ShowTrivsel.run(.init(source: .files([file]), indicators: indicators), sink: sink)
        #expect(result.severity == .rowsRejected)
        #expect(sink.messages.map(\.kind) == [.warning, .warning])
        #expect(sink.messages.last?.text == "1 cell(s) could not be read and are shown as absent.")
    }

    @Test func aProjectShowsOneSchoolBesideTheMunicipality() throws {
        let (path, _) = try makeProject()
        let file = try write(Self.kommune, "kommune.csv")
        let stored = try StoreTrivselResults.run(.init(project: path, files: [file], operator: "tester", indicators: indicators), sink: CollectingSink())
        #expect(stored.severity == .success)
        let result = try ShowTrivsel.run(.init(source: .project(path), school: "Byskolen", indicators: indicators), sink: CollectingSink())
        let municipality = try #require(result.overview.municipality?.cell(.social, SchoolYear(endYear: 2018))?.aggregate)
        let expected: Double = (20 * 4.1 + 30 * 3.6 + 2351 * 3.9) / 2401
        let mean = try #require(municipality.mean)
        #expect(abs(mean - expected) < 1e-12)
        #expect(municipality.pupils == 2401)
        // The project keeps the files' names, not where they were.
        #expect(result.overview.source == .project(location: path, files: ["kommune.csv"], schools: 2))
    }

    @Test func selectionsThatPickOutNothingAreUsageErrors() throws {
        let file = try write(Self.kommune, "kommune.csv")
        for (request, message) in [
            (ShowTrivsel.Request(source: .files([file]), school: "Bysklen", indicators: indicators),
             "No school in the file matches --school 'Bysklen'. Did you mean 'Byskolen'?"),
            (ShowTrivsel.Request(source: .files([file]), grade: "9", indicators: indicators), "No results for --trin '9'; the file has 4. klasse, 5. klasse, 6. klasse."),
            (ShowTrivsel.Request(source: .files([file]), delimiter: "pipe", indicators: indicators), "Unknown --delimiter 'pipe'. Please use comma, semicolon or tab."),
        ] {
            do {
                _ = try ShowTrivsel.run(request, sink: CollectingSink())
                Issue.record("expected an error for \(request)")
            } catch {
                #expect(error.severity == .usage && error.message == message)
            }
        }
    }

    @Test func aProjectWithoutResultsIsNotFound() throws {
        let (path, _) = try makeProject()
        do {
            _ = try ShowTrivsel.run(.init(source: .project(path), indicators: indicators), sink: CollectingSink())
            Issue.record("expected an error")
        } catch {
            #expect(error.severity == .notFound && error.message.contains("holds no trivselsmåling results yet"))
        }
    }
}

/// `StoreTrivselResults`: one transaction per file, the same file once, conflicts until replaced,
/// and the worst file decides the outcome.
@Suite struct StoreTrivselResultsTests {
    @Test func theSameFileTwiceChangesNothingAndACorrectionConflicts() throws {
        let (path, project) = try makeProject()
        let file = try write(ShowTrivselTests.kommune, "kommune.csv")
        let sink = CollectingSink()
        // 4 rows; figures 2 + 1 + 2 + 2 = 7 (the empty Faglig cell is not stored); 2 schools.
        #expect(try StoreTrivselResults.run(.init(project: path, files: [file], operator: "tester", indicators: indicators), sink: sink).severity == .success)
        #expect(sink.messages.last?.text == "\(file): 4 rows read, 4 results stored (7 figures), 2 new schools, 0 problems")
        let again = CollectingSink()
        #expect(try StoreTrivselResults.run(.init(project: path, files: [file], operator: "tester", indicators: indicators), sink: again).severity == .success)
        #expect(again.messages.first?.text.contains("already imported") == true)

        let corrected = try write("År;Skolenavn;Trin;Antal elever;Social trivsel\n2018;Byskolen;4;21;4,2\n", "rettet.csv")
        let digest = try project.contentDigest()
        let conflict = CollectingSink()
        let result = try StoreTrivselResults.run(.init(project: path, files: [corrected, "/nonexistent/x.csv"], operator: "tester", indicators: indicators),
                                                 sink: conflict)
        #expect(result.files.map(\.severity) == [.conflict, .notFound])
        #expect(result.severity == .notFound, "a failure outranks a conflict")
        #expect(conflict.text.contains("line 2: Byskolen 4 2017/18 Social trivsel: already from kommune.csv"))
        #expect(try project.contentDigest() == digest)

        let replaced = try StoreTrivselResults.run(.init(project: path, files: [corrected], replace: true, operator: "KB", indicators: indicators),
                                                   sink: CollectingSink())
        #expect(replaced.severity == .success)
    }
}
