import KortlaegProgress

/// A progress analysis as the renderers show it: the analysis, the names of its two occasions,
/// what it is grouped by, and the notes on how it was made.
public struct ProgressReport: Sendable {
    /// The pairing, the per-child changes and the group summaries.
    public var analysis: ProgressAnalysis
    /// The earlier occasion's name (`T1`).
    public var from: String
    /// The later occasion's name (`T2`, `F2`).
    public var to: String
    /// The attribute the groups are formed by, or nil for one group of all children.
    public var groupBy: String?
    /// How the analysis was made (bands, paired versions, rows left out).
    public var notes: [ProgressNote]
    /// What the children's ids are, which decides how the unpaired children are listed.
    public var childIDs: ChildIDs = .asGiven

    /// What the children's ids of a report are.
    public enum ChildIDs: Sendable {
        /// The files' own ids: listed as given (a CPR-shaped id masked).
        case asGiven
        /// A project's pseudonyms: listed by their short label (``PseudonymLabel``).
        case pseudonyms
        /// Not listed at all, counts only (a researcher sees group results only).
        case hidden
    }

    /// A report.
    public init(analysis: ProgressAnalysis, from: String, to: String, groupBy: String? = nil, notes: [ProgressNote] = []) {
        self.analysis = analysis
        self.from = from
        self.to = to
        self.groupBy = groupBy
        self.notes = notes
    }
}
