/// A problem with a CSV file, located by file and line.
///
/// Messages never contain field values: a CSV cell may hold a CPR number or free text.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file ends inside a quoted field; `line` is where the quote opened.
    case unterminatedQuote(file: String, line: Int)
    /// A byte is not valid in the file's encoding. `byteOffset` counts from 0 at the file's start.
    case invalidEncoding(file: String, byteOffset: Int, line: Int?, encoding: TextEncodingKind)
    /// A record has a different number of fields than the header.
    case raggedRow(file: String, row: Int, line: Int, expected: Int, found: Int)
    /// A record is longer than the reader's limit, usually because a quote is not closed.
    case recordTooLong(file: String, line: Int, limitBytes: Int)
    /// A line without quotes is longer than the reader's limit (no line break for 16 MiB).
    case lineTooLong(file: String, line: Int, limitBytes: Int)
    /// The header has more columns than any questionnaire export.
    case tooManyColumns(file: String, found: Int, limit: Int)
    /// An output file could not be written; `reason` says why ("the disk is full", "no permission").
    case cannotWrite(file: String, reason: String)

    /// A message a PPR employee can act on, in `file:line: message` form.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file: \(reason)."
        case let .unterminatedQuote(file, line):
            return "\(file):\(line): a quoted field starts on line \(line) but is never closed; "
                + "expected a closing \" before the end of the file."
        case let .invalidEncoding(file, offset, line, encoding):
            let at = line.map { ":\($0)" } ?? ""
            let hint = encoding == .utf8
                ? " The file is probably not UTF-8; choose its encoding (for example Windows-1252)."
                : ""
            return "\(file)\(at): byte \(offset) is not valid \(encoding); expected \(encoding) text.\(hint)"
        case let .lineTooLong(file, line, limit):
            return "\(file):\(line): line \(line) is longer than \(limit / (1024 * 1024)) MiB without a line break; "
                + "expected one record per line (is it a CSV file?)."
        case let .tooManyColumns(file, found, limit):
            return "\(file):1: the header has \(found) columns; expected at most \(limit) (no questionnaire export has more)."
        case let .cannotWrite(file, reason):
            return "cannot write \(file): \(reason)."
        case let .raggedRow(file, row, line, expected, found):
            return "\(file):\(line): row \(row) has \(found) fields; expected \(expected) like the header."
        case let .recordTooLong(file, line, limit):
            return "\(file):\(line): the record starting on line \(line) is longer than "
                + "\(limit / (1024 * 1024)) MiB; expected a closing \" for a quoted field."
        }
    }
}
