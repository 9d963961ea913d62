/// How a CSV file is written: delimiter, encoding, byte order mark and line endings.
///
/// ``CSVReader`` detects the dialect from the file's first bytes unless the caller chose the
/// delimiter or the encoding; report ``description`` to the user so a wrong guess is visible.
public struct CSVDialect: Sendable, Equatable, CustomStringConvertible {
    /// The field separator.
    public var delimiter: CSVDelimiter
    /// The text encoding.
    public var encoding: TextEncodingKind
    /// Whether the file starts with a byte order mark.
    public var hadByteOrderMark: Bool
    /// The line ending of the first line.
    public var lineEnding: CSVLineEnding
    /// Whether ``delimiter`` was detected (`false`: chosen by the caller).
    public var delimiterWasDetected: Bool
    /// Whether ``encoding`` was detected (`false`: chosen by the caller).
    public var encodingWasDetected: Bool

    /// Creates a dialect description.
    public init(
        delimiter: CSVDelimiter, encoding: TextEncodingKind, hadByteOrderMark: Bool,
        lineEnding: CSVLineEnding, delimiterWasDetected: Bool, encodingWasDetected: Bool
    ) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
        self.lineEnding = lineEnding
        self.delimiterWasDetected = delimiterWasDetected
        self.encodingWasDetected = encodingWasDetected
    }

    /// For example `UTF-16LE with BOM (detected), TAB separated (detected), CRLF line endings`.
    public var description: String {
        let bom = hadByteOrderMark ? " with BOM" : ""
        let encodingSource = encodingWasDetected ? "detected" : "chosen"
        let delimiterSource = delimiterWasDetected ? "detected" : "chosen"
        let endings = lineEnding == .none ? "no line ending" : "\(lineEnding) line endings"
        return "\(encoding)\(bom) (\(encodingSource)), \(delimiter) separated (\(delimiterSource)), \(endings)"
    }
}
