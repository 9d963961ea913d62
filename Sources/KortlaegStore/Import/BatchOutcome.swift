/// What importing one file did, whatever the file held.
public enum BatchOutcome<Counts: Hashable & Sendable, Conflict: Hashable & Sendable>: Hashable, Sendable {
    /// The file was stored (or, with `dryRun`, would have been).
    case imported(Counts)
    /// A file with the same SHA-256 was imported before; nothing changed.
    case alreadyImported(fileName: String, importedAt: String)
    /// Some records re-deliver what other files delivered and `replace` was not given; nothing
    /// was stored.
    case conflicts([Conflict], counts: Counts)
}

/// What a response import did.
public typealias ImportOutcome = BatchOutcome<ImportCounts, ImportConflict>
