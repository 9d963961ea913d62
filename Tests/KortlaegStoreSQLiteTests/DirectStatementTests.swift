import Foundation
import GRDB
@testable import KortlaegStoreSQLite
import Testing

/// The import binds and steps its inserts through SQLite's C API. What is stored must be what
/// GRDB would store, and a failing statement must throw GRDB's error, inside the transaction.
struct DirectStatementTests {
    private func queue() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, x DOUBLE CHECK (x IS NULL OR x >= 0));
                CREATE TABLE g (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, x DOUBLE);
                """)
        }
        return queue
    }

    @Test func storesWhatGRDBStores() throws {
        let queue = try queue()
        let rows: [(String?, Int64?, Double?)] = [("æøå Ærø", 3, 1.5), (nil, nil, nil), ("", 0, 0), ("x\u{1F600}y", -7, 2e-300)]
        try queue.write { db in
            let insert = DirectStatement(try db.makeStatement(sql: "INSERT INTO t (name, n, x) VALUES (?, ?, ?)"))
            for row in rows {
                insert.bind(row.0, at: 1)
                insert.bind(row.1, at: 2)
                insert.bind(row.2, at: 3)
                try insert.execute(in: db) { [row.0, row.1, row.2] }
                try db.execute(sql: "INSERT INTO g (name, n, x) VALUES (?, ?, ?)", arguments: [row.0, row.1, row.2])
            }
        }
        let (direct, viaGRDB) = try queue.read { db in
            (try Row.fetchAll(db, sql: "SELECT name, n, x, typeof(name), typeof(n), typeof(x) FROM t ORDER BY id"),
             try Row.fetchAll(db, sql: "SELECT name, n, x, typeof(name), typeof(n), typeof(x) FROM g ORDER BY id"))
        }
        #expect(direct == viaGRDB)
        #expect(direct.count == 4 && direct[0]["name"] == "æøå Ærø" && direct[1]["name"] == String?.none)
    }

    @Test func findsARowOrNone() throws {
        let queue = try queue()
        try queue.write { db in
            try db.execute(sql: "INSERT INTO t (id, name) VALUES (41, 'a'), (42, 'b')")
            let select = DirectStatement(try db.makeStatement(sql: "SELECT id FROM t WHERE name = ?"))
            select.bind("b", at: 1)
            #expect(try select.fetchInt64(in: db) { ["b"] } == 42)
            select.bind("c", at: 1)
            #expect(try select.fetchInt64(in: db) { ["c"] } == nil)
            select.bind("a", at: 1)
            #expect(try select.fetchInt64(in: db) { ["a"] } == 41)
        }
    }

    @Test func aFailingInsertThrowsGRDBsErrorAndTheTransactionRollsBack() throws {
        let queue = try queue()
        var caught: DatabaseError?
        do {
            try queue.inTransaction { db in
                let insert = DirectStatement(try db.makeStatement(sql: "INSERT INTO t (name, x) VALUES (?, ?)"))
                insert.bind("ok", at: 1)
                insert.bind(1.0, at: 2)
                try insert.execute(in: db) { ["ok", 1.0] }
                insert.bind("negative", at: 1)
                insert.bind(-1.0, at: 2)
                try insert.execute(in: db) { ["negative", -1.0] }
                return .commit
            }
        } catch let error as DatabaseError {
            caught = error
        }
        #expect(caught?.resultCode == .SQLITE_CONSTRAINT)
        #expect(caught?.sql?.hasPrefix("INSERT INTO t") == true)
        // Nothing of the failed transaction is kept, the row before the failure included.
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM t") } == 0)
    }
}
