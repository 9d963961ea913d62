import Foundation
import GRDB
import Testing
@testable import KortlaegStore

struct MigrationTests {
    @Test func migratesAnEmptyDatabase() throws {
        let queue = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(queue)
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(Set(tables) == Set(SQLiteProjectStore.tablesInOrder.map(\.name)))
        #expect(try queue.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) } == ["v1"])
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
