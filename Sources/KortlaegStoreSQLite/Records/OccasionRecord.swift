import KortlaegStore
import GRDB

/// The `occasion` table: T1, F1, F2, …, T2.
struct OccasionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "occasion"
    var id: Int64?
    var code: String
    var sequence: Int
    var date: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
