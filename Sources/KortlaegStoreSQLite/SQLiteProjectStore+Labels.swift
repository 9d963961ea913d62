import GRDB
import KortlaegStore

extension SQLiteProjectStore: ChildLabelStore {
    public func childLabels() throws -> [String: String] {
        try wrap {
            try dbQueue.read { db in
                var labels: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT pseudonym, label FROM childLabel") { labels[row["pseudonym"]] = row["label"] }
                return labels
            }
        }
    }

    public func setChildLabel(_ label: String?, pseudonym: String) throws {
        try wrap {
            try dbQueue.write { db in
                if let label {
                    try db.execute(sql: """
                        INSERT INTO childLabel (pseudonym, label) VALUES (?, ?)
                        ON CONFLICT(pseudonym) DO UPDATE SET label = excluded.label
                        """, arguments: [pseudonym, label])
                } else {
                    try db.execute(sql: "DELETE FROM childLabel WHERE pseudonym = ?", arguments: [pseudonym])
                }
            }
        }
    }
}
