/// What removing one import did (or, in a dry run, would do).
///
/// The rule (``BatchRemoval``): the store is left as if the file had never been imported, as far
/// as the store can tell. The responses the import holds are deleted with their scores; a response
/// that a later, still-imported file delivered unchanged stays, now held by that file
/// (`handedOver`); children left without any response go too. Responses this import replaced
/// (`--replace`) are not brought back: their answers are in the audit log (`replace` entries).
public struct ImportRemoval: Hashable, Sendable {
    /// The import as it was before the removal.
    public var batch: StoredImport
    /// Responses deleted (with their scores).
    public var removedResponses: Int
    /// Responses kept because a later import delivered them unchanged; that import now holds them.
    public var handedOver: Int
    /// Children deleted because no response of theirs was left.
    public var removedChildren: Int
    /// Trivselsmåling figures deleted.
    public var removedTrivselFigures: Int
    /// Earlier responses this import replaced; they are not restored (see the audit log).
    public var notRestored: Int
    /// Whether nothing was changed (a dry run).
    public var dryRun: Bool

    /// Creates the value from its parts.
    package init(batch: StoredImport, removedResponses: Int, handedOver: Int, removedChildren: Int,
                 removedTrivselFigures: Int, notRestored: Int, dryRun: Bool) {
        self.batch = batch
        self.removedResponses = removedResponses
        self.handedOver = handedOver
        self.removedChildren = removedChildren
        self.removedTrivselFigures = removedTrivselFigures
        self.notRestored = notRestored
        self.dryRun = dryRun
    }
}
