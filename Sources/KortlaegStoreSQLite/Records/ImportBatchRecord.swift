import KortlaegStore
import GRDB

/// The `importBatch` table: one imported file.
struct ImportBatchRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "importBatch"
    var id: Int64?
    var fileName: String
    var sha256: String
    var profile: String
    var importedAt: String
    var `operator`: String
    var accepted: Int
    var rejected: Int
    var replaced: Int
    var removedAt: String? = nil
    var removedBy: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
