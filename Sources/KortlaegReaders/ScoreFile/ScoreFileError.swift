/// Why a score file cannot be read. Messages name the file, row and column, never a value.
public enum ScoreFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read as CSV.
    case unreadable(file: String, reason: String)
    /// The file has no header line.
    case emptyFile(file: String)
    /// The id column given is not in the header.
    case missingIDColumn(file: String, name: String, suggestion: String?, header: [String])
    /// No column holds a score of the instrument.
    case noScoreColumns(file: String, instrument: String, instrumentID: String, expected: [String])
    /// A score cell is not a number.
    case notANumber(file: String, row: Int, column: String, value: String)

    /// The message, naming file, row and column.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): \(reason)"
        case let .emptyFile(file):
            return "\(file): the file is empty; expected a header line written by 'kortlaeg score'."
        case let .missingIDColumn(file, name, suggestion, header):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(file): no id column '\(name)'.\(hint) The header has: \(header.prefix(6).joined(separator: ", "))."
        case let .noScoreColumns(file, instrument, instrumentID, expected):
            return "\(file): no score column of \(instrument) (expected e.g. \(expected.joined(separator: ", "))). "
                + "Is this a file written by 'kortlaeg score' with --instrument \(instrumentID)?"
        case let .notANumber(file, row, column, value):
            return "\(file): row \(row), column '\(column)': '\(value)' is not a score; expected a number such as 4 or 2,5, or an empty cell."
        }
    }
}
