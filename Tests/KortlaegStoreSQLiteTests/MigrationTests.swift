import Foundation
import KortlaegTestSupport
import GRDB
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
        #expect(try queue.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) } == ["v1", "v2"])
    }

    /// A project made before trivsel results existed (schema v1 only) is upgraded on open and keeps its data.
    @Test func aVersion1StoreIsUpgradedToVersion2OnOpen() throws {
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
        #expect(applied == ["v1", "v2"])
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
}
