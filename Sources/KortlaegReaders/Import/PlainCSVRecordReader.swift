import Foundation

/// Streams a plain CSV (one response per row) as ``SourceRecord``s: the first column is the
/// subject key, every column (the first included) is a field named by its header.
public final class PlainCSVRecordReader {
    private let reader: CSVReader
    private let names: [String]
    /// The CSV dialect detected.
    public var dialect: CSVDialect { reader.dialect }
    /// The header.
    public var header: [String] { reader.header }
    /// The file's bytes read so far.
    public var bytesRead: Int { reader.bytesRead }

    /// Opens a CSV file.
    /// - Throws: ``CSVError``.
    public init(path: String) throws {
        reader = try CSVReader(path: path)
        names = reader.header.map { $0.trimmingCharacters(in: [" ", "\t", "\u{FEFF}"]) }
    }

    /// Returns the next row, or `nil` at the end.
    /// - Throws: ``CSVError``, including ``CSVError/raggedRow(file:row:line:expected:found:)`` (the
    ///   next call continues with the following row).
    public func next() throws -> SourceRecord? {
        guard let row = try reader.next() else { return nil }
        try reader.checkFieldCount(row)
        return SourceRecord(source: reader.file, location: "row \(row.number) (line \(row.line))",
                            subjectKey: row.fields.first ?? "",
                            fields: zip(names, row.fields).map { SourceField(name: $0, value: $1) },
                            row: row.number, line: row.line)
    }
}
