/// One located problem of an imported file, kept in the batch's rejects report.
public struct ImportReject: Hashable, Sendable {
    /// The data row (1 = first data row).
    public var row: Int
    /// The physical line in the file.
    public var line: Int
    /// The column (variable name) or `(row)`.
    public var column: String
    /// The offending value; nil when it may be personal data. A CPR-shaped value is never kept.
    public var value: String?
    /// What was expected, in words a PPR employee can act on.
    public var reason: String

    /// Creates a rejection.
    public init(row: Int, line: Int, column: String, value: String?, reason: String) {
        self.row = row
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }
}
