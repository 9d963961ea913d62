import KortlaegStore
import PostgresNIO

/// Listing and removing imports (`kortlaeg imports`); the rule is KortlaegStore's ``BatchRemoval``.
extension PostgresProjectStore {
    public func imports() throws -> [StoredImport] {
        try inSnapshot { try PostgresImportBackend(connection: connection).storedImports(id: nil) }
    }

    public func removeImport(id: Int64, operator: String, dryRun: Bool) throws -> ImportRemoval {
        try BatchRemoval.remove(id: id, operator: `operator`, dryRun: dryRun, store: self)
    }
}

extension PostgresImportBackend: BatchRemovalBackend {
    /// The imports (all, or the one with `id`) with their counts of now, oldest first.
    func storedImports(id: Int64?) throws -> [StoredImport] {
        let only = id == nil ? "" : "WHERE b.id = $1"
        let arguments: [any BindValue] = id.map { [$0] } ?? []
        let imports = try connection.query("""
            SELECT b.id, b.file_name, b.sha256, b.profile, b.imported_at, b.operator_name, b.accepted, b.rejected, b.replaced,
              (SELECT count(*) FROM response r WHERE r.batch_id = b.id),
              (SELECT count(*) FROM response_redelivery d WHERE d.batch_id = b.id),
              (SELECT count(*) FROM trivsel_figure f WHERE f.batch_id = b.id),
              b.removed_at, b.removed_by
            FROM import_batch b \(only) ORDER BY b.id
            """, arguments).map { row in
            let (batchID, file, sha, profile, at, who, accepted, rejected, replaced, responses, unchanged, figures, removedAt, removedBy) =
                try row.decode((Int64, String, String, String, String, String, Int, Int, Int, Int, Int, Int, String?, String?).self)
            return StoredImport(id: batchID, fileName: file, sha256: sha, profile: profile, importedAt: at, operator: who,
                                accepted: accepted, rejected: rejected, replaced: replaced, responses: responses,
                                unchanged: unchanged, trivselFigures: figures, removedAt: removedAt, removedBy: removedBy)
        }
        let onlyHeld = id == nil ? "" : "WHERE batch_id = $1"
        let contents = try connection.query("""
            SELECT x.batch_id, r.instrument_id || '@' || r.instrument_version, o.code, o.sequence, r.informant
            FROM (SELECT id AS response_id, batch_id FROM response \(onlyHeld)
                  UNION ALL SELECT response_id, batch_id FROM response_redelivery \(onlyHeld)) x
            JOIN response r ON r.id = x.response_id JOIN occasion o ON o.id = r.occasion_id
            GROUP BY x.batch_id, r.instrument_id, r.instrument_version, o.id, o.code, o.sequence, r.informant
            """, arguments).map { row in
            let (batchID, instrument, code, sequence, informant) = try row.decode((Int64, String, String, Int, String).self)
            return ImportContents(batchID: batchID, instrument: instrument, occasion: code, sequence: sequence,
                                  informant: informant)
        }
        return ImportContents.fill(imports, from: contents)
    }

    package func recordRedelivery(responseID: Int64, batchID: Int64) throws {
        try connection.query("INSERT INTO response_redelivery (response_id, batch_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                             [responseID, batchID])
    }

    package func storedImport(id: Int64) throws -> StoredImport? {
        try storedImports(id: id).first
    }

    package func handOverRedeliveredResponses(batchID: Int64) throws -> Int {
        let count = try connection.query("""
            WITH holder AS (
              SELECT d.response_id, min(d.batch_id) AS batch_id
              FROM response_redelivery d JOIN import_batch b ON b.id = d.batch_id JOIN response r ON r.id = d.response_id
              WHERE r.batch_id = $1 AND d.batch_id <> $1 AND b.removed_at IS NULL GROUP BY d.response_id),
            moved AS (UPDATE response r SET batch_id = holder.batch_id FROM holder WHERE r.id = holder.response_id RETURNING 1)
            SELECT count(*) FROM moved
            """, [batchID]).first?.decode(Int.self) ?? 0
        // The new holder's re-delivery record is now its own response.
        try connection.query("""
            DELETE FROM response_redelivery d USING response r WHERE r.id = d.response_id AND r.batch_id = d.batch_id
            """)
        return count
    }

    package func childIDs(batchID: Int64) throws -> [Int64] {
        try connection.query("SELECT DISTINCT child_id FROM response WHERE batch_id = $1", [batchID])
            .map { try $0.decode(Int64.self) }
    }

    package func deleteResponses(batchID: Int64) throws -> Int {
        try connection.query("WITH gone AS (DELETE FROM response WHERE batch_id = $1 RETURNING 1) SELECT count(*) FROM gone",
                             [batchID]).first?.decode(Int.self) ?? 0
    }

    package func deleteChildrenWithoutResponses(_ ids: [Int64]) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        var binds = PostgresBindings(capacity: 1)
        try binds.append(ids)
        return try connection.query("""
            WITH gone AS (DELETE FROM child c WHERE c.id = ANY($1::bigint[])
              AND NOT EXISTS (SELECT 1 FROM response r WHERE r.child_id = c.id) RETURNING 1)
            SELECT count(*) FROM gone
            """, binds).first?.decode(Int.self) ?? 0
    }

    package func deleteRedeliveries(batchID: Int64) throws {
        try connection.query("DELETE FROM response_redelivery WHERE batch_id = $1", [batchID])
    }

    package func deleteTrivselFigures(batchID: Int64) throws -> Int {
        try connection.query("WITH gone AS (DELETE FROM trivsel_figure WHERE batch_id = $1 RETURNING 1) SELECT count(*) FROM gone",
                             [batchID]).first?.decode(Int.self) ?? 0
    }

    package func markRemoved(batchID: Int64, at: String, by: String) throws {
        try connection.query("UPDATE import_batch SET removed_at = $1, removed_by = $2 WHERE id = $3", [at, by, batchID])
    }
}
