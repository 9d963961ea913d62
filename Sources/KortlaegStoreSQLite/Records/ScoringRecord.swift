import KortlaegStore
import GRDB

/// The `scoring` table: the rule set and band/norm tables a score was computed with.
struct ScoringRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "scoring"
    var id: Int64?
    var instrumentId: String
    var instrumentVersion: String
    /// JSON object option → choice, keys sorted.
    var ruleChoices: String
    var includeUnverified: Bool
    /// `tableId (normSet)` of each band table, comma separated.
    var bandTables: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
