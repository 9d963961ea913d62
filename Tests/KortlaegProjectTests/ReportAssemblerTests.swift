import Foundation
import KortlaegDomain
import KortlaegReports
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// The one assembler: the same data give the same report whether they come from score files or
/// from the store. Scores by hand in ``ReportFixture``.
@Suite(.serialized) struct ReportAssemblerTests {
    @Test func scoreFilesAndTheStoreGiveTheSameProfile() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let catalog = repositoryInstruments
        let instrument = try catalog.resolve("sdq-p4-17@1.0.0")
        let store = try SQLiteProjectStore.open(at: project)
        let pseudonym = try store.pseudonym(for: ReportFixture.childA)

        // The same parent scores as score files, the child under its pseudonym.
        let t1 = folder.appendingPathComponent("T1.csv"), t2 = folder.appendingPathComponent("T2.csv")
        try ReportFixture.scoreFile(t1, instrument: instrument, rows: [(pseudonym, ReportFixture.allOnes, "complete")])
        try ReportFixture.scoreFile(t2, instrument: instrument, rows: [(pseudonym, ReportFixture.allZeros, "complete")])
        let files = [ScoreFileInput(path: t1.path, occasion: "T1", instrument: instrument),
                     ScoreFileInput(path: t2.path, occasion: "T2", instrument: instrument)]
        let fromFiles = try ReportObservation.rows(of: files, occasions: ["T1", "T2"], idColumn: "barn_id")

        var stored: [ReportObservation] = []
        try store.responses(ResponseQuery(child: pseudonym)) { stored.append(try ReportObservation($0, catalog: catalog)) }
        let parentOnly = stored.filter { $0.informant == .parent }

        let assembler = ReportAssembler(catalog: catalog, language: .danish, bandTableID: nil)
        let a = try assembler.childReport(fromFiles, label: "A", subtitle: "")
        let b = try assembler.childReport(parentOnly, label: "A", subtitle: "")
        #expect(a.sections == b.sections)
        #expect(a.occasions == ["T1", "T2"])
        guard case let .profiles(profiles) = a.sections.first?.content else { Issue.record("no profile section"); return }
        let emotion = try #require(profiles.first?.scores.first)
        #expect(emotion.label == "Score for følelsesmæssige symptomer")
        #expect(emotion.values == ["T1": 5, "T2": 0])
        #expect(emotion.bands.map(\.label) == ["normalt", "grænseområde", "afvigende"])
        #expect(profiles.first?.bandTable == "Oprindelig inddeling i tre bånd")

