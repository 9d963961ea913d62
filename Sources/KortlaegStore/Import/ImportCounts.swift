/// The counts of one import.
public struct ImportCounts: Hashable, Sendable {
    /// Records stored.
    public var accepted = 0
    /// Rejections (problems) in the rejects report.
    public var rejected = 0
    /// Stored responses replaced (`replace`).
    public var replaced = 0
    /// Records identical to a response an earlier file delivered (same answers, instrument
    /// version and date): a re-delivery, left as stored and neither a conflict nor a replacement.
    public var unchanged = 0
    /// New children.
    public var newChildren = 0
    /// Records that conflict with a response another file delivered (every one; the outcome lists
    /// the first 1,000 of them).
    public var conflicts = 0
    /// Whether this was a dry run (nothing stored).
    public var dryRun = false

    /// Creates zero counts.
    public init() {}
}
