import KortlaegStore
import GRDB

/// The `trivselFigure` table: one published trivselsmåling figure of a school, klassetrin and
/// school year for one indicator (migrations v2, v3).
struct TrivselFigureRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "trivselFigure"
    var id: Int64?
    var batchId: Int64
    var schoolId: Int64
    var grade: String?
    var gradeKey: String
    var schoolYear: Int?
    var indicator: String
    var mean: Double?
    var pupils: Int?
    var shareGt3: Double?
    var shareGt4: Double?
    var row: Int
    var line: Int

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
