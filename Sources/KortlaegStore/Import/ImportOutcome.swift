/// What an import did.
public enum ImportOutcome: Hashable, Sendable {
    /// The file was stored (or, with `dryRun`, would have been).
    case imported(ImportCounts)
    /// A file with the same SHA-256 was imported before; nothing changed.
    case alreadyImported(fileName: String, importedAt: String)
    /// Some records re-deliver responses of other files and `replace` was not given; nothing was
    /// stored.
    case conflicts([ImportConflict], counts: ImportCounts)
}

/// The counts of one import.
public struct ImportCounts: Hashable, Sendable {
    /// Records stored.
    public var accepted = 0
    /// Rejections (problems) in the rejects report.
    public var rejected = 0
    /// Stored responses replaced (`replace`).
    public var replaced = 0
    /// New children.
    public var newChildren = 0
    /// Whether this was a dry run (nothing stored).
    public var dryRun = false

    /// Creates zero counts.
    public init() {}
}
