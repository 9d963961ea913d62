import KortlaegStore
import GRDB

/// The `score` table: one score of one response (recomputable by `rescore`).
struct ScoreRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "score"
    var responseId: Int64
    var scoreId: String
    var variable: String
    var value: Double?
    /// `tableId=labelId` per band table covering the score, comma separated; nil when none.
    var bands: String?
}
