import Foundation
import KortlaegTestSupport
import GRDB
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

struct MigrationTests {
    @Test func migratesAnEmptyDatabase() throws {
        let queue = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(queue)
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(Set(tables) == Set(SQLiteProjectStore.tablesInOrder.map(\.name)))
        #expect(try queue.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) } == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10"])
    }

    /// A project made before trivsel results existed (schema v1 only) is upgraded on open and keeps its data.
    @Test func aVersion1StoreIsUpgradedOnOpen() throws {
        let path = try temporaryFolder().appendingPathComponent("v1.kortlaeg").path
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreMigrations.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try ProjectRecord(municipality: "Odense", interventionModel: nil, toolVersion: nil,
                                  pseudonymKey: Pseudonymizer.makeKey(), createdAt: "2025-01-01T00:00:00Z").insert(db)
                try db.execute(sql: "INSERT INTO school (name) VALUES ('Byskolen')")
            }
            #expect(try queue.read { db in try db.tableExists("trivselFigure") } == false)
            try queue.close()
        }
        let store = try SQLiteProjectStore.open(at: path)
        #expect(try store.project().municipality == "Odense")
        let applied = try store.dbQueue.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) }
        #expect(applied == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10"])
        #expect(try store.rowCounts()["trivselFigure"] == 0 && store.rowCounts()["school"] == 1)
        let outcome = try store.importTrivselResults(
            TrivselStoreTests.trivselBatch("a.csv"), results: TrivselStoreTests.results, rejects: [],
            options: TrivselStoreTests.options())
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.newSchools == 1, "Byskolen from v1 is reused; only Åskolen is new")
    }

    @Test func createRefusesAnExistingFileAndOpenReadsItBack() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("p.kortlaeg").path
        do {
            let store = try SQLiteProjectStore.create(at: path, project: ProjectInfo(municipality: "Odense"), operator: "t")
            #expect(try store.project().municipality == "Odense")
        }
        #expect(throws: StoreError.alreadyExists(path: path)) {
            _ = try SQLiteProjectStore.create(at: path, project: ProjectInfo(), operator: "t")
        }
        let reopened = try SQLiteProjectStore.open(at: path)
        #expect(try reopened.project().municipality == "Odense")
        #expect(try reopened.pseudonym(for: "barn-1").count == 32)
    }

    @Test func openRefusesOtherFilesAndNewerStores() throws {
        let folder = try temporaryFolder()
        let missing = folder.appendingPathComponent("none.kortlaeg").path
        #expect(throws: StoreError.notFound(path: missing)) { _ = try SQLiteProjectStore.open(at: missing) }

        let other = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: StoreError.self) { _ = try SQLiteProjectStore.open(at: other) }

        let newer = folder.appendingPathComponent("newer.kortlaeg").path
        _ = try SQLiteProjectStore.create(at: newer, project: ProjectInfo(), operator: "t")
        try DatabaseQueue(path: newer).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        }
        #expect(throws: StoreError.newerSchema(path: newer, unknownMigrations: ["v99"])) {
            _ = try SQLiteProjectStore.open(at: newer)
        }
    }

    /// A project with trivsel figures stored under schema v2 (indicator ids checked by the
    /// database) is rebuilt by v3 with every figure, id, check and index kept, and then takes any
    /// indicator id the instrument files define.
    @Test func aVersion2StoreKeepsItsFiguresThroughVersion3() throws {
        let path = try temporaryFolder().appendingPathComponent("v2.kortlaeg").path
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreMigrations.migrator.migrate(queue, upTo: "v2")
            try queue.write { db in
                try ProjectRecord(municipality: "Odense", interventionModel: nil, toolVersion: nil,
                                  pseudonymKey: Pseudonymizer.makeKey(), createdAt: "2025-01-01T00:00:00Z").insert(db)
                try db.execute(sql: """
                    INSERT INTO school (id, name) VALUES (1, 'Byskolen'), (2, 'Åskolen');
                    INSERT INTO importBatch (id, fileName, sha256, profile, importedAt, operator, accepted, rejected, replaced)
                      VALUES (1, 'a.csv', 'aa', 'trivsel-results', '2025-01-02T00:00:00Z', 'tester', 2, 0, 0);
                    INSERT INTO trivselFigure (id, batchId, schoolId, grade, gradeKey, schoolYear, indicator, mean, pupils,
                                               shareGt3, shareGt4, row, line)
                      VALUES (7, 1, 1, '4. klasse', '4', 2018, 'social', 4.1, 20, NULL, 45.5, 1, 2),
                             (8, 1, 1, '4. klasse', '4', 2018, 'ro_orden', 3.8, 19, 60.0, NULL, 1, 2),
                             (9, 1, 2, NULL, '', NULL, 'generel', 3.99333055263157, NULL, NULL, NULL, 2, 3);
                    """)
            }
            // v2's CHECK: an id outside its list is refused.
            #expect(throws: DatabaseError.self) {
                try queue.write { db in
                    try db.execute(sql: """
                        INSERT INTO trivselFigure (batchId, schoolId, gradeKey, indicator, mean, row, line)
                        VALUES (1, 2, '5', 'mobning', 3.0, 3, 4)
                        """)
                }
            }
            try queue.close()
        }
        let store = try SQLiteProjectStore.open(at: path)
        #expect(try store.dbQueue.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) } == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10"])
        let rows = try store.dbQueue.read { db in try TrivselFigureRecord.order(Column("id")).fetchAll(db) }
        #expect(rows == [
            TrivselFigureRecord(id: 7, batchId: 1, schoolId: 1, grade: "4. klasse", gradeKey: "4", schoolYear: 2018,
                                indicator: "social", mean: 4.1, pupils: 20, shareGt3: nil, shareGt4: 45.5, row: 1, line: 2),
            TrivselFigureRecord(id: 8, batchId: 1, schoolId: 1, grade: "4. klasse", gradeKey: "4", schoolYear: 2018,
                                indicator: "ro_orden", mean: 3.8, pupils: 19, shareGt3: 60.0, shareGt4: nil, row: 1, line: 2),
            TrivselFigureRecord(id: 9, batchId: 1, schoolId: 2, grade: nil, gradeKey: "", schoolYear: nil,
                                indicator: "generel", mean: 3.99333055263157, pupils: nil, shareGt3: nil, shareGt4: nil,
                                row: 2, line: 3),
        ])
        // Read back as results: Byskolen 4. klasse with two figures, Åskolen with one.
        let results = try store.trivselResults()
        #expect(results.map(\.school) == ["Byskolen", "Åskolen"])
        #expect(results[0].figures[TrivselIndicator(rawValue: "ro_orden")]?.highestWellBeing[.above3] == 60.0)
        #expect(results[0].figures[.social]?.mean == 4.1 && results[1].schoolYear == nil)

        // The same schema as a store created by this Kortlæg.
        let fresh = try SQLiteProjectStore.inMemory()
        #expect(try schema(store.dbQueue, "trivselFigure") == schema(fresh.dbQueue, "trivselFigure"))
        #expect(try schema(store.dbQueue, "trivselFigure").contains { $0.contains("ifnull(schoolYear, 0)") })
        #expect(try schema(store.dbQueue, "trivselFigure").allSatisfy { !$0.contains("stoette") })

        // Any indicator id now; the value checks and the one-figure-per-key index stay.
        try store.dbQueue.write { db in
            try db.execute(sql: "INSERT INTO trivselFigure (batchId, schoolId, gradeKey, indicator, mean, row, line) VALUES (1, 2, '5', 'mobning', 3.0, 3, 4)")
        }
        #expect(throws: DatabaseError.self) {
            try store.dbQueue.write { db in try db.execute(sql: "UPDATE trivselFigure SET mean = 0 WHERE id = 7") }
        }
        #expect(throws: DatabaseError.self) {
            try store.dbQueue.write { db in
                try db.execute(sql: "INSERT INTO trivselFigure (batchId, schoolId, gradeKey, indicator, mean, row, line) VALUES (1, 2, '', 'generel', 3.0, 9, 10)")
            }
        }
        #expect(throws: DatabaseError.self) {
            try store.dbQueue.write { db in
                try db.execute(sql: "INSERT INTO trivselFigure (batchId, schoolId, gradeKey, indicator, mean, row, line) VALUES (99, 2, '6', 'generel', 3.0, 9, 10)")
            }
        }
    }

    /// v6 (issue 14): a store made before site tags gets the child's `site` column, empty for the
    /// children it has; their pseudonyms are untouched.
    @Test func aVersion5StoreGetsTheSiteColumn() throws {
        let path = try temporaryFolder().appendingPathComponent("v5.kortlaeg").path
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreMigrations.migrator.migrate(queue, upTo: "v5")
            try queue.write { db in
                try ProjectRecord(municipality: "Odense", interventionModel: nil, toolVersion: nil,
                                  pseudonymKey: Pseudonymizer.makeKey(), createdAt: "2025-01-01T00:00:00Z").insert(db)
                try db.execute(sql: "INSERT INTO child (pseudonym, sex) VALUES ('0123abcd', 'pige')")
            }
            #expect(try queue.read { db in try db.columns(in: "child").map(\.name) }.contains("site") == false)
            try queue.close()
        }
        let store = try SQLiteProjectStore.open(at: path)
        let rows = try store.dbQueue.read { db in try ChildRecord.fetchAll(db) }
        #expect(rows.map(\.pseudonym) == ["0123abcd"] && rows.map(\.sex) == ["pige"] && rows.map(\.site) == [nil])
    }

    /// An older Kortlæg (one that knows only v1 and v2) refuses a store this one made.
    @Test func anOlderKortlaegRefusesAVersion3Store() throws {
        let path = try temporaryFolder().appendingPathComponent("v3.kortlaeg").path
        _ = try SQLiteProjectStore.create(at: path, project: ProjectInfo(), operator: "t")
        #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10"])) {
            _ = try SQLiteProjectStore.open(at: path, migrator: StoreMigrations.migrator(through: "v2"))
        }
        #expect(try SQLiteProjectStore.open(at: path).project().municipality == nil)
    }

    /// The SQL of a table and its indexes, sorted.
    private func schema(_ queue: DatabaseQueue, _ table: String) throws -> [String] {
        try queue.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY name",
                                arguments: [table])
        }
    }

    /// v8 (issue 15): the `score` table's rows move into their responses' `scores` column. A store
    /// made by a Kortlæg before v8 reads back the same scores after the upgrade (the values are the
    /// ones inserted below: a migration must not change them).
    @Test func aVersion7StoresScoresReadBackUnchanged() throws {
        let path = try olderStore(named: "v7.kortlaeg", upTo: "v7", """
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

    /// v9 (issue 15): the child table loses the UNIQUE index of the whole pseudonym for the index
    /// of its first characters (``ChildKey``). A v8 store keeps its children (ids, pseudonyms,
    /// attributes), finds them by pseudonym through the new index, and an import into it adds
    /// no second row for a child it already holds.
    @Test func aVersion8StoresChildrenAreFoundThroughThePrefixIndex() throws {
        let path = try olderStore(named: "v8.kortlaeg", upTo: "v8", """
                INSERT INTO school (id, name) VALUES (1, 'Byskolen');
                INSERT INTO schoolClass (id, schoolId, name) VALUES (1, 1, '4.a');
                INSERT INTO child (id, pseudonym, classId, birthYear, birthMonth, sex, site)
                  VALUES (7, 'p-seven', 1, 2015, 3, 'f', 'Odense'), (9, 'p-nine', NULL, NULL, NULL, NULL, NULL);
                """)
        let store = try SQLiteProjectStore.open(at: path)
        let rows = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, pseudonym, classId, birthYear, birthMonth, sex, site FROM child ORDER BY id")
        }
        #expect(rows.map { $0.description } == [
            #"[id:7 pseudonym:"p-seven" classId:1 birthYear:2015 birthMonth:3 sex:"f" site:"Odense"]"#,
            #"[id:9 pseudonym:"p-nine" classId:NULL birthYear:NULL birthMonth:NULL sex:NULL site:NULL]"#,
        ])
        let indexes = try store.dbQueue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'child' ORDER BY name")
        }
        #expect(indexes == ["childPseudonymPrefix"])
        // The lookup of the import and of a child's page search the index (a scan would make an
        // import of n children n² work); SQLite's own plan says which.
        let plan = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM child WHERE " + ChildKey.condition(),
                             arguments: StatementArguments(ChildKey.arguments("p-seven"))).map { $0["detail"] as String }
        }
        #expect(plan == ["SEARCH child USING INDEX childPseudonymPrefix (<expr>=?)"])
        let found = try store.dbQueue.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE " + ChildKey.condition(),
                               arguments: StatementArguments(ChildKey.arguments("p-seven")))
        }
        #expect(found == 7)
        // An import of the same child twice (two occasions) and a new one: one row each.
        let pseudonym = try store.pseudonym(for: "barn-1")
        _ = try store.importFile(batch("a.csv"), options: importOptions()) { sink in
            _ = try sink.add(parentRecord("barn-1", row: 1))
            _ = try sink.add(parentRecord("barn-1", .followUp(1), row: 2))
        }
        let children = try store.dbQueue.read { db in
            try String.fetchAll(db, sql: "SELECT pseudonym FROM child ORDER BY id")
        }
        #expect(children == ["p-seven", "p-nine", pseudonym])
        var query = ResponseQuery()
        query.child = pseudonym
        var occasions: [String] = []
        try store.responses(query) { occasions.append($0.occasion.description) }
        #expect(occasions.sorted() == ["F1", "T1"])
        #expect(try store.checkIntegrity(full: true).isEmpty)
    }
}
