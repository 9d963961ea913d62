import KortlaegStore
import GRDB

/// The `schoolClass` table: a class, optionally at a school.
struct SchoolClassRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "schoolClass"
    var id: Int64?
    var schoolId: Int64?
    var name: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
