import Foundation
import GRDB
import KortlaegTestSupport
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// Schema v10 (issue 15): the SQLite store keeps answers of codes 0–9 and the scores in the short
/// forms of the layouts its scoring row keeps (``AnswerLayout``, ``ScoreLayout``). Every way out
/// of the store reads back the answers and scores that went in, as the full forms did.
struct ShortFormsTests {
    private func rawScores(_ store: SQLiteProjectStore) throws -> [String] {
        try store.dbQueue.read { db in try String.fetchAll(db, sql: "SELECT scores FROM response ORDER BY id") }
    }

    private func readScores(_ store: SQLiteProjectStore, ordered: Bool) throws -> [[StoredScore]] {
        var query = ResponseQuery()
        query.ordered = ordered
        var scores: [[StoredScore]] = []
        try store.responses(query) { scores.append($0.scores) }
        return scores
    }

    /// The scores of `record` as the scoring context computes them, in stored order: the oracle.
    private func expectedScores(_ record: StoredResponseInput) throws -> [StoredScore] {
        let context = try ScoringContext(instrument: try catalog().instrument(record.response.instrument), options: ScoringOptions())
        var decoder = ScoreDecoder()
        return try decoder.decode(context.encode(context.score(record.response))).map(StoredScore.init)
    }

    private func rawAnswers(_ store: SQLiteProjectStore) throws -> [String] {
        try store.dbQueue.read { db in try String.fetchAll(db, sql: "SELECT answers FROM response ORDER BY id") }
    }

    private func readAnswers(_ store: SQLiteProjectStore, ordered: Bool) throws -> [[String: AnswerValue]] {
        var query = ResponseQuery()
        query.ordered = ordered
        query.includeAnswers = true
        var answers: [[String: AnswerValue]] = []
        try store.responses(query) { answers.append($0.answers) }
        return answers
    }

