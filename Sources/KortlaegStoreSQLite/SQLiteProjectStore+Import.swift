import KortlaegStore
import Foundation
import GRDB
import KortlaegDomain

extension SQLiteProjectStore {
    public func importFile(_ batch: ImportBatch, options: ImportOptions,
                           produce: (any ImportSink) throws -> Void) throws -> ImportOutcome {
        try importBatchTransaction(batch, operator: options.operator,
                                   alreadyImported: { ImportOutcome.alreadyImported(fileName: $0, importedAt: $1) }) { db, record, now in
            let sink = SQLiteImportSink(db: db, batchId: record.id!, options: options, pseudonymizer: pseudonymizer,
                                        timestamp: now)
            try produce(sink)
            var counts = sink.counts
            counts.dryRun = options.dryRun
            if !sink.conflicts.isEmpty && !options.replace {
                return BatchDecision(outcome: .conflicts(sink.conflicts, counts: counts))
            }
            if options.dryRun { return BatchDecision(outcome: .imported(counts)) }
            record.profile = sink.profile ?? batch.profile
            record.accepted = counts.accepted
            record.rejected = counts.rejected
            record.replaced = counts.replaced
            var summary = "imported \(record.fileName) (sha256 \(batch.sha256.prefix(12))…): \(counts.accepted) accepted, \(counts.rejected) rejected"
            if counts.replaced > 0 { summary += ", \(counts.replaced) replaced" }
            return BatchDecision(outcome: .imported(counts), auditSummary: summary)
        }
    }
}
