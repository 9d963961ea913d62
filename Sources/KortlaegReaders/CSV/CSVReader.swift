/// A streaming RFC 4180 CSV reader that detects the dialect Danish exports use.
///
/// The reader holds one 64 KiB chunk plus the current record in memory, whatever the file
/// size. It accepts quoted fields with delimiters, doubled quotes (`""`) and line breaks;
/// CRLF, LF or CR line endings; and a last line without a line ending. Completely empty lines
/// are skipped (they still count for line numbers).
///
/// ```swift
/// let reader = try CSVReader(path: "data.csv")
/// print(reader.dialect)            // UTF-8 with BOM (detected), ';' (semicolon) separated …
/// while let record = try reader.next() {
///     try reader.checkFieldCount(record)   // or collect the error as a reject
/// }
/// ```
public final class CSVReader {
    /// The file name used in error messages.
    public let file: String
    /// The detected or chosen dialect.
    public let dialect: CSVDialect
    /// The header fields, or `[]` when the reader was created with `hasHeader: false`.
    public private(set) var header: [String] = []

    /// The largest record the reader accepts (16 MiB), so that an unclosed quote cannot make
    /// memory grow with the file.
    static let maximumRecordBytes = 16 * 1024 * 1024
    /// The most header columns a file may have.
    static let maximumColumns = 10_000

    struct FieldSpan {
        var start: Int
        var end: Int
        var quoted: Bool
        var escaped: Bool
    }

    enum ScanState {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// The decoded file (nil for a reader of one ``Block`` of records cut from another reader).
    private let stream: UTF8TextStream?
    /// The file's bytes read so far, for a progress line (in 64 KiB steps, ahead of the records).
    public var bytesRead: Int { stream?.bytesRead ?? 0 }
    let delimiter: UInt8
    let validatesUTF8: Bool
    var buffer: [UInt8] = []
    var position = 0
    /// Offset, in the decoded stream, of `buffer[0]`.
    var bufferOffset = 0
    var atEnd = false
    var line = 1
    var skipLeadingLF = false
    var recordCount = 0
    var expectedFieldCount: Int?
    /// A failure to read on, met while cutting a block; thrown by the next ``nextBlock(maximumRecords:targetBytes:)``.
    var pendingFailure: CSVError?
    private var spans: [FieldSpan] = []
    private var scratch: [UInt8] = []
    private var rawFields: [CSVRawRecord.Field] = []
    private var arena: [UInt8] = []
    /// Whether this reader reads a block without quotes or CRs that is valid UTF-8 (see
    /// ``forEachRawRecord(_:)``); false for a reader of a file.
    var isPlainBlock = false

    /// Opens a CSV file.
    ///
    /// - Parameters:
    ///   - path: The file's path; it is also the name used in messages.
    ///   - delimiter: The field separator, or `nil` to detect `;`, TAB or `,` from the first line.
    ///   - encoding: The encoding, or `nil` to detect it (byte order mark, then UTF-8, then Windows-1252).
    ///   - hasHeader: Whether the first record is a header (SurveyXact's labels file has none).
    /// - Throws: ``CSVError``.
    public convenience init(
        path: String, delimiter: CSVDelimiter? = nil, encoding: TextEncodingKind? = nil,
        hasHeader: Bool = true
    ) throws {
        let source: ByteChunkSource
        do { source = try ByteChunkSource(path: path) } catch {
            throw CSVError.unreadable(file: path, reason: error.reason)
        }
        try self.init(source: source, file: path, delimiter: delimiter, encoding: encoding, hasHeader: hasHeader)
    }

    /// Reads CSV from bytes in memory.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes, byte order mark included.
    ///   - name: The name used in messages.
    ///   - chunkSize: How many bytes are decoded at a time (tests use small chunks).
    /// - Throws: ``CSVError``.
    public convenience init(
        bytes: [UInt8], name: String = "<memory>", delimiter: CSVDelimiter? = nil,
        encoding: TextEncodingKind? = nil, hasHeader: Bool = true, chunkSize: Int = 64 * 1024
    ) throws {
        try self.init(
            source: ByteChunkSource(bytes: bytes, chunkSize: chunkSize), file: name,
            delimiter: delimiter, encoding: encoding, hasHeader: hasHeader)
    }

