/// How lines end in a CSV file.
public enum CSVLineEnding: Sendable, Equatable, CustomStringConvertible {
    /// CR LF, as RFC 4180 and Windows write.
    case crlf
    /// LF alone.
    case lf
    /// CR alone (old Mac files).
    case cr
    /// The file has a single line with no line ending.
    case none

    /// `CRLF`, `LF`, `CR` or `no line ending`.
    public var description: String {
        switch self {
        case .crlf: "CRLF"
        case .lf: "LF"
        case .cr: "CR"
        case .none: "no line ending"
        }
    }
}