    @Test func anImportKeepsShortAnswersThatReadBackUnchanged() throws {
        let store = try SQLiteProjectStore.inMemory()
        var record = parentRecord("barn-1", code: 2)
        record.response.answers.removeValue(forKey: "worries")
        _ = try store.importBatch(batch("a.csv"), records: [record], options: importOptions())
        let layout = try #require(AnswerLayout(itemIDs: try catalog().resolve("sdq-p4-17@1.0.0").items.map(\.id)))
        let kept = try store.dbQueue.read { db in try String.fetchAll(db, sql: "SELECT answerItems FROM scoring") }
        #expect(kept == [layout.stored])
        let raw = try rawAnswers(store)
        #expect(raw.count == 1 && raw[0].hasPrefix("~") && raw[0].utf8.count == layout.items.count + 1)
        #expect(raw[0].filter { $0 == "-" }.count == layout.items.count - record.response.answers.count, "the blank items")
        #expect(try readAnswers(store, ordered: true) == [record.response.answers])
        #expect(try readAnswers(store, ordered: false) == [record.response.answers])
        let scoreItems = try store.dbQueue.read { db in try String.fetchAll(db, sql: "SELECT scoreItems FROM scoring") }
        #expect(scoreItems.count == 1 && ScoreLayout(stored: scoreItems[0]) != nil)
        let scores = try rawScores(store)
        #expect(scores.count == 1 && scores[0].hasPrefix("~") && scores[0].utf8.count < 60)
        let expected = try expectedScores(record)
        #expect(expected.contains { $0.bands != nil } && expected.contains { $0.value != nil })
        #expect(try readScores(store, ordered: true) == [expected])
        #expect(try readScores(store, ordered: false) == [expected])
        #expect(try store.rowCounts()["score"] == expected.count)
        // The same answers from another file are unchanged, not a conflict: the stored short
        // answers were read back for the comparison.
        let outcome = try store.importBatch(batch("b.csv"), records: [record], options: importOptions())
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.unchanged == 1 && counts.conflicts == 0)
        #expect(try store.checkIntegrity(full: true).isEmpty)
    }

    /// A code above 9 or a text answer does not fit the short form: that response is JSON, the
    /// others short, and both read back.
    @Test func whatTheShortFormCannotHoldIsStoredAsJSON() throws {
        let store = try SQLiteProjectStore.inMemory()
        var big = parentRecord("barn-2", row: 2)
        big.response.answers["impdur"] = .code(12)
        let records = [parentRecord("barn-1", row: 1), big]
        let outcome = try store.importBatch(batch("a.csv"), records: records, options: importOptions())
        guard case .imported = outcome else { Issue.record("\(outcome)"); return }
        let raw = try rawAnswers(store)
        #expect(raw.count == 2 && raw[0].hasPrefix("~") && raw[1].hasPrefix("{"))
        var stored: [String: [String: AnswerValue]] = [:]
        var query = ResponseQuery()
        query.includeAnswers = true
        try store.responses(query) { stored[$0.child] = $0.answers }
        #expect(stored[try store.pseudonym(for: "barn-1")] == records[0].response.answers)
        #expect(stored[try store.pseudonym(for: "barn-2")] == big.response.answers)
    }

    /// A scoring row that keeps another layout (an older instrument file of the same version):
    /// the new responses are JSON, never short answers read with the wrong items.
    @Test func aScoringRowWithAnotherLayoutGetsJSON() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1")], options: importOptions())
        try store.dbQueue.write { db in
            try db.execute(sql: "UPDATE response SET answers = ?", arguments: [AnswerCoding.encode(parentRecord("barn-1").response.answers)])
            try db.execute(sql: "UPDATE scoring SET answerItems = ?", arguments: [AnswerLayout(itemIDs: ["x", "y"])!.stored])
            let full = try expectedScores(parentRecord("barn-1")).map { ComputedScore(id: $0.id, variable: $0.variable, value: $0.value, bands: $0.bands) }
            try db.execute(sql: "UPDATE response SET scores = ?", arguments: [ScoreCoding.encode(full)])
            try db.execute(sql: "UPDATE scoring SET scoreItems = ?",
                           arguments: [ScoreLayout(scores: [.init(id: "x", variable: "px", bands: [nil])])!.stored])
        }
        _ = try store.importBatch(batch("b.csv"), records: [parentRecord("barn-2")], options: importOptions())
        #expect(try rawAnswers(store).allSatisfy { $0.hasPrefix("{") })
        #expect(try rawScores(store).allSatisfy { !$0.hasPrefix("~") })
        #expect(try readScores(store, ordered: false) == [expectedScores(parentRecord("barn-1")), expectedScores(parentRecord("barn-2"))])
        #expect(try readAnswers(store, ordered: true) == [parentRecord("barn-1").response.answers, parentRecord("barn-2").response.answers]
            || readAnswers(store, ordered: true) == [parentRecord("barn-2").response.answers, parentRecord("barn-1").response.answers])
    }

    /// A copy of the project (`kortlaeg store copy`) carries the answers as JSON: the layouts stay
    /// with this store's scoring rows.
    @Test func aCopyCarriesTheAnswersAsJSON() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1", code: 0)], options: importOptions())
        let path = try temporaryFolder().appendingPathComponent("copy.kortlaeg").path
        let copy = try SQLiteProjectStore.create(at: path, copying: store)
        #expect(try rawAnswers(copy).allSatisfy { $0.hasPrefix("{") })
        #expect(try rawScores(copy).allSatisfy { !$0.hasPrefix("~") })
        #expect(try readScores(copy, ordered: true) == readScores(store, ordered: true))
        #expect(try readScores(copy, ordered: true) == [expectedScores(parentRecord("barn-1", code: 0))])
        #expect(try readAnswers(copy, ordered: true) == [parentRecord("barn-1", code: 0).response.answers])
    }

    /// Rescoring that moves a response to a new scoring row (the band tables changed) moves its
    /// short answers' layout with it; where the new row keeps another layout, the answers are
    /// written out as JSON. Either way they read back unchanged.
    @Test(arguments: [false, true])
    func rescoringToANewScoringRowKeepsTheAnswers(otherLayout: Bool) throws {
        let store = try SQLiteProjectStore.inMemory()
        let record = parentRecord("barn-1", code: 2)
        _ = try store.importBatch(batch("a.csv"), records: [record], options: importOptions())
        try store.dbQueue.write { db in
            let tables = try String.fetchOne(db, sql: "SELECT bandTables FROM scoring WHERE id = 1")!
            // The response's own row: made with other band tables.
            try db.execute(sql: "UPDATE scoring SET bandTables = 'older tables' WHERE id = 1")
            if otherLayout {
                // The row rescoring will find, keeping another layout.
                try db.execute(sql: """
                    INSERT INTO scoring (instrumentId, instrumentVersion, ruleChoices, includeUnverified, bandTables, answerItems)
                    SELECT instrumentId, instrumentVersion, ruleChoices, includeUnverified, ?, ? FROM scoring WHERE id = 1
                    """, arguments: [tables, AnswerLayout(itemIDs: ["x"])!.stored])
            }
        }
        _ = try store.rescore(instruments: try catalog(), operator: "tester", dryRun: false) { _ in }
        let (scoringID, raw) = try store.dbQueue.read { db in
            (try Int64.fetchOne(db, sql: "SELECT scoringId FROM response")!, try String.fetchOne(db, sql: "SELECT answers FROM response")!)
        }
        #expect(scoringID != 1)
        #expect(raw.hasPrefix(otherLayout ? "{" : "~"))
        #expect(try readAnswers(store, ordered: true) == [record.response.answers])
        #expect(try readAnswers(store, ordered: false) == [record.response.answers])
        // The scores moved to another row's layout: written out in the full form.
        #expect(try rawScores(store).allSatisfy { !$0.hasPrefix("~") })
        #expect(try readScores(store, ordered: true) == [expectedScores(record)])
    }
}
