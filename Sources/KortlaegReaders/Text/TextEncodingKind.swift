/// A text encoding Kortlæg can read from questionnaire files.
///
/// Danish exports arrive as UTF-8 (with or without byte order mark), UTF-16 with a byte order
/// mark (SurveyXact's "Unicode" export) or Windows-1252 ("ANSI" from Excel and SurveyXact).
public enum TextEncodingKind: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16, little-endian byte order.
    case utf16LittleEndian = "utf-16le"
    /// UTF-16, big-endian byte order.
    case utf16BigEndian = "utf-16be"
    /// Windows-1252 ("ANSI"), Latin-1 plus typographic characters such as € in 0x80–0x9F.
    case windows1252 = "windows-1252"

    /// Creates an encoding from a user-supplied name such as `utf8`, `UTF-16LE`, `cp1252` or `ansi`.
    ///
    /// - Parameter name: The name, case-insensitive; `-` and `_` are optional.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "utf8": self = .utf8
        case "utf16le", "utf16", "unicode": self = .utf16LittleEndian
        case "utf16be": self = .utf16BigEndian
        case "windows1252", "cp1252", "ansi", "win1252": self = .windows1252
        default: return nil
        }
    }

    /// The encoding's usual name, e.g. "UTF-8" or "Windows-1252".
    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .windows1252: "Windows-1252"
        }
    }
}
