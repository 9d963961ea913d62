import Foundation

/// The frame every file import shares, whatever the file holds and whatever the backend:
///
/// - a file whose SHA-256 was imported before changes nothing (``BatchOutcome/alreadyImported(fileName:importedAt:)``);
/// - otherwise its batch row is inserted, `body` stores the records, and the batch's counts and an
///   `import` audit entry are committed together with them in one transaction, or nothing is:
///   conflicts without `replace`, a dry run and an error all roll the whole file back.
package enum BatchImport {
    /// What the body of an import decided.
    package struct Decision<Outcome> {
        /// What to report to the caller.
        package var outcome: Outcome
        /// What to store when the file is kept; nil rolls everything back (conflicts, dry run).
        package var keep: Kept?

        package init(outcome: Outcome, keep: Kept? = nil) {
            self.outcome = outcome
            self.keep = keep
        }
    }

    /// The batch's final profile and counts, and the summary of its `import` audit entry.
    package struct Kept {
        package var profile: String
        package var accepted: Int
        package var rejected: Int
        package var replaced: Int
        package var auditSummary: String

        package init(profile: String, accepted: Int, rejected: Int, replaced: Int, auditSummary: String) {
            self.profile = profile
            self.accepted = accepted
            self.rejected = rejected
            self.replaced = replaced
            self.auditSummary = auditSummary
        }
    }

    /// The current batch inside the transaction: its id, stored file name and time.
    package struct Context {
        package var batchID: Int64
        package var fileName: String
        package var timestamp: String
    }

    /// Runs one file import.
    /// - Parameters:
    ///   - alreadyImported: the outcome for a file imported before (its name and time).
    ///   - body: stores the records through the backend and decides.
    package static func run<Store: ImportTransactions, Outcome>(
        _ batch: ImportBatch, operator: String, store: Store,
        alreadyImported: (_ fileName: String, _ importedAt: String) -> Outcome,
        body: (Store.Backend, Context) throws -> Decision<Outcome>
    ) throws -> Outcome {
        if let previous = try store.previousImport(sha256: batch.sha256) {
            return alreadyImported(previous.fileName, previous.importedAt)
        }
        var outcome: Outcome?
        try store.inImportTransaction { backend in
            // A second importer of the same file waited for the first one's transaction: it now
            // sees that import and changes nothing, as a later run would.
            if let previous = try backend.previousImport(sha256: batch.sha256) {
                outcome = alreadyImported(previous.fileName, previous.importedAt)
                return false
            }
            let now = StoreClock.timestamp()
            let fileName = URL(fileURLWithPath: batch.fileName).lastPathComponent
            let batchID = try backend.insertBatch(NewImportBatch(fileName: fileName, sha256: batch.sha256,
                                                                 profile: batch.profile, importedAt: now,
                                                                 operator: `operator`))
            let decision = try body(backend, Context(batchID: batchID, fileName: fileName, timestamp: now))
            outcome = decision.outcome
            guard let kept = decision.keep else { return false }
            try backend.finishBatch(id: batchID, profile: kept.profile, accepted: kept.accepted, rejected: kept.rejected,
                                    replaced: kept.replaced)
            try backend.insertAudit(NewAuditEntry(at: now, operator: `operator`, action: .import, batchID: batchID,
                                                  summary: kept.auditSummary, detail: nil))
            return true
        }
        return outcome!
    }
}
