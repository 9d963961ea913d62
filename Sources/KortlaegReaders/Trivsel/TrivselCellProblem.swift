/// A cell of a results file that could not be read; the cell is treated as absent and the
/// problem is reported, located by file, line and column.
///
/// Aggregated figures are not personal data, so the offending value is quoted.
public struct TrivselCellProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file name.
    public var file: String
    /// The data row (1 = first data row).
    public var row: Int
    /// The physical line.
    public var line: Int
    /// The column's header.
    public var column: String
    /// The value as written.
    public var value: String
    /// What was expected instead.
    public var expected: String

    /// `file:line: column 'X': 'value' is not valid; expected …`.
    public var description: String {
        "\(file):\(line): column '\(column)': '\(value)' is not valid; expected \(expected)."
    }
}
