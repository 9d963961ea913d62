import KortlaegStore
import PostgresNIO

/// The staff's own labels of children in the shared database (migration `v7`, table
/// `child_label`), as the SQLite store keeps them: one label per pseudonym, set or removed in a
/// short transaction of its own, without the project's import lock (a long import never holds up
/// the child page).
extension PostgresProjectStore: ChildLabelStore {
    public func childLabels() throws -> [String: String] {
        try inSnapshot {
            var labels: [String: String] = [:]
            for row in try connection.query("SELECT pseudonym, label FROM child_label") {
                let (pseudonym, label) = try row.decode((String, String).self)
                labels[pseudonym] = label
            }
            return labels
        }
    }

    public func setChildLabel(_ label: String?, pseudonym: String) throws {
        try serialised {
            guard readDepth == 0 else {
                throw StoreError.database("the project cannot be changed while it is being read (a write inside a read of \(address))")
            }
            // One statement: its own transaction.
            if let label {
                try connection.query("""
                    INSERT INTO child_label (pseudonym, label) VALUES ($1, $2)
                    ON CONFLICT (pseudonym) DO UPDATE SET label = excluded.label
                    """, [pseudonym, label])
            } else {
                try connection.query("DELETE FROM child_label WHERE pseudonym = $1", [pseudonym])
            }
        }
    }
}
