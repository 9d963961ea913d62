import KortlaegProgress

/// Progress over the whole course as the renderers show it: the analysis, what it is grouped
/// by, the notes on how it was made, and the rows left out per occasion.
public struct CourseReport: Sendable {
    /// The means per occasion, the follow-up analyses and the trajectories.
    public var analysis: CourseAnalysis
    /// The attribute the groups are formed by, or nil for one group of all children.
    public var groupBy: String?
    /// How the analysis was made (bands, reliabilities, paired versions).
    public var notes: [ProgressNote]
    /// Rows with status `rejected` left out, per occasion in course order.
    public var rejectedRows: [Int]

    /// A report.
    public init(analysis: CourseAnalysis, groupBy: String? = nil, notes: [ProgressNote] = [], rejectedRows: [Int] = []) {
        self.analysis = analysis
        self.groupBy = groupBy
        self.notes = notes
        self.rejectedRows = rejectedRows
    }
}
