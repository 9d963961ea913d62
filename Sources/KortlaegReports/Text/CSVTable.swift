/// The one CSV layout of the reports' tables (RFC 4180 quoting, `\n` line ends): a field is
/// quoted only when it holds the delimiter, a quote or a line break, and inner quotes are doubled.
///
/// Large files written while they are read (imports, exports) use the readers' streaming CSV
/// writer instead; this is for reports, whose rows are already in memory.
public struct CSVTable: Sendable {
    /// The rows, the header first.
    public var rows: [[String]]
    /// The field separator (`,` or a tab).
    public var delimiter: Character

    /// A table of `rows`.
    public init(rows: [[String]], delimiter: Character = ",") {
        self.rows = rows
        self.delimiter = delimiter
    }

    /// The table as text, every line ending with `\n`.
    public var text: String { rows.map { Self.line($0, delimiter: delimiter) }.joined() }

    /// One record as a line, ending with `\n`.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field in
            guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }.joined(separator: String(delimiter)) + "\n"
    }
}
