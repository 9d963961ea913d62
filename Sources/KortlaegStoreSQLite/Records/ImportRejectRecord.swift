import KortlaegStore
import GRDB

/// The `importReject` table: the rejects report of a batch.
struct ImportRejectRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "importReject"
    var id: Int64?
    var batchId: Int64
    var row: Int
    var line: Int
    var column: String
    var value: String?
    var reason: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
