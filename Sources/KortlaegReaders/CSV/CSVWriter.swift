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
        Self.encode(cells == .raw ? fields : fields.map(cells.apply), delimiter: delimiter, lineEnding: lineEnding, into: &buffer)
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

    /// Appends one encoded record to `output`; quotes fields containing the delimiter, `"`, CR
    /// or LF, doubling inner quotes.
    static func encode(_ fields: [String], delimiter: UInt8, lineEnding: [UInt8], into output: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(delimiter) }
            let utf8 = field.utf8
            let needsQuotes = utf8.contains { $0 == delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else {
                output.append(contentsOf: utf8)
                continue
            }
            output.append(quote)
            for byte in utf8 {
                if byte == quote { output.append(quote) }
                output.append(byte)
            }
            output.append(quote)
        }
        output.append(contentsOf: lineEnding)
    }
}
