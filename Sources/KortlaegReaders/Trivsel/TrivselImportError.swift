import KortlaegDomain

/// A problem that stops a trivselsmåling results file from being read.
public enum TrivselImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No column holds an indicator mean.
    case noIndicatorColumns(file: String, suggestion: String?)
    /// Two columns hold the same thing.
    case duplicateColumn(file: String, first: String, second: String)
    /// The file itself could not be read as CSV.
    case csv(CSVError)
    /// The file is an Excel workbook that cannot be read (or an old `.xls`).
    case excel(XLSXError)

    /// A message a PPR employee can act on.
    public var description: String {
        switch self {
        case let .noIndicatorColumns(file, suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(file):1: no indicator column found; expected a header such as "
                + "'År;Skolenavn;Trin;Social trivsel;Faglig trivsel;Støtte og inspiration;Ro og orden;Generel trivsel'.\(hint)"
        case let .duplicateColumn(file, first, second):
            return "\(file):1: columns '\(first)' and '\(second)' hold the same figure; expected each only once. "
                + "Remove or rename one of them."
        case let .csv(error):
            return error.description
        case let .excel(error):
            return error.description
        }
    }
}
