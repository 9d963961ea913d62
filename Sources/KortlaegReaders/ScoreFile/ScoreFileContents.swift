import KortlaegDomain

/// What a score file holds, as ``ScoreFileReader`` read it.
public struct ScoreFileContents: Sendable {
    /// One row of the file.
    public struct Row: Sendable, Equatable {
        /// The row's number (1 = the first data row).
        public var number: Int
        /// The id as written (possibly empty when the input row had none).
        public var id: String
        /// The kept columns (class, school, …) by header name.
        public var attributes: [String: String]
        /// Scores by score id of the target instrument: a value, or nil for an empty cell. Rejected
        /// rows have nil for every score column present.
        public var scores: [String: Double?]
        /// The row's status, when the file has a status column with a known value.
        public var status: ScoreFileFormat.Status?
    }

    /// The rows in file order.
    public var rows: [Row]
    /// The id column's name.
    public var idColumn: String
    /// The kept columns (neither id, score, band nor status), in header order.
    public var attributeColumns: [String]

    /// Rows with status `rejected`.
    public var rejectedRows: Int { rows.filter { $0.status == .rejected }.count }

    /// The rows not rejected, as per-child observations (computed scores only).
    public var observations: [ChildObservation] {
        rows.filter { $0.status != .rejected }.map { row in
            ChildObservation(id: row.id, attributes: row.attributes, values: row.scores.compactMapValues { $0 })
        }
    }
}
