/// The rows `kortlaeg score` reads: a CSV file, or one sheet of an Excel workbook (recognised by
/// its content), each row handed to the scoring loop as raw fields (``CSVRawRecord``).
final class ScoreInput {
    /// The header, as written.
    let header: [String]
    /// The CSV dialect (encoding, separator) or the sheet read.
    let dialect: String
    private let csv: CSVReader?
    /// The CSV reader when the input is CSV (the several-thread path reads whole records from it).
    var csvReader: CSVReader? { csv }
    /// The file's bytes read so far (CSV); nil for a workbook, whose sheet is compressed.
    var bytesRead: Int? { csv?.bytesRead }
    private let sheet: XLSXRecordReader?
    // The current workbook row's fields, one after the other, and where each lies.
    private var bytes: [UInt8] = []
    private var fields: [CSVRawRecord.Field] = []
    private let empty: [UInt8] = []

    /// Opens `path`.
    /// - Parameter sheet: the sheet of a workbook (nil: the first); `delimiter` and `encoding`
    ///   apply to CSV only.
    /// - Throws: ``CSVError``, ``XLSXError`` (also for an old .xls).
    init(path: String, delimiter: CSVDelimiter?, encoding: TextEncodingKind?, sheet: String?) throws {
        switch WorkbookSignature.of(path) {
        case .binaryExcel:
            throw XLSXError.binaryExcel(file: path)
        case .workbook:
            let reader = try XLSXRecordReader(path: path, sheet: sheet)
            self.sheet = reader
            csv = nil
            header = reader.header
            dialect = reader.dialect
        case .text:
            let reader = try CSVReader(path: path, delimiter: delimiter, encoding: encoding)
            csv = reader
            self.sheet = nil
            header = reader.header
            dialect = reader.dialect.description
        }
    }

    /// Moves to the next row: its data-row number and its line (the sheet's row number for a
    /// workbook), or nil at the end.
    func next() throws -> (number: Int, line: Int)? {
        if let csv { return try csv.nextRaw() }
        guard let sheet, let record = try sheet.next() else { return nil }
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        for field in record.fields {
            let start = bytes.count
            bytes.append(contentsOf: field.value.utf8)
            fields.append(CSVRawRecord.Field(start: start, end: bytes.count, inArena: false))
        }
        return (record.row ?? 0, record.line ?? 0)
    }

    /// Calls `body` with the current row's fields.
    func withRawRecord<R>(_ body: (CSVRawRecord) throws -> R) rethrows -> R {
        if let csv { return try csv.withRawRecord(body) }
        return try bytes.withUnsafeBufferPointer { buffer in
            try empty.withUnsafeBufferPointer { arena in
                try fields.withUnsafeBufferPointer { fields in
                    try body(CSVRawRecord(buffer: buffer, arena: arena, fields: fields))
                }
            }
        }
    }
}