    private init(
        source: ByteChunkSource, file: String, delimiter: CSVDelimiter?, encoding: TextEncodingKind?,
        hasHeader: Bool
    ) throws {
        self.file = file
        let stream: UTF8TextStream
        do {
            stream = try UTF8TextStream(source: source, encoding: encoding)
        } catch {
            throw Self.csvError(error, file: file, line: 1)
        }
        self.stream = stream
        validatesUTF8 = stream.passesThroughUTF8
        // Fill until the first line is complete (or 1 MiB), so detection sees the whole header.
        var probe: (delimiter: CSVDelimiter, lineEnding: CSVLineEnding?)
        var readError: (any Error)?
        repeat {
            do {
                if try !stream.read(appendingTo: &buffer) { atEnd = true }
            } catch {
                readError = Self.csvError(error, file: file, line: 1)
            }
            probe = Self.probeFirstLine(buffer)
        } while readError == nil && !atEnd && probe.lineEnding == nil && buffer.count < 1 << 20
        if let readError { throw readError }
        self.delimiter = (delimiter ?? probe.delimiter).byte
        dialect = CSVDialect(
            delimiter: delimiter ?? probe.delimiter, encoding: stream.encoding,
            hadByteOrderMark: stream.hadByteOrderMark, lineEnding: probe.lineEnding ?? .none,
            delimiterWasDetected: delimiter == nil, encodingWasDetected: stream.encodingWasDetected)
        if hasHeader, let first = try nextFields() {
            // No questionnaire export has more columns; a wider header is refused before any
            // column is matched (an 8.4-million-column header took minutes and 740 MB).
            guard first.fields.count <= Self.maximumColumns else {
                throw CSVError.tooManyColumns(file: file, found: first.fields.count, limit: Self.maximumColumns)
            }
            header = first.fields
            expectedFieldCount = header.count
        }
    }

    /// Returns the next data record, or `nil` at the end of the file.
    ///
    /// - Throws: ``CSVError/unterminatedQuote(file:line:)``, ``CSVError/invalidEncoding(file:byteOffset:line:encoding:)``,
    ///   ``CSVError/recordTooLong(file:line:limitBytes:)`` or ``CSVError/unreadable(file:reason:)``.
    public func next() throws -> CSVRecord? {
        guard let (fields, startLine) = try nextFields() else { return nil }
        recordCount += 1
        if expectedFieldCount == nil { expectedFieldCount = fields.count }
        return CSVRecord(fields: fields, number: recordCount, line: startLine)
    }

    /// Checks that `record` has as many fields as the header (or, without a header, as the
    /// first record).
    ///
    /// Ragged rows are returned by ``next()`` unchanged; call this to reject them one by one
    /// instead of failing the whole file.
    /// - Throws: ``CSVError/raggedRow(file:row:line:expected:found:)``.
    public func checkFieldCount(_ record: CSVRecord) throws {
        if let expected = expectedFieldCount, record.fields.count != expected {
            throw CSVError.raggedRow(
                file: file, row: record.number, line: record.line, expected: expected,
                found: record.fields.count)
        }
    }

    /// Reads all remaining records (convenient for small files such as dictionaries).
    public func readAll() throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }

    // MARK: - Fields as bytes

    /// Reads the next data record and keeps its fields as byte ranges instead of Strings (the
    /// fast path of `kortlaeg score`): read them with ``withRawRecord(_:)`` until the next call.
    ///
    /// The same records, numbers, lines, checks and errors as ``next()``: the fields are
    /// unquoted and validated as UTF-8 exactly as ``next()`` decodes them.
    /// - Returns: the record's number and line, or nil at the end of the file.
    /// - Throws: what ``next()`` throws.
    package func nextRaw() throws -> (number: Int, line: Int)? {
        guard let (recordEnd, startLine) = try scanNonEmptyRecord() else { return nil }
        try prepareRawFields(line: startLine)
        position = recordEnd
        recordCount += 1
        if expectedFieldCount == nil { expectedFieldCount = rawFields.count }
        return (recordCount, startLine)
    }

