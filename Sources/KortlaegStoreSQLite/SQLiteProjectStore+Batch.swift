import GRDB
import KortlaegStore

/// The SQLite store gives the shared import rules (KortlaegStore's ``BatchImport``,
/// ``ResponseImport``, ``TrivselImport``) one immediate transaction per file.
extension SQLiteProjectStore: ImportTransactions {
    package func previousImport(sha256: String) throws -> PreviousImport? {
        try wrap {
            try dbQueue.read { db in
                try ImportBatchRecord.filter(Column("sha256") == sha256 && Column("removedAt") == nil).fetchOne(db)
                    .map { PreviousImport(fileName: $0.fileName, importedAt: $0.importedAt) }
            }
        }
    }

    package func inImportTransaction(_ body: (SQLiteImportBackend) throws -> Bool) throws {
        try ensureIntact()
        try wrap {
            try dbQueue.inTransaction(.immediate) { db in
                try body(SQLiteImportBackend(db: db)) ? .commit : .rollback
            }
        }
    }
}
