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
        // At T1 the parent's emotion 5, conduct 5 and total 20 are abnormal (5–10, 4–10, 17–40), the
        // teacher's 0, 2 and 10 normal (teacher 0–4, 0–2, 0–11): two band levels apart, flagged at T1.
        let flag = "<span class=\"flag\"><span aria-hidden=\"true\">!</span> <span class=\"sr\">uenighed ved</span> T1</span>"
        #expect(html.contains("<tr class=\"disagree\"><td>Score for følelsesmæssige symptomer \(flag)</td><td class=\"num disagree\">5</td><td class=\"num\">0</td><td>normalt</td></tr>"))
        #expect(html.contains("<tr class=\"disagree\"><td>Samlet problemscore \(flag)</td><td class=\"num disagree\">20</td><td class=\"num\">10</td><td>normalt</td></tr>"))
        #expect(html.contains("<li>Score for følelsesmæssige symptomer, T1: forælder 5 (afvigende) – men lærer/pædagog 0 (normalt).</li>"))
        #expect(html.contains("<li>Score for adfærdsmæssige symptomer, T1: forælder 5 (afvigende) – men lærer/pædagog 2 (normalt).</li>"))
        #expect(html.contains("<li>Samlet problemscore, T1: forælder 20 (afvigende) – men lærer/pædagog 10 (normalt).</li>"))
        // Prosocial: parent 5 borderline (1), teacher 0 abnormal (2): one level, not flagged.
        #expect(!html.contains("<li>Score for sociale styrkesider, T1"))
        #expect(html.contains("<tr><td>Score for sociale styrkesider</td><td class=\"num\">5</td><td class=\"num\">0</td><td>afvigende</td></tr>"))
        // Teacher T1, every item 0: total 10, normal (teacher 0–11).
        #expect(html.contains("<figcaption>Lærer/pædagog</figcaption>"))
        #expect(html.contains("<tr class=\"disagree\"><td>Samlet problemscore \(flag)</td><td class=\"num disagree\">10</td><td>normalt</td></tr>"))
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

    // MARK: - Parent version, views, labels, trivsel (issue 16)

    /// Child A (``ReportFixture``): parent emotion 5 at T1 (abnormal) and 0 at T2 (normal); parent
    /// prosocial 5 (borderline) → 0 (abnormal); teacher T1 prosocial 0 (abnormal, teacher 0–3).
    @Test func theParentVersionIsPlainAndRecorded() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let page = folder.appendingPathComponent("til-foraeldre.html").path
        var parent = try request(.project(project), .child(ReportFixture.childA, label: nil), output: page)
        parent.audience = .parent
        let result = try ReportUseCase.run(parent, sink: CollectingSink())
        let store = try SQLiteProjectStore.open(at: project)
        let pseudonym = try store.pseudonym(for: ReportFixture.childA)
        let html = result.html
        #expect(html.contains("<h1>Sådan går det for \(shortLabel(pseudonym))</h1>"))
        #expect(html.contains("<li><strong>Følelsesmæssige symptomer</strong>: som hos de fleste børn (ifølge forældrene og skolen) – bedre end ved første kortlægning</li>"))
        #expect(html.contains("<li><strong>Sociale styrkesider</strong>: færre end hos de fleste børn (ifølge forældrene og skolen) – sværere end ved første kortlægning</li>"))
        // The goal, its ratings by their labels (kv-maal: 2 "Lidt fremgang", 4 "Stor fremgang").
        #expect(html.contains("<tr><td>\(ReportFixture.revisedGoal)</td><td>Lidt fremgang</td><td>Stor fremgang</td></tr>"))
        for jargon in ["sdq-p4-17", "@1.0.0", "pemotion", "pprosoc", "uk-3band", "Oprindelig inddeling", "afvigende", "<svg"] {
            #expect(!html.contains(jargon), "\(jargon)")
        }
        #expect(!CPRNumber.containsCPR(html))
        let entry = try #require(try store.auditLog().last)
        #expect(entry.action == .report)
        #expect(entry.summary == "report child \(pseudonym) (parent version): 6 responses (T1, F1, T2) to til-foraeldre.html")
    }

    /// A page shown in the browser is the `view` action; the staff's own label joins the heading.
    @Test func aViewInTheBrowserIsRecordedAsView() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let pseudonym = try SQLiteProjectStore.open(at: project).pseudonym(for: ReportFixture.childA)
        try ChildLabels.set(project: project, pseudonym: pseudonym, label: "Anna", operator: "KB")
        for audience in ReportRequest.Audience.allCases {
            var view = try request(.project(project), .child(pseudonym, label: nil))
            view.shownIn = "the browser"
            view.recordAsView = true
            view.audience = audience
            let result = try ReportUseCase.run(view, sink: CollectingSink())
            let entry = try #require(try SQLiteProjectStore.open(at: project).auditLog().last)
            #expect(entry.action == .view)
            #expect(entry.summary.hasPrefix("view child \(pseudonym)") && entry.summary.hasSuffix("to the browser"))
            #expect(result.html.contains(audience == .parent ? "<h1>Sådan går det for Anna</h1>" : "<h1>Kortlægning: \(shortLabel(pseudonym)) (Anna)</h1>"))
        }
    }

    /// The class 4.b at Aabybro Skole: the school's 4. klasse across three school years; the 2019
    /// group has 4 pupils and is not shown (n<5), the 5. klasse is another trin.
    @Test func theClassReportShowsItsTrivselAcrossYears() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let before = try request(.project(project), .group("4.b", school: nil))
        #expect(!(try ReportUseCase.run(before, sink: CollectingSink())).html.contains("Trivselsmåling over årene"))
        let file = folder.appendingPathComponent("trivsel.csv")
        try """
            År;Skolenavn;Trin;Antal elever;Social trivsel;Faglig trivsel
            2017;Aabybro Skole;4. klasse;22;4,0;3,8
            2018;Aabybro Skole;4. klasse;24;4,2;
            2018;Aabybro Skole;5. klasse;30;2,5;2,5
            2019;Aabybro Skole;4. klasse;4;3,0;3,0

            """.write(to: file, atomically: true, encoding: .utf8)
        _ = try StoreTrivselResults.run(.init(project: project, files: [file.path], operator: "KB", indicators: TrivselIndicators(catalog: catalog)),
                                        sink: CollectingSink())
        let html = try ReportUseCase.run(before, sink: CollectingSink()).html
        #expect(html.contains("<h2>Trivselsmåling over årene</h2>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">2016/17</th><th scope=\"col\" class=\"num\">2017/18</th><th scope=\"col\" class=\"num\">2018/19</th>"))
        #expect(html.contains("<td class=\"num\">4,0 (n=22)</td><td class=\"num\">4,2 (n=24)</td><td class=\"num\">n&lt;5</td>"))
        #expect(!html.contains("2,5"))
        // The school given with the class picks the same results.
        let other = try ReportUseCase.run(try request(.project(project), .group("4.b", school: "Aabybro Skole")), sink: CollectingSink()).html
        #expect(other.contains("4,0 (n=22)"))
    }
}