    /// The number of fields the header (or, without one, the first record) has.
    package var expectedFields: Int? { expectedFieldCount }

    /// Calls `body` with the fields of the record ``nextRaw()`` read.
    package func withRawRecord<R>(_ body: (CSVRawRecord) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer { buffer in
            try arena.withUnsafeBufferPointer { arena in
                try rawFields.withUnsafeBufferPointer { fields in
                    try body(CSVRawRecord(buffer: buffer, arena: arena, fields: fields))
                }
            }
        }
    }

    /// Fills `rawFields` from `spans`: plain and quoted fields point into `buffer`; fields with
    /// doubled quotes or text after the closing quote are unescaped into `arena`.
    private func prepareRawFields(line: Int) throws {
        var rawFields: [CSVRawRecord.Field] = []
        var arena: [UInt8] = []
        swap(&rawFields, &self.rawFields)
        swap(&arena, &self.arena)
        defer {
            swap(&rawFields, &self.rawFields)
            swap(&arena, &self.arena)
        }
        rawFields.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        if validatesUTF8, let first = spans.first, let last = spans.last {
            let valid = buffer.withUnsafeBufferPointer { p in
                UTF8Validation.firstInvalidIndex(in: UnsafeBufferPointer(rebasing: p[first.start..<last.end])) == nil
            }
            if !valid {
                // The String path throws the located error (or, for text after a closing quote,
                // decodes what unescaping made valid).
                for field in try decodeFields(line: line) {
                    let start = arena.count
                    arena.append(contentsOf: field.utf8)
                    rawFields.append(CSVRawRecord.Field(start: start, end: arena.count, inArena: true))
                }
                return
            }
        }
        buffer.withUnsafeBufferPointer { p in
            for span in spans {
                if span.escaped {
                    unescape(p, span)
                    let start = arena.count
                    arena.append(contentsOf: scratch)
                    rawFields.append(CSVRawRecord.Field(start: start, end: arena.count, inArena: true))
                } else if span.quoted {
                    rawFields.append(CSVRawRecord.Field(start: span.start + 1, end: span.end - 1, inArena: false))
                } else {
                    rawFields.append(CSVRawRecord.Field(start: span.start, end: span.end, inArena: false))
                }
            }
        }
    }

    // MARK: - Detection

