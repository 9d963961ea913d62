/// The character that separates fields in a CSV file.
public struct CSVDelimiter: Hashable, Sendable, CustomStringConvertible {
    /// The delimiter's single ASCII byte.
    public let byte: UInt8

    /// `,` — RFC 4180 and English-locale Excel.
    public static let comma = CSVDelimiter(unchecked: UInt8(ascii: ","))
    /// `;` — Danish-locale Excel, SurveyXact "ANSI" exports, LimeSurvey.
    public static let semicolon = CSVDelimiter(unchecked: UInt8(ascii: ";"))
    /// TAB — SurveyXact "Unicode" exports.
    public static let tab = CSVDelimiter(unchecked: UInt8(ascii: "\t"))

    /// The delimiters that detection chooses between, in tie-breaking order.
    static let detectable: [CSVDelimiter] = [.semicolon, .tab, .comma]

    init(unchecked byte: UInt8) {
        self.byte = byte
    }

    /// Creates a delimiter from a character such as `;`, `,`, `|` or `\t`.
    ///
    /// - Parameter character: A single ASCII character other than `"`, CR or LF.
    ///   The words `tab`, `comma` and `semicolon` are accepted too.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "tab", "\\t": self = .tab
        case "comma": self = .comma
        case "semicolon": self = .semicolon
        default:
            guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80,
                byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D
            else { return nil }
            self.byte = byte
        }
    }

    /// The delimiter as shown to users: `';' (semicolon)`, `TAB`, `','` (comma)`.
    public var description: String {
        switch byte {
        case UInt8(ascii: ","): "',' (comma)"
        case UInt8(ascii: ";"): "';' (semicolon)"
        case UInt8(ascii: "\t"): "TAB"
        default: "'\(Character(Unicode.Scalar(byte)))'"
        }
    }
}
