import KortlaegStore
import Foundation
import GRDB

/// The `project` table: one row.
struct ProjectRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "project"
    var id: Int64 = 1
    var municipality: String?
    var interventionModel: String?
    var toolVersion: String?
    var pseudonymKey: Data
    var createdAt: String
}