    /// Counts candidate delimiters outside quotes on the first line.
    private static func probeFirstLine(_ bytes: [UInt8]) -> (CSVDelimiter, CSVLineEnding?) {
        var counts = [UInt8: Int]()
        var inQuotes = false
        var ending: CSVLineEnding?
        var i = 0
        scan: while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                switch b {
                case 0x0A:
                    ending = .lf
                    break scan
                case 0x0D:
                    if i + 1 < bytes.count {
                        ending = bytes[i + 1] == 0x0A ? .crlf : .cr
                    }
                    break scan
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"):
                    counts[b, default: 0] += 1
                default:
                    break
                }
            }
            i += 1
        }
        var best = CSVDelimiter.comma
        var bestCount = 0
        for candidate in CSVDelimiter.detectable {
            let count = counts[candidate.byte, default: 0]
            if count > bestCount {
                best = candidate
                bestCount = count
            }
        }
        return (best, ending)
    }

    // MARK: - Scanning

    static func csvError(_ failure: UTF8TextStream.Failure, file: String, line: Int?) -> CSVError {
        switch failure {
        case .read(let failure):
            return .unreadable(file: file, reason: failure.reason)
        case .decoding(let failure):
            return .invalidEncoding(
                file: file, byteOffset: failure.byteOffset, line: nil, encoding: failure.encoding)
        }
    }

    /// A reader of `block`, cut by ``nextBlock(maximumRecords:targetBytes:)`` from a reader of
    /// `format`: the same dialect, checks and messages, its records numbered and its lines
    /// counted on from where the block starts in the file.
    package init(block: Block, format: BlockFormat) {
        file = format.file
        dialect = format.dialect
        header = format.header
        stream = nil
        delimiter = format.delimiter
        validatesUTF8 = format.validatesUTF8
        buffer = block.bytes
        atEnd = true
        bufferOffset = block.byteOffset
        line = block.line
        recordCount = block.recordsBefore
        expectedFieldCount = format.expectedFieldCount
        isPlainBlock = Self.isPlain(block.bytes, validatingUTF8: format.validatesUTF8)
    }

    /// The decoded bytes before `buffer[0]`, byte order mark included.
    var bytesBeforeBuffer: Int { (stream?.byteOrderMarkLength ?? 0) + bufferOffset }

    /// Reads more text into `buffer`, dropping consumed bytes first.
    /// - Returns: The number of bytes dropped from the front (indices shift by this much).
    func refill() throws -> Int {
        let shift = position
        if shift > 0 {
            buffer.removeSubrange(0..<shift)
            bufferOffset += shift
            position = 0
        }
        guard let stream else {
            atEnd = true
            return shift
        }
        do {
            if try !stream.read(appendingTo: &buffer) { atEnd = true }
        } catch {
            throw Self.csvError(error, file: file, line: line)
        }
        return shift
    }

    /// Scans one non-empty record and decodes its fields.
    private func nextFields() throws -> (fields: [String], line: Int)? {
        guard let (recordEnd, startLine) = try scanNonEmptyRecord() else { return nil }
        let fields = try decodeFields(line: startLine)
        position = recordEnd
        return (fields, startLine)
    }

    /// Scans the next non-empty record into `spans` (empty lines are skipped).
    /// - Returns: the index after the record and the line it starts on, or nil at the end.
    private func scanNonEmptyRecord() throws -> (recordEnd: Int, line: Int)? {
        while true {
            if skipLeadingLF {
                if position == buffer.count, !atEnd { _ = try refill() }
                if position < buffer.count, buffer[position] == 0x0A { position += 1 }
                skipLeadingLF = false
            }
            let startLine = line
            guard let recordEnd = try scanRecord() else { return nil }
            if spans.count == 1, spans[0].start == spans[0].end, !spans[0].quoted {
                position = recordEnd
                continue  // empty line
            }
            return (recordEnd, startLine)
        }
    }

    /// Fills `spans` with the fields of the record at `position`; returns the index after it.
    private func scanRecord() throws -> Int? {
        // Fields are collected in a local array (moved out and back): no exclusivity check on a
        // class property per field.
        var spans: [FieldSpan] = []
        swap(&spans, &self.spans)
        defer { swap(&spans, &self.spans) }
        spans.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\"")
        let delimiter = self.delimiter
        var state = ScanState.fieldStart
        var i = position
        var fieldStart = position
        var quoted = false
        var escaped = false
        var newlines = 0
        var quoteLine = line
        let startLine = line

        while true {
            let n = buffer.count
            var recordEnd: Int?
            buffer.withUnsafeBufferPointer { p in
                while i < n {
                    switch state {
                    case .fieldStart:
                        fieldStart = i
                        escaped = false
                        quoted = Self.startField(p, at: &i, state: &state)
                        if quoted { quoteLine = startLine + newlines }
                    case .unquoted:
                        i = Self.endOfUnquoted(p, from: i, delimiter: delimiter)
                        guard i < n else { return }
                        spans.append(FieldSpan(start: fieldStart, end: i, quoted: quoted, escaped: escaped))
                        if p[i] == delimiter {
                            i += 1
                            state = .fieldStart
                        } else {
                            if p[i] == 0x0D { skipLeadingLF = true }
                            i += 1
                            recordEnd = i
                            return
                        }
                    case .quoted:
                        i = Self.endOfQuoted(p, from: i, lineBreaks: &newlines)
                        guard i < n else { return }
                        i += 1
                        state = .quoteInQuoted
                    case .quoteInQuoted:
                        let b = p[i]
                        if b == quote {
                            escaped = true
                            state = .quoted
                            i += 1
                        } else if b == delimiter || b == 0x0A || b == 0x0D {
                            state = .unquoted  // ends the field at once
                        } else {
                            escaped = true  // text after the closing quote: kept, quotes now literal
                            state = .unquoted
                        }
                    }
                }
            }
            if let recordEnd {
                line = startLine + newlines + 1
                return recordEnd
            }
            // Out of data.
            if atEnd {
                if state == .quoted { throw CSVError.unterminatedQuote(file: file, line: quoteLine) }
                if i == position { return nil }
                if state == .fieldStart { fieldStart = i }
                spans.append(FieldSpan(start: fieldStart, end: i, quoted: quoted, escaped: escaped))
                line = startLine + newlines
                return i
            }
            if buffer.count - position > Self.maximumRecordBytes {
                if state != .quoted {
                    throw CSVError.lineTooLong(file: file, line: startLine, limitBytes: Self.maximumRecordBytes)
                }
                throw CSVError.recordTooLong(file: file, line: startLine, limitBytes: Self.maximumRecordBytes)
            }
            let shift = try refill()
            if shift > 0 {
                i -= shift
                fieldStart -= shift
                for k in spans.indices {
                    spans[k].start -= shift
                    spans[k].end -= shift
                }
            }
        }
    }

    private func decodeFields(line: Int) throws -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(spans.count)
        try buffer.withUnsafeBufferPointer { p in
            for span in spans {
                var start = span.start
                var end = span.end
                if span.escaped {
                    unescape(p, span)
                    let text = try scratch.withUnsafeBufferPointer { s in
                        try makeString(s, rawStart: span.start, rawEnd: span.end, in: p, line: line)
                    }
                    fields.append(text)
                    continue
                }
                if span.quoted {
                    start += 1
                    end -= 1
                }
                let slice = UnsafeBufferPointer(rebasing: p[start..<end])
                fields.append(try makeString(slice, rawStart: start, rawEnd: end, in: p, line: line))
            }
        }
        return fields
    }

    /// Copies a quoted field's text to `scratch`: `""` becomes `"`, text after the closing
    /// quote is kept.
    private func unescape(_ p: UnsafeBufferPointer<UInt8>, _ span: FieldSpan) {
        let quote = UInt8(ascii: "\"")
        scratch.removeAll(keepingCapacity: true)
        var inQuotes = span.quoted
        var i = span.quoted ? span.start + 1 : span.start
        while i < span.end {
            let b = p[i]
            if inQuotes, b == quote {
                if i + 1 < span.end, p[i + 1] == quote {
                    scratch.append(quote)
                    i += 2
                    continue
                }
                inQuotes = false
                i += 1
                continue
            }
            scratch.append(b)
            i += 1
        }
    }

    private func makeString(
        _ bytes: UnsafeBufferPointer<UInt8>, rawStart: Int, rawEnd: Int, in p: UnsafeBufferPointer<UInt8>,
        line: Int
    ) throws -> String {
        guard validatesUTF8 else { return String(decoding: bytes, as: UTF8.self) }
        // `String(validating:)` is several times slower than this check plus `String(decoding:)`.
        if UTF8Validation.firstInvalidIndex(in: bytes) == nil { return String(decoding: bytes, as: UTF8.self) }
        let raw = UnsafeBufferPointer(rebasing: p[rawStart..<rawEnd])
        let index = UTF8Validation.firstInvalidIndex(in: raw) ?? 0
        throw CSVError.invalidEncoding(
            file: file, byteOffset: bytesBeforeBuffer + rawStart + index,
            line: line, encoding: .utf8)
    }
}
