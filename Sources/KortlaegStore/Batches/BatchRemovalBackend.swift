/// The primitives a store backend offers ``BatchRemoval``, inside one write transaction (the one
/// ``ImportTransactions/inImportTransaction(_:)`` opens, so an import and a removal never overlap).
/// A backend finds, updates and deletes rows; the order and the meaning are the rule's.
package protocol BatchRemovalBackend: ImportBackend {
    /// The import with this id as listed (counts of now), removed or not; nil when there is none.
    func storedImport(id: Int64) throws -> StoredImport?
    /// Responses held by `batchID` that a later import which is not removed delivered unchanged:
    /// each passes to the earliest such import (and that import's re-delivery record goes).
    /// - Returns: how many passed.
    func handOverRedeliveredResponses(batchID: Int64) throws -> Int
    /// The distinct children of the responses `batchID` holds.
    func childIDs(batchID: Int64) throws -> [Int64]
    /// Deletes every response `batchID` holds, with its scores and re-delivery records.
    /// - Returns: how many responses were deleted.
    func deleteResponses(batchID: Int64) throws -> Int
    /// Deletes those of `ids` that have no response left.
    /// - Returns: how many were deleted.
    func deleteChildrenWithoutResponses(_ ids: [Int64]) throws -> Int
    /// Deletes the records of responses of other imports that `batchID` re-delivered unchanged.
    func deleteRedeliveries(batchID: Int64) throws
    /// Deletes the trivselsmåling figures `batchID` stored.
    /// - Returns: how many were deleted.
    func deleteTrivselFigures(batchID: Int64) throws -> Int
    /// Marks the import removed: it no longer counts as imported (the same file can be imported again).
    func markRemoved(batchID: Int64, at: String, by: String) throws
}
