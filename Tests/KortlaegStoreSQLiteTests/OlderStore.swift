import Foundation
import GRDB
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// A project file as an older Kortlæg left it: the migrations up to `last`, a project row, and
/// the rows `sql` inserts; closed, so that opening it runs the later migrations.
func olderStore(at path: String, upTo last: String, _ sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try StoreMigrations.migrator.migrate(queue, upTo: last)
    try queue.write { db in
        try ProjectRecord(municipality: "Odense", interventionModel: nil, toolVersion: nil,
                          pseudonymKey: Pseudonymizer.makeKey(), createdAt: "2025-01-01T00:00:00Z").insert(db)
        try db.execute(sql: sql)
    }
    try queue.close()
}
