import Foundation

/// Writes RFC 4180 CSV as UTF-8, quoting a field only when it needs it.
///
/// For Danish Excel users: `CSVWriter(path:delimiter: .semicolon, byteOrderMark: true)`.
/// Cells a spreadsheet would run as formulas are neutralised unless `cells` is
/// ``CSVCellPolicy/raw`` (see ``CSVCellPolicy``).
/// Output is buffered in 64 KiB blocks; call ``flush()`` (or let the writer go) when done.
public final class CSVWriter {
    private let handle: FileHandle
    private let ownsHandle: Bool
    private let delimiter: UInt8
    private let lineEnding: [UInt8]
    private let name: String
    private let cells: CSVCellPolicy
    private var buffer: [UInt8] = []

    /// Creates (or replaces) a CSV file.
    ///
    /// - Parameters:
    ///   - path: Where to write.
    ///   - delimiter: The field separator.
    ///   - byteOrderMark: Whether to start with a UTF-8 byte order mark (Excel needs it to read UTF-8).
    ///   - lineEnding: ``CSVLineEnding/crlf`` (RFC 4180, the default) or ``CSVLineEnding/lf``.
    ///   - cells: whether formula cells are neutralised (the default) or written raw.
    /// - Throws: ``CSVError/cannotWrite(file:reason:)`` if the file cannot be created.
    public convenience init(
        path: String, delimiter: CSVDelimiter = .comma, byteOrderMark: Bool = false,
        lineEnding: CSVLineEnding = .crlf, cells: CSVCellPolicy = .spreadsheet
    ) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw CSVError.cannotWrite(file: path, reason: OutputFile.creationFailure(at: path))
        }
        self.init(handle: handle, owns: true, name: path, delimiter: delimiter, byteOrderMark: byteOrderMark,
                  lineEnding: lineEnding, cells: cells)
    }

    /// Writes to an open file handle such as `FileHandle.standardOutput`.
    public convenience init(
        fileHandle: FileHandle, delimiter: CSVDelimiter = .comma, byteOrderMark: Bool = false,
        lineEnding: CSVLineEnding = .crlf, cells: CSVCellPolicy = .spreadsheet
    ) {
        self.init(handle: fileHandle, owns: false, name: "<output>", delimiter: delimiter, byteOrderMark: byteOrderMark,
                  lineEnding: lineEnding, cells: cells)
    }

    private init(
        handle: FileHandle, owns: Bool, name: String, delimiter: CSVDelimiter, byteOrderMark: Bool,
        lineEnding: CSVLineEnding, cells: CSVCellPolicy
    ) {
        self.handle = handle
        self.cells = cells
        self.ownsHandle = owns
        self.name = name
        self.delimiter = delimiter.byte
        switch lineEnding {
        case .lf: self.lineEnding = [0x0A]
        case .cr: self.lineEnding = [0x0D]
        case .crlf, .none: self.lineEnding = [0x0D, 0x0A]
        }
        if byteOrderMark { buffer = [0xEF, 0xBB, 0xBF] }
    }

    deinit {
        try? flush()
        if ownsHandle { try? handle.close() }
    }

    /// Writes one record.
    /// - Throws: ``CSVError/cannotWrite(file:reason:)`` if writing fails (the disk is full, …).
    public func write(_ fields: [String]) throws {
        // Encoded into a local array (moved out and back): no exclusivity check per byte.
        var output: [UInt8] = []
        swap(&output, &buffer)
        Self.encode(fields, cells: cells, delimiter: delimiter, lineEnding: lineEnding, into: &output)
        swap(&output, &buffer)
        if buffer.count >= 64 * 1024 { try flush() }
    }

    /// Writes buffered output to the file.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw CSVError.cannotWrite(file: name, reason: WriteFailure.reason(error))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends one encoded record to `output`: each field under `cells`, then through
    /// ``encodeField(_:delimiter:into:)`` as contiguous UTF-8.
    static func encode(_ fields: [String], cells: CSVCellPolicy, delimiter: UInt8, lineEnding: [UInt8],
                       into output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(delimiter) }
            var text = cells == .raw ? field : cells.apply(field)
            text.withUTF8 { encodeField($0, delimiter: delimiter, into: &output) }
        }
        output.append(contentsOf: lineEnding)
    }

    /// Appends one field to `output`: quoted when it contains the delimiter, `"`, CR or LF, with
    /// inner quotes doubled. Every field either writing path writes goes through here (the
    /// fast path's pre-encoded labels and numbers too, encoded once by ``encodedField(_:)``).
    static func encodeField<Bytes: Collection<UInt8>>(_ utf8: Bytes, delimiter: UInt8, into output: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = utf8.contains { $0 == delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            output.append(contentsOf: utf8)
            return
        }
        output.append(quote)
        for byte in utf8 {
            if byte == quote { output.append(quote) }
            output.append(byte)
        }
        output.append(quote)
    }

    // MARK: - Fields as bytes (the score fast path)

    /// `text` as one encoded field, to be appended many times with ``CSVRecordEncoder/appendEncoded(_:)``.
    func encodedField(_ text: String) -> [UInt8] {
        Self.encodedField(text, delimiter: delimiter, cells: cells)
    }

    /// `text` as one encoded field for `delimiter` under `cells` (what ``encodedField(_:)`` returns).
    static func encodedField(_ text: String, delimiter: UInt8, cells: CSVCellPolicy) -> [UInt8] {
        var bytes: [UInt8] = []
        encodeField(cells.apply(text).utf8, delimiter: delimiter, into: &bytes)
        return bytes
    }

    /// `text` as one encoded field, for a caller outside this module that writes rows of fields
    /// it encodes once and repeats (the long rows of `import --output`), with
    /// ``appendEncodedRecords(_:)``.
    package func encodedFieldBytes(_ text: String) -> [UInt8] { encodedField(text) }

    /// The bytes that end a record.
    package var lineEndingBytes: [UInt8] { lineEnding }

    /// Appends whole records made of ``encodedFieldBytes(_:)``, the delimiter and
    /// ``lineEndingBytes``: the same bytes ``write(_:)`` writes for those fields.
    package func appendEncodedRecords(_ encoded: [UInt8]) throws { try appendRecords(encoded) }

    /// The field separator, as a byte.
    package var delimiterByte: UInt8 { delimiter }

    /// Whether formula cells are neutralised.
    var cellPolicy: CSVCellPolicy { cells }

    /// An encoder of records for this writer's delimiter and line ending; hand its bytes to
    /// ``appendRecords(_:)``.
    func recordEncoder() -> CSVRecordEncoder {
        CSVRecordEncoder(delimiter: delimiter, lineEnding: lineEnding, cells: cells)
    }

    /// Appends bytes already encoded as whole records (rows encoded on another thread).
    func appendRecords(_ encoded: [UInt8]) throws {
        try encoded.withUnsafeBufferPointer { try appendRecords($0) }
    }

    /// Appends bytes already encoded as whole records.
    func appendRecords(_ encoded: UnsafeBufferPointer<UInt8>) throws {
        guard encoded.count >= 64 * 1024 else {
            buffer.append(contentsOf: encoded)
            if buffer.count >= 64 * 1024 { try flush() }
            return
        }
        // A block of rows: written as it is, not copied into the buffer first.
        try flush()
        do {
            try handle.write(contentsOf: UnsafeRawBufferPointer(encoded))
        } catch {
            throw CSVError.cannotWrite(file: name, reason: WriteFailure.reason(error))
        }
    }
}
