import KortlaegStore
import Crypto
import Foundation
import GRDB

extension SQLiteProjectStore {
    /// The tables of the store, each with the order that makes its dump canonical.
    static let tablesInOrder: [(name: String, order: String)] = [
        ("grdb_migrations", "identifier"), ("project", "id"), ("school", "id"), ("schoolClass", "id"),
        ("child", "id"), ("occasion", "id"), ("importBatch", "id"), ("importReject", "id"), ("scoring", "id"),
        ("response", "id"), ("auditLog", "id"), ("trivselFigure", "id"), ("responseRedelivery", "id"),
        ("webUser", "name"), ("webSession", "idHash"), ("childLabel", "pseudonym"),
    ]

    /// SHA-256 over every row of every table in a canonical order: two stores with equal digests
    /// hold the same data. Used to prove that a failed import left the store as it was.
    public func contentDigest() throws -> String {
        try wrap {
            try dbQueue.read { db in
                var hasher = SHA256()
                for table in Self.tablesInOrder {
                    hasher.update(data: Data("\u{1E}\(table.name)".utf8))
                    let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.name) ORDER BY \(table.order)")
                    while let row = try cursor.next() {
                        hasher.update(data: Data("\u{1D}\(row.description)".utf8))
                    }
                }
                return Pseudonymizer.hex(hasher.finalize())
            }
        }
    }

    /// The number of rows in each table, by table name; "score" counts the scores kept in the
    /// responses' rows (as the `score` table of schema v7 and the PostgreSQL store count them).
    public func rowCounts() throws -> [String: Int] {
        try wrap {
            try dbQueue.read { db in
                var counts: [String: Int] = [:]
                for table in Self.tablesInOrder {
                    counts[table.name] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0
                }
                counts["score"] = try Self.scoreCount(db)
                return counts
            }
        }
    }

    /// The number of scores kept in the responses' rows: one more than the separators of each
    /// non-empty ``ScoreCoding`` text.
    static func scoreCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT ifnull(sum(CASE WHEN scores = '' THEN 0 ELSE length(scores) - length(replace(scores, char(30), '')) + 1 END), 0)
            FROM response
            """) ?? 0
    }
}
