import Foundation
import GRDB
import KortlaegDomain

extension SQLiteProjectStore {
    public func importFile(_ batch: ImportBatch, options: ImportOptions,
                           produce: (any ImportSink) throws -> Void) throws -> ImportOutcome {
        try wrap {
            if let previous = try dbQueue.read({ db in
                try ImportBatchRecord.filter(Column("sha256") == batch.sha256).fetchOne(db)
            }) {
                return .alreadyImported(fileName: previous.fileName, importedAt: previous.importedAt)
            }
            var outcome = ImportOutcome.imported(ImportCounts())
            try dbQueue.inTransaction(.immediate) { db in
                let now = Self.timestamp()
                let fileName = URL(fileURLWithPath: batch.fileName).lastPathComponent
                var record = ImportBatchRecord(id: nil, fileName: fileName, sha256: batch.sha256, profile: batch.profile,
                                               importedAt: now, operator: options.operator,
                                               accepted: 0, rejected: 0, replaced: 0)
                try record.insert(db)
                let sink = SQLiteImportSink(db: db, batchId: record.id!, options: options, pseudonymizer: pseudonymizer,
                                            timestamp: now)
                try produce(sink)
                var counts = sink.counts
                counts.dryRun = options.dryRun
                if !sink.conflicts.isEmpty && !options.replace {
                    outcome = .conflicts(sink.conflicts, counts: counts)
                    return .rollback
                }
                outcome = .imported(counts)
                if options.dryRun { return .rollback }
                record.profile = sink.profile ?? batch.profile
                record.accepted = counts.accepted
                record.rejected = counts.rejected
                record.replaced = counts.replaced
                try record.update(db)
                var summary = "imported \(fileName) (sha256 \(batch.sha256.prefix(12))…): \(counts.accepted) accepted, \(counts.rejected) rejected"
                if counts.replaced > 0 { summary += ", \(counts.replaced) replaced" }
                var audit = AuditLogRecord(id: nil, at: now, operator: options.operator, action: AuditAction.import.rawValue,
                                           batchId: record.id, summary: summary, detail: nil)
                try audit.insert(db)
                return .commit
            }
            return outcome
        }
    }
}
