import KortlaegStore
import GRDB

/// The `school` table.
struct SchoolRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "school"
    var id: Int64?
    var name: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
