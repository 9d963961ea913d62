import KortlaegTestSupport
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

struct RescoreTests {
    @Test func unchangedInstrumentsChangeNothing() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1")], options: importOptions())
        var changes: [ScoreChange] = []
        let summary = try store.rescore(instruments: try catalog(), operator: "tester", dryRun: false) { changes.append($0) }
        #expect(summary.responses == 1 && summary.changedScores == 0 && changes.isEmpty)
        #expect(try store.auditLog().last?.action == .rescore)
    }

    @Test func aCorrectedRuleIsReportedAndStored() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1", code: 1)], options: importOptions())
        // A "corrected" instrument file: the emotion scale loses one item.
        var instrument = try catalog().resolve("sdq-p4-17@1.0.0")
        let index = try #require(instrument.scales.firstIndex { $0.id == "emotion" })
        instrument.scales[index].items.removeLast()
        let corrected = try InstrumentCatalog(instruments: [instrument])
        var changes: [ScoreChange] = []
        let summary = try store.rescore(instruments: corrected, operator: "tester", dryRun: false) { changes.append($0) }
        #expect(summary.changedResponses == 1)
        let emotion = try #require(changes.first { $0.score == "pemotion" })
        let pseudonym = try store.pseudonym(for: "barn-1")
        #expect(emotion.old == 5 && emotion.new == 4 && emotion.occasion == "T1" && emotion.pseudonym == pseudonym)
        // Stored: a second run reports nothing.
        var again: [ScoreChange] = []
        _ = try store.rescore(instruments: corrected, operator: "tester", dryRun: false) { again.append($0) }
        #expect(again.isEmpty)
    }
}
