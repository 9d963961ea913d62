import KortlaegStore
import Foundation
import GRDB

extension SQLiteProjectStore {
    /// What the body of an import transaction decided.
    struct BatchDecision<Outcome> {
        /// What to report to the caller.
        var outcome: Outcome
        /// The audit log summary when the file is to be stored; nil rolls everything back
        /// (conflicts, dry run).
        var auditSummary: String?
    }

    /// The frame every file import shares: a file whose SHA-256 was imported before changes
    /// nothing; otherwise its `importBatch` row is inserted, `body` stores the records inside one
    /// immediate transaction, and the counts the body wrote into the batch record and an audit
    /// entry are committed together with them, or nothing is.
    ///
    /// - Parameters:
    ///   - alreadyImported: the outcome for a file imported before (its name and time).
    ///   - body: stores the records; gets the database, the batch record (to fill in its counts)
    ///     and the import time.
    func importBatchTransaction<Outcome>(
        _ batch: ImportBatch, operator: String,
        alreadyImported: (_ fileName: String, _ importedAt: String) -> Outcome,
        body: (Database, inout ImportBatchRecord, _ now: String) throws -> BatchDecision<Outcome>
    ) throws -> Outcome {
        try wrap {
            if let previous = try dbQueue.read({ db in
                try ImportBatchRecord.filter(Column("sha256") == batch.sha256).fetchOne(db)
            }) {
                return alreadyImported(previous.fileName, previous.importedAt)
            }
            var outcome: Outcome?
            try dbQueue.inTransaction(.immediate) { db in
                let now = Self.timestamp()
                let fileName = URL(fileURLWithPath: batch.fileName).lastPathComponent
                var record = ImportBatchRecord(id: nil, fileName: fileName, sha256: batch.sha256, profile: batch.profile,
                                               importedAt: now, operator: `operator`,
                                               accepted: 0, rejected: 0, replaced: 0)
                try record.insert(db)
                let decision = try body(db, &record, now)
                outcome = decision.outcome
                guard let summary = decision.auditSummary else { return .rollback }
                try record.update(db)
                var audit = AuditLogRecord(id: nil, at: now, operator: `operator`, action: AuditAction.import.rawValue,
                                           batchId: record.id, summary: summary, detail: nil)
                try audit.insert(db)
                return .commit
            }
            return outcome!
        }
    }
}
