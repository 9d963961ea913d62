/// A problem with a REDCap export.
public enum REDCapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required column is missing from the header.
    case missingColumn(file: String, column: String)

    /// A message in `file: message` form.
    public var description: String {
        switch self {
        case let .missingColumn(file, column):
            return "\(file): the header has no column '\(column)'; expected a REDCap export with this column."
        }
    }
}
