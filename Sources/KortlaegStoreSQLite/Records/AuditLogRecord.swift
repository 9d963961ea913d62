import KortlaegStore
import GRDB

/// The `auditLog` table.
struct AuditLogRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "auditLog"
    var id: Int64?
    var at: String
    var `operator`: String
    var action: String
    var batchId: Int64?
    var summary: String
    var detail: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
