import Foundation
import KortlaegDomain

/// The rule for removing one import (`kortlaeg imports remove`), over any backend, in one
/// transaction: everything below happens, or (error, dry run) nothing does.
///
/// 1. An unknown id is refused (``StoreError/importNotFound(id:)``), so is an import removed before
///    (``StoreError/importAlreadyRemoved(id:fileName:removedAt:)``).
/// 2. Responses the import holds that a later, not removed import delivered unchanged stay, held
///    now by the earliest such import: that file delivered them too, and removing one file must not
///    take away what another still delivers.
/// 3. Every other response the import holds is deleted with its scores; children left without any
///    response are deleted (as if the file had never been imported).
/// 4. Its trivselsmåling figures are deleted; its re-delivery records of other imports' responses go.
/// 5. The batch row stays, marked removed (who, when), with its rejects report: the history is
///    kept, but the file no longer counts as imported, so the same or a corrected file can be
///    imported again.
/// 6. Responses the import replaced (`--replace`) are not restored; the `replace` audit entries
///    keep their answers. The removal says how many.
/// 7. A `removeImport` audit entry records what was removed.
package enum BatchRemoval {
    package static func remove<Store: ImportTransactions>(
        id: Int64, operator: String, dryRun: Bool, store: Store
    ) throws -> ImportRemoval where Store.Backend: BatchRemovalBackend {
        var result: ImportRemoval?
        try store.inImportTransaction { backend in
            guard let batch = try backend.storedImport(id: id) else { throw StoreError.importNotFound(id: id) }
            if let removedAt = batch.removedAt {
                throw StoreError.importAlreadyRemoved(id: id, fileName: batch.fileName, removedAt: removedAt)
            }
            let handedOver = try backend.handOverRedeliveredResponses(batchID: id)
            let children = try backend.childIDs(batchID: id)
            let removedResponses = try backend.deleteResponses(batchID: id)
            let removedChildren = try backend.deleteChildrenWithoutResponses(children)
            try backend.deleteRedeliveries(batchID: id)
            let removedFigures = try backend.deleteTrivselFigures(batchID: id)
            let now = StoreClock.timestamp()
            try backend.markRemoved(batchID: id, at: now, by: `operator`)
            let removal = ImportRemoval(batch: batch, removedResponses: removedResponses, handedOver: handedOver,
                                        removedChildren: removedChildren, removedTrivselFigures: removedFigures,
                                        notRestored: batch.replaced, dryRun: dryRun)
            try backend.insertAudit(NewAuditEntry(at: now, operator: `operator`, action: .removeImport, batchID: id,
                                                  summary: auditSummary(removal), detail: auditDetail(removal)))
            result = removal
            return !dryRun
        }
        return result!
    }

    /// "removed import 3 (a.csv, sha256 1f2e…, imported 2026-…): 12 responses, 2 children deleted; …".
    static func auditSummary(_ removal: ImportRemoval) -> String {
        let batch = removal.batch
        var summary = "removed import \(batch.id) (\(CPRGuard.masked(batch.fileName)), sha256 \(batch.sha256.prefix(12))…, imported \(batch.importedAt)): "
        summary += "\(removal.removedResponses) responses and \(removal.removedChildren) children deleted"
        if removal.removedTrivselFigures > 0 { summary += ", \(removal.removedTrivselFigures) trivsel figures deleted" }
        if removal.handedOver > 0 { summary += ", \(removal.handedOver) kept (a later file delivered them unchanged)" }
        if removal.notRestored > 0 { summary += ", \(removal.notRestored) responses it replaced not restored" }
        return summary
    }

    static func auditDetail(_ removal: ImportRemoval) -> String {
        let batch = removal.batch
        return """
            {"batch":\(batch.id),"file":\(AnswerCoding.quoted(CPRGuard.masked(batch.fileName))),\
            "sha256":\(AnswerCoding.quoted(batch.sha256)),"importedAt":\(AnswerCoding.quoted(batch.importedAt)),\
            "importedBy":\(AnswerCoding.quoted(batch.operator)),"removedResponses":\(removal.removedResponses),\
            "handedOver":\(removal.handedOver),"removedChildren":\(removal.removedChildren),\
            "removedTrivselFigures":\(removal.removedTrivselFigures),"notRestored":\(removal.notRestored)}
            """
    }
}
