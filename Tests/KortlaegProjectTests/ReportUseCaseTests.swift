import Foundation
import KortlaegDomain
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `ReportUseCase` without the binary: scores by hand in ``ReportFixture``.
@Suite(.serialized) struct ReportUseCaseTests {
    static let date = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    func request(_ source: ReportRequest.Source, _ subject: ReportRequest.Subject, output: String? = nil,
                 language: Language = .danish) throws -> ReportRequest {
        ReportRequest(source: source, subject: subject, catalog: repositoryInstruments, language: language, output: output,
                      operator: "KB", date: Self.date)
    }

    @Test func childReportFromTheProjectIsWrittenAndRecorded() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let page = folder.appendingPathComponent("barn.html").path
        let sink = CollectingSink()
        let result = try ReportUseCase.run(try request(.project(project), .child(ReportFixture.childA, label: nil), output: page), sink: sink)
        let store = try SQLiteProjectStore.open(at: project)
        let pseudonym = try store.pseudonym(for: ReportFixture.childA)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html == result.html)
        #expect(sink.text == "wrote \(page)")
        #expect(html.contains("<h1>Kortlægning: \(shortLabel(pseudonym))</h1>"))
        #expect(html.contains("<p class=\"meta\">Skrevet 2026-05-28 · Jammerbugt · TIIS</p>"))
        // Sections in order: the SDQ profile, the well-being answers, the goals.
        let profile = try #require(html.range(of: "<h2>SDQ-profil</h2>")), wellBeing = try #require(html.range(of: "<h2>Trivsel</h2>"))
        let goals = try #require(html.range(of: "<h2>Mål</h2>"))
        #expect(profile.lowerBound < wellBeing.lowerBound && wellBeing.lowerBound < goals.lowerBound)
        // Parent: emotion 5 → 0 (normal at T2), total 20 → 10 (normal), prosocial 5 → 0 (abnormal).
        #expect(html.contains("<tr><td>Score for følelsesmæssige symptomer</td><td class=\"num\">5</td><td class=\"num\">0</td><td>normalt</td></tr>"))
        #expect(html.contains("<tr><td>Samlet problemscore</td><td class=\"num\">20</td><td class=\"num\">10</td><td>normalt</td></tr>"))
        #expect(html.contains("<tr><td>Score for sociale styrkesider</td><td class=\"num\">5</td><td class=\"num\">0</td><td>afvigende</td></tr>"))
        // Teacher T1, every item 0: total 10, normal (teacher 0–11).
        #expect(html.contains("<figcaption>Lærer/pædagog</figcaption>"))
        #expect(html.contains("<tr><td>Samlet problemscore</td><td class=\"num\">10</td><td>normalt</td></tr>"))
        // The legend: the three band labels of uk-3band, the words of the cells.
        #expect(html.contains("</i>normalt</span>") && html.contains("</i>grænseområde</span>") && html.contains("</i>afvigende</span>"))
        // Well-being answers by their labels (4 = "Tit", 2 = "Sjældent") in the T1 column of T1, F1, T2.
        #expect(html.contains("<tr><td>Er du glad for din skole?</td><td>Tit</td><td>–</td><td>–</td></tr>"))
        // The goal: the revised text of F1, rated 2 at T1 and 4 at F1 (of 5).
        #expect(html.contains("<tr><td>\(ReportFixture.revisedGoal)</td><td class=\"num\">2 / 5</td><td class=\"num\">4 / 5</td><td class=\"num\">–</td></tr>"))
        #expect(!html.contains(ReportFixture.firstGoal + "<"))
        #expect(!CPRNumber.containsCPR(html))
        // Recorded by pseudonym.
        let entry = try #require(try store.auditLog().last)
        #expect(entry.action == .report && entry.operator == "KB")
        #expect(entry.summary == "report child \(pseudonym): 6 responses (T1, F1, T2) to barn.html")
        #expect(result.auditSummary == entry.summary)
    }

    @Test func toStandardOutputTheAuditEntryComesFirst() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let result = try ReportUseCase.run(try request(.project(project), .group("4.b", school: "Aabybro Skole"), language: .english),
                                           sink: CollectingSink())
        #expect(result.output == nil)
        #expect(result.html.contains("<h1>Class overview: 4.b, Aabybro Skole</h1>"))
        // Parent emotion at T1: five children with 5 → n 5, mean 5, all abnormal; T2: one child → suppressed.
        #expect(result.html.contains("<h2>Parent: Emotional symptoms</h2>"))
        #expect(result.html.contains("<tr><td>T1</td><td class=\"num\">5</td><td class=\"num\">5</td><td class=\"num\">0 %</td><td class=\"num\">0 %</td><td class=\"num\">100 %</td></tr>"))
        #expect(result.html.contains("<tr><td>T2</td><td class=\"num\" colspan=\"5\">n &lt; 5</td></tr>"))
        let entry = try #require(try SQLiteProjectStore.open(at: project).auditLog().last)
        #expect(entry.summary == "report class 4.b at Aabybro Skole: 5 children, 10 responses (T1, F1, T2) to stdout")
    }

    /// A report that cannot be recorded is removed: data never leave a project unrecorded.
    @Test func aReportThatCannotBeRecordedIsRemoved() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let page = folder.appendingPathComponent("barn.html").path
        let store = AuditFailingStore(try SQLiteProjectStore.open(at: project))
        let sink = CollectingSink()
        let request = try request(.project(project), .child(ReportFixture.childA, label: "Barn A"), output: page)
        let error = try #require(throws: KortlaegError.self) { try ReportUseCase.fromProject(store, request, sink: sink) }
        #expect(error.severity == .cannotWrite)
        #expect(error.message == "The report could not be recorded in the project's audit log (disk full); it was removed.")
        #expect(!FileManager.default.fileExists(atPath: page))
        // Standard output: nothing is returned either.
        var toStdout = request
        toStdout.output = nil
        #expect(throws: KortlaegError.self) { try ReportUseCase.fromProject(store, toStdout, sink: sink) }
    }

    @Test(arguments: [
        (ReportRequest.Subject.child("121212-1212", label: nil), Severity.notFound, "No child in the project matches"),
        (.group("4.b", school: "Andet Sted"), .invalidInput, "no stored responses for class '4.b' at 'Andet Sted'"),
        (.group("0101901234", school: nil), .usage, "CPR-shaped number"),
    ])
    func problemsAreNamedWithoutTheIdGiven(subject: ReportRequest.Subject, severity: Severity, message: String) throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let error = try #require(throws: KortlaegError.self) { try ReportUseCase.run(try request(.project(project), subject), sink: CollectingSink()) }
        #expect(error.severity == severity)
        #expect(error.message.contains(message), "\(error.message)")
        #expect(!error.message.contains("1212") && !error.message.contains("0101901234"))
        #expect(try SQLiteProjectStore.open(at: project).auditLog().allSatisfy { $0.action != .report })
    }

    @Test func childReportFromScoreFiles() throws {
        let folder = try useCaseFolder()
        let parent = try repositoryInstruments.resolve("sdq-p4-17")
        let t1 = folder.appendingPathComponent("T1.csv"), t2 = folder.appendingPathComponent("T2.csv")
        try ReportFixture.scoreFile(t1, instrument: parent, rows: [("barn-1", ReportFixture.allOnes, "complete"), ("barn-2", ReportFixture.allZeros, "complete")])
        try ReportFixture.scoreFile(t2, instrument: parent, rows: [("barn-1", [:], "rejected")])
        let files = [ScoreFileInput(path: t1.path, instrument: parent), ScoreFileInput(path: t2.path, instrument: parent)]
        let result = try ReportUseCase.run(try request(.scoreFiles(files, idColumn: "barn_id"), .child("barn-1", label: nil)), sink: CollectingSink())
        #expect(result.auditSummary == nil)
        // T1, T2 by position; the rejected T2 row has no scores.
        #expect(result.html.contains("<h1>Kortlægning: barn-1</h1>"))
        #expect(result.html.contains("<tr><td>Score for følelsesmæssige symptomer</td><td class=\"num\">5</td><td class=\"num\">–</td><td>–</td></tr>"))
        #expect(result.html.contains("T2: ikke beregnet"))

        var error = try #require(throws: KortlaegError.self) {
            try ReportUseCase.run(try request(.scoreFiles(files, idColumn: "barn_id"), .child("barn-9", label: nil)), sink: CollectingSink())
        }
        #expect(error.severity == .notFound && error.message.contains("in none of the score files (column barn_id)"))
        let missing = [ScoreFileInput(path: folder.appendingPathComponent("T3.csv").path, instrument: parent)]
        error = try #require(throws: KortlaegError.self) {
            try ReportUseCase.run(try request(.scoreFiles(missing, idColumn: nil), .group("5.a", school: nil)), sink: CollectingSink())
        }
        #expect(error.severity == .notFound && error.message.hasSuffix("T3.csv: no such file."))
    }
}
