import KortlaegStore
import GRDB

/// The `response` table: one informant's answers for one child at one occasion, pinned to the
/// exact instrument version. `answers` is JSON (see ``AnswerCoding``) or, from schema v10, the
/// short form of its scoring row's layout (``AnswerLayout``); `scores` its scores (see ``ScoreCoding``).
struct ResponseRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "response"
    var id: Int64?
    var childId: Int64
    var occasionId: Int64
    var informant: String
    var instrumentId: String
    var instrumentVersion: String
    var date: String?
    var answers: String
    var batchId: Int64
    var scoringId: Int64
    var scores: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
