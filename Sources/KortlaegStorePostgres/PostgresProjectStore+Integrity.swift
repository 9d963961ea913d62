import PostgresNIO
import KortlaegStore

extension PostgresProjectStore {
    /// PostgreSQL keeps its own pages consistent (write-ahead log, checksums when the cluster has
    /// them), so there is no page check to run from here: the quick check confirms the project's
    /// settings can be read, the full check also that every stored score belongs to a stored
    /// response and every response to a child. A damaged cluster is the database administrator's
    /// (`pg_amcheck`).
    public func checkIntegrity(full: Bool) throws -> [String] {
        _ = try project()
        guard full else { return [] }
        return try serialised {
            var problems: [String] = []
            let orphanScores = try connection.query("""
                SELECT count(*) FROM score s WHERE NOT EXISTS (SELECT 1 FROM response r WHERE r.id = s.response_id)
                """).first.map { try $0.decode(Int.self) } ?? 0
            if orphanScores > 0 { problems.append("\(orphanScores) stored scores belong to no stored response") }
            let orphanResponses = try connection.query("""
                SELECT count(*) FROM response r WHERE NOT EXISTS (SELECT 1 FROM child c WHERE c.id = r.child_id)
                """).first.map { try $0.decode(Int.self) } ?? 0
            if orphanResponses > 0 { problems.append("\(orphanResponses) stored responses belong to no child") }
            return problems
        }
    }

    /// A PostgreSQL project is backed up with the database's own tools; `kortlaeg store copy`
    /// copies it into a project file.
    public func backup(to path: String) throws {
        throw StoreError.cannotWrite(
            path: path,
            reason: "a shared PostgreSQL project is backed up with the database's own tools (pg_dump), "
                + "or copied into a project file with 'kortlaeg store copy --from \(address.description) --to \(path)'")
    }
}
