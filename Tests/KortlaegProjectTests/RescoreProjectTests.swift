import Foundation
@testable import KortlaegDomain
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `RescoreProject`: unchanged instruments change nothing; a corrected band table changes the
/// stored band of every score it moves, and a dry run stores nothing.
@Suite struct RescoreProjectTests {
    @Test func unchangedInstrumentsChangeNothing() throws {
        let (path, project) = try makeProject()
        try store([parentSDQ("a", .initial, emotion(5))], as: "t1.csv", in: project)
        var changes: [ScoreChange] = []
        let sink = CollectingSink()
        let summary = try RescoreProject.run(.init(project: path, instruments: catalog, operator: "tester"), sink: sink) {
            changes.append($0)
        }
        #expect(summary.responses == 1 && summary.changedScores == 0 && changes.isEmpty)
        #expect(sink.text == "rescored 1 responses; 0 scores changed in 0 responses")
    }

    /// Emotional symptoms 5 is "abnormal" in the UK 3-band table (5–10); with the normal band
    /// widened to 0–5 (a made-up correction) it is "normal": one changed score, value unchanged.
    @Test func aCorrectedBandIsReportedAndADryRunStoresNothing() throws {
        let (path, project) = try makeProject()
        try store([parentSDQ("a", .initial, emotion(5))], as: "t1.csv", in: project)
        var instruments = catalog.entries.map(\.instrument)
        let index = try #require(instruments.firstIndex { $0.reference == InstrumentReference(id: "sdq-p4-17", version: "1.0.0") })
        let table = try #require(instruments[index].bandTables?.firstIndex { $0.id == "uk-3band" })
        instruments[index].bandTables?[table].scores["emotion"]?.bands = [
            BandTable.Band(minimum: 0, maximum: 5, minimumExclusive: nil, label: "normal", level: 0),
            BandTable.Band(minimum: 6, maximum: 6, minimumExclusive: nil, label: "borderline", level: 1),
            BandTable.Band(minimum: 7, maximum: 10, minimumExclusive: nil, label: "abnormal", level: 2),
        ]
        let corrected = try InstrumentCatalog(instruments: instruments)
        let digest = try project.contentDigest()
        var changes: [ScoreChange] = []
        let sink = CollectingSink()
        try RescoreProject.run(.init(project: path, instruments: corrected, operator: "tester", dryRun: true), sink: sink) {
            changes.append($0)
        }
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.score == "pemotion" && change.old == 5 && change.new == 5 && change.occasion == "T1")
        #expect(change.oldBands?.contains("uk-3band=abnormal") == true && change.newBands?.contains("uk-3band=normal") == true)
        #expect(change.pseudonym == (try project.pseudonym(for: "a")))
        #expect(sink.text == "dry run, nothing stored: rescored 1 responses; 1 scores changed in 1 responses")
        #expect(try project.contentDigest() == digest)
    }
}
