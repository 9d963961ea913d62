import GRDB
import KortlaegStore

/// Listing and removing imports (`kortlaeg imports`); the rule is KortlaegStore's ``BatchRemoval``.
extension SQLiteProjectStore {
    public func imports() throws -> [StoredImport] {
        try wrap { try dbQueue.read { db in try SQLiteImportBackend.storedImports(db, id: nil) } }
    }

    public func removeImport(id: Int64, operator: String, dryRun: Bool) throws -> ImportRemoval {
        try BatchRemoval.remove(id: id, operator: `operator`, dryRun: dryRun, store: self)
    }
}

extension SQLiteImportBackend: BatchRemovalBackend {
    /// The imports (all, or the one with `id`) with their counts of now, oldest first.
    static func storedImports(_ db: Database, id: Int64?) throws -> [StoredImport] {
        let only = id == nil ? "" : "WHERE b.id = ?"
        let arguments: StatementArguments = id.map { [$0] } ?? []
        let imports = try Row.fetchAll(db, sql: """
            SELECT b.*,
              (SELECT COUNT(*) FROM response r WHERE r.batchId = b.id) AS responses,
              (SELECT COUNT(*) FROM responseRedelivery d WHERE d.batchId = b.id) AS unchanged,
              (SELECT COUNT(*) FROM trivselFigure f WHERE f.batchId = b.id) AS figures
            FROM importBatch b \(only) ORDER BY b.id
            """, arguments: arguments).map { row in
            StoredImport(id: row["id"], fileName: row["fileName"], sha256: row["sha256"], profile: row["profile"],
                         importedAt: row["importedAt"], operator: row["operator"], accepted: row["accepted"],
                         rejected: row["rejected"], replaced: row["replaced"], responses: row["responses"],
                         unchanged: row["unchanged"], trivselFigures: row["figures"],
                         removedAt: row["removedAt"], removedBy: row["removedBy"])
        }
        let onlyHeld = id == nil ? "" : "WHERE batchId = ?"
        let contents = try Row.fetchAll(db, sql: """
            SELECT x.batchId AS batchId, r.instrumentId || '@' || r.instrumentVersion AS instrument, o.code AS code,
              o.sequence AS sequence, r.informant AS informant
            FROM (SELECT id AS responseId, batchId FROM response \(onlyHeld)
                  UNION ALL SELECT responseId, batchId FROM responseRedelivery \(onlyHeld)) x
            JOIN response r ON r.id = x.responseId JOIN occasion o ON o.id = r.occasionId
            GROUP BY x.batchId, r.instrumentId, r.instrumentVersion, o.id, r.informant
            """, arguments: id.map { [$0, $0] } ?? []).map { row in
            ImportContents(batchID: row["batchId"], instrument: row["instrument"], occasion: row["code"],
                           sequence: row["sequence"], informant: row["informant"])
        }
        return ImportContents.fill(imports, from: contents)
    }

    package func recordRedelivery(responseID: Int64, batchID: Int64) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO responseRedelivery (responseId, batchId) VALUES (?, ?)")
            .execute(arguments: [responseID, batchID])
    }

    package func storedImport(id: Int64) throws -> StoredImport? {
        try Self.storedImports(db, id: id).first
    }

    package func handOverRedeliveredResponses(batchID: Int64) throws -> Int {
        let laterHolder = """
            SELECT MIN(d.batchId) FROM responseRedelivery d JOIN importBatch b ON b.id = d.batchId
            WHERE d.responseId = response.id AND d.batchId <> ? AND b.removedAt IS NULL
            """
        try db.execute(sql: """
            UPDATE response SET batchId = (\(laterHolder))
            WHERE batchId = ? AND (\(laterHolder)) IS NOT NULL
            """, arguments: [batchID, batchID, batchID])
        let count = db.changesCount
        // The new holder's re-delivery record is now its own response.
        try db.execute(sql: """
            DELETE FROM responseRedelivery
            WHERE batchId = (SELECT r.batchId FROM response r WHERE r.id = responseRedelivery.responseId)
            """)
        return count
    }

    package func childIDs(batchID: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT DISTINCT childId FROM response WHERE batchId = ?", arguments: [batchID])
    }

    package func deleteResponses(batchID: Int64) throws -> Int {
        try db.execute(sql: "DELETE FROM response WHERE batchId = ?", arguments: [batchID])
        return db.changesCount
    }

    package func deleteChildrenWithoutResponses(_ ids: [Int64]) throws -> Int {
        var deleted = 0
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(ids.count, start + 500)]
            try db.execute(sql: """
                DELETE FROM child WHERE id IN (\(repeatElement("?", count: chunk.count).joined(separator: ", ")))
                AND NOT EXISTS (SELECT 1 FROM response r WHERE r.childId = child.id)
                """, arguments: StatementArguments(Array(chunk)))
            deleted += db.changesCount
            start += chunk.count
        }
        return deleted
    }

    package func deleteRedeliveries(batchID: Int64) throws {
        try db.execute(sql: "DELETE FROM responseRedelivery WHERE batchId = ?", arguments: [batchID])
    }

    package func deleteTrivselFigures(batchID: Int64) throws -> Int {
        try db.execute(sql: "DELETE FROM trivselFigure WHERE batchId = ?", arguments: [batchID])
        return db.changesCount
    }

    package func markRemoved(batchID: Int64, at: String, by: String) throws {
        try db.execute(sql: "UPDATE importBatch SET removedAt = ?, removedBy = ? WHERE id = ?", arguments: [at, by, batchID])
    }
}
