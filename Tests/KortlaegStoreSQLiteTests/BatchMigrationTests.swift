import Foundation
import KortlaegTestSupport
import GRDB
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// v5 (undo): a store made before imports could be removed keeps its batches, responses, rejects
/// and audit log, and its imports can then be listed and removed.
struct BatchMigrationTests {
    @Test func aVersion4StoreKeepsItsBatchesAndCanRemoveOne() throws {
        let path = try olderStore(named: "v4.kortlaeg", upTo: "v4", """
                INSERT INTO child (id, pseudonym) VALUES (1, 'p1'), (2, 'p2');
                INSERT INTO occasion (id, code, sequence) VALUES (1, 'T1', 0);
                INSERT INTO importBatch (id, fileName, sha256, profile, importedAt, operator, accepted, rejected, replaced)
                  VALUES (1, 'a.csv', 'aa', 'p', '2025-01-02T00:00:00Z', 'tester', 1, 1, 0),
                         (2, 'b.csv', 'bb', 'p', '2025-01-03T00:00:00Z', 'tester', 1, 0, 0);
                INSERT INTO importReject (batchId, row, line, "column", value, reason) VALUES (1, 2, 3, 'pa', '7', 'expected 0-2');
                INSERT INTO scoring (id, instrumentId, instrumentVersion, ruleChoices, includeUnverified, bandTables)
                  VALUES (1, 'contract-demo', '1.0.0', '{}', 0, '');
                INSERT INTO response (id, childId, occasionId, informant, instrumentId, instrumentVersion, answers, batchId, scoringId)
                  VALUES (1, 1, 1, 'parent', 'contract-demo', '1.0.0', '{"c":{"a":1}}', 1, 1),
                         (2, 2, 1, 'parent', 'contract-demo', '1.0.0', '{"c":{"a":2}}', 2, 1);
                INSERT INTO score (responseId, scoreId, variable, value) VALUES (1, 'total', 'ptotal', 1), (2, 'total', 'ptotal', 2);
                INSERT INTO auditLog (at, operator, action, batchId, summary) VALUES ('2025-01-02T00:00:00Z', 'tester', 'import', 1, 'imported a.csv');
                """)
        let store = try SQLiteProjectStore.open(at: path)
        #expect(try store.rowCounts()["importReject"] == 1 && store.rowCounts()["auditLog"] == 1 && store.rowCounts()["score"] == 2)
        let listed = try store.imports()
        #expect(listed.map(\.fileName) == ["a.csv", "b.csv"] && listed.map(\.responses) == [1, 1] && listed.map(\.rejected) == [1, 0])
        #expect(listed.allSatisfy { !$0.isRemoved })
        #expect(try store.hasImported(sha256: "aa"))
        let removal = try store.removeImport(id: 1, operator: "KB", dryRun: false)
        #expect(removal.removedResponses == 1 && removal.removedChildren == 1)
        #expect(try store.rowCounts()["score"] == 1 && store.rowCounts()["child"] == 1)
        #expect(try !store.hasImported(sha256: "aa") && store.hasImported(sha256: "bb"))
        // The SHA-256 stays unique among the imports that are not removed.
        #expect(throws: DatabaseError.self) {
            try store.dbQueue.write { db in
                try db.execute(sql: """
                    INSERT INTO importBatch (fileName, sha256, profile, importedAt, operator) VALUES ('b2.csv', 'bb', 'p', 'x', 't')
                    """)
            }
        }
        #expect(try store.checkIntegrity(full: true).isEmpty)
    }
}
