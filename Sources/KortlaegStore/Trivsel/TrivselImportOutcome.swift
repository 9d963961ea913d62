/// What storing a trivselsmåling results file did.
public typealias TrivselImportOutcome = BatchOutcome<TrivselImportCounts, TrivselConflict>

/// The counts of one trivselsmåling results import.
public struct TrivselImportCounts: Hashable, Sendable {
    /// Result rows (school × klassetrin × school year) with at least one figure stored.
    public var results = 0
    /// Figures (one indicator of one result row) stored.
    public var figures = 0
    /// Schools the project did not have yet.
    public var newSchools = 0
    /// Rejections (problems) in the rejects report: unreadable cells and rows that cannot be attached.
    public var rejected = 0
    /// Stored figures replaced (`replace`).
    public var replaced = 0
    /// Whether this was a dry run (nothing stored).
    public var dryRun = false
    /// The rejections the store itself found (rows naming no school, figures repeated in the file),
    /// for showing; they are counted in ``rejected`` and kept in the rejects report with the others.
    public var storeRejects: [ImportReject] = []

    /// Creates zero counts.
    public init() {}
}