        // The class report of the same data is the same too (one child: every cell suppressed).
        #expect(try assembler.classReport(fromFiles, label: "4.b").scores == (try assembler.classReport(parentOnly, label: "4.b").scores))
    }

    /// Sections come from the instrument files: the SDQ profile (every SDQ file's heading), the
    /// well-being answers, in that order, also when the child answered no well-being question.
    @Test func sectionsComeFromTheInstrumentFiles() throws {
        let catalog = repositoryInstruments
        let parent = try catalog.resolve("sdq-p4-17@1.0.0")
        let observation = ReportObservation(child: "x", occasion: "T1", order: 0, informant: .parent, instrument: parent,
                                            scores: ReportFixture.allOnes.mapValues { Optional($0) }, answers: [:])
        let report = try ReportAssembler(catalog: catalog, language: .english, bandTableID: nil)
            .childReport([observation], label: "x", subtitle: "")
        #expect(report.sections.map(\.heading) == ["SDQ profile", "Well-being"])
        #expect(report.sections.last?.content == .answers([]))
        #expect(report.goals.isEmpty)
    }

    /// `uk-4band` draws four bands with the four-band table's own words (youthinmind's newer
    /// categorisation; the instrument file's labels).
    @Test func aChosenBandTableGivesItsOwnBands() throws {
        let catalog = repositoryInstruments
        let parent = try catalog.resolve("sdq-p4-17@1.0.0")
        let observation = ReportObservation(child: "x", occasion: "T1", order: 0, informant: .parent, instrument: parent,
                                            scores: ReportFixture.allOnes.mapValues { Optional($0) }, answers: [:])
        let report = try ReportAssembler(catalog: catalog, language: .danish, bandTableID: "uk-4band")
            .childReport([observation], label: "x", subtitle: "")
        guard case let .profiles(profiles) = report.sections.first?.content else { Issue.record("no profile section"); return }
        let emotion = try #require(profiles.first?.scores.first { $0.label == "Score for følelsesmæssige symptomer" })
        #expect(emotion.bands.map(\.label) == ["tæt på gennemsnittet", "let forhøjet", "højt", "meget højt"])
        // The score id pairs the informants' versions of a score (disagreements).
        #expect(emotion.scoreID == "emotion" && emotion.key == "emotion")
        #expect(profiles.first?.bandTable == "Nyere inddeling i fire bånd")
        let html = try ReportRenderer.html(report)
        // Emotion 5 is "højt" (5–6), total 20 "meget højt" (20–40), prosocial 5 "meget lavt" (0–5).
        #expect(html.contains("<tr><td>Score for følelsesmæssige symptomer</td><td class=\"num\">5</td><td>højt</td></tr>"))
        #expect(html.contains("<tr><td>Samlet problemscore</td><td class=\"num\">20</td><td>meget højt</td></tr>"))
        #expect(html.contains("meget højt / meget lavt</span>"))

        #expect(throws: KortlaegError.self) {
            try ReportAssembler(catalog: catalog, language: .danish, bandTableID: "uk-9band").childReport([observation], label: "x", subtitle: "")
        }
    }

    /// Goals are the instrument's declared pairs: a rating scored on its item's codes (1–5) and the
    /// latest text, whatever the items are called.
    @Test func goalsComeFromTheDeclaredPairs() throws {
        let base = try repositoryInstruments.resolve("kv-maal@0.1.0")
        var renamed = base
        renamed.items = base.items.map { item in
            var item = item
            item.id = ["maal_faglig": "tekst_a", "maal_faglig_status": "vurdering_a", "maal_trivsel": "tekst_b",
                       "maal_trivsel_status": "vurdering_b"][item.id] ?? item.id
            return item
        }
        renamed.scales = []
        renamed.goals = [Goal(text: "tekst_a", rating: "vurdering_a"), Goal(text: "tekst_b", rating: "vurdering_b")]
        let catalog = try InstrumentCatalog(instruments: [renamed])
        func observation(_ occasion: String, _ order: Int, _ answers: [String: AnswerValue]) -> ReportObservation {
            ReportObservation(child: "x", occasion: occasion, order: order, informant: .professional, instrument: renamed,
                              scores: [:], answers: answers)
        }
        let report = try ReportAssembler(catalog: catalog, language: .danish, bandTableID: nil).childReport([
            observation("F1", 1, ["tekst_a": .text("Læse højt"), "vurdering_a": .code(4)]),
            observation("T1", 0, ["tekst_a": .text("Læse"), "vurdering_a": .code(2), "vurdering_b": .code(9)]),
        ], label: "x", subtitle: "")
        #expect(report.goals == [
            // The ratings also by their answer labels (kv-goal-progress: 2 "Lidt fremgang", 4 "Stor fremgang").
            ChildReport.Goal(text: "Læse højt", ratings: ["T1": 2, "F1": 4], scaleMaximum: 5,
                             ratingLabels: ["T1": "Lidt fremgang", "F1": "Stor fremgang"]),
            // No text given: the text item's label; 9 is not a code of the rating scale.
            ChildReport.Goal(text: "Trivselsmål (fritekst)", ratings: [:], scaleMaximum: 5),
        ])
        #expect(report.occasions == ["T1", "F1"])
    }
}
