import KortlaegStore
import GRDB

/// The `child` table: a pseudonym and what files told about the child; no name, no raw id.
struct ChildRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "child"
    var id: Int64?
    var pseudonym: String
    var classId: Int64?
    var birthYear: Int?
    var birthMonth: Int?
    var sex: String?
    var site: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
