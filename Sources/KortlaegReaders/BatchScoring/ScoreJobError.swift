/// Why a scoring run could not start or finish.
public enum ScoreJobError: Error, CustomStringConvertible, Equatable {
    case missingIDColumn(file: String, name: String, suggestion: String?)
    case noItemColumns(file: String, instrument: String, example: [String])
    case emptyFile(file: String)
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case let .missingIDColumn(file, name, suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(file): there is no column '\(name)' in the header.\(hint)"
        case let .noItemColumns(file, instrument, example):
            return "\(file): no column matches an item of \(instrument). Columns must be named by the official variable names (e.g. \(example.joined(separator: ", "))); check --instrument."
        case let .emptyFile(file):
            return "\(file): the file is empty; expected a header line and data rows."
        case let .unreadable(file, reason):
            return "\(file): \(reason)"
        }
    }
}
