import Foundation
import KortlaegTestSupport
import GRDB
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// v8 (issue 15): the `score` table's rows move into their responses' `scores` column. A store
/// made by a Kortlæg before v8 reads back the same scores after the upgrade.
struct ScoreColumnMigrationTests {
    @Test func aVersion7StoresScoresReadBackUnchanged() throws {
        let path = try makeTemporaryFolder("kortlaeg-store").appendingPathComponent("v7.kortlaeg").path
        try olderStore(at: path, upTo: "v7", """
                INSERT INTO child (id, pseudonym) VALUES (1, 'p1'), (2, 'p2'), (3, 'p3');
                INSERT INTO occasion (id, code, sequence) VALUES (1, 'T1', 0);
                INSERT INTO importBatch (id, fileName, sha256, profile, importedAt, operator)
                  VALUES (1, 'a.csv', 'aa', 'p', '2025-01-02T00:00:00Z', 'tester');
                INSERT INTO scoring (id, instrumentId, instrumentVersion, ruleChoices, includeUnverified, bandTables)
                  VALUES (1, 'contract-demo', '1.0.0', '{}', 0, '');
                INSERT INTO response (id, childId, occasionId, informant, instrumentId, instrumentVersion, answers, batchId, scoringId)
                  VALUES (1, 1, 1, 'parent', 'contract-demo', '1.0.0', '{"c":{"a":1}}', 1, 1),
                         (2, 2, 1, 'parent', 'contract-demo', '1.0.0', '{"c":{"a":2}}', 1, 1),
                         (3, 3, 1, 'parent', 'contract-demo', '1.0.0', '{"c":{}}', 1, 1);
                INSERT INTO score (responseId, scoreId, variable, value, bands) VALUES
                  (1, 'total', 'ptotal', 12, 'uk-3band=normal,uk-4band=closeToAverage'),
                  (1, 'emotion', 'pemotion', 2.5, NULL),
                  (1, 'impact', 'pimpact', NULL, NULL),
                  (2, 'total', 'ptotal', 0.1, 'x=y');
                """)
        let store = try SQLiteProjectStore.open(at: path)
        #expect(try store.rowCounts()["score"] == 4)
        #expect(try store.dbQueue.read { db in try db.tableExists("score") } == false)
        for ordered in [true, false] {
            var query = ResponseQuery()
            query.ordered = ordered
            var scores: [String: [StoredScore]] = [:]
            try store.responses(query) { scores[$0.child] = $0.scores }
            // In score-id order, as the table's key read them.
            #expect(scores["p1"] == [StoredScore(id: "emotion", variable: "pemotion", value: 2.5, bands: nil),
                                     StoredScore(id: "impact", variable: "pimpact", value: nil, bands: nil),
                                     StoredScore(id: "total", variable: "ptotal", value: 12,
                                                 bands: "uk-3band=normal,uk-4band=closeToAverage")])
            #expect(scores["p2"] == [StoredScore(id: "total", variable: "ptotal", value: 0.1, bands: "x=y")])
            #expect(scores["p3"] == [])
        }
        #expect(try store.checkIntegrity(full: true).isEmpty)
    }
}
