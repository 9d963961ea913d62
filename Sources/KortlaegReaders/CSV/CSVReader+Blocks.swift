import Foundation

/// Blocks of whole records, cut from the file on the reading thread and read on other threads:
/// the parallel path of `kortlaeg score`. The reading thread only finds where records end (the
/// same state machine as the reader's, without fields); splitting, unquoting, validating and
/// scoring happen on the workers, each with its own ``CSVReader`` over one block.
extension CSVReader {
    /// Whole records of the file, with where they start, for ``CSVReader/init(block:of:)``.
    package struct Block: Sendable {
        /// The records' bytes (decoded to UTF-8), ending at a record's end or the file's.
        var bytes: [UInt8]
        /// Data records before the block (its first is number `recordsBefore + 1`).
        var recordsBefore: Int
        /// The line the block starts on.
        var line: Int
        /// Where the block starts in the decoded file, byte order mark included (for messages).
        var byteOffset: Int
        /// The data records in the block (empty lines are not records).
        package var records: Int
    }

    /// What a reader of a block takes from the reader that cut it (read once, on its thread).
    package struct BlockFormat: Sendable {
        let file: String
        let dialect: CSVDialect
        let header: [String]
        let delimiter: UInt8
        let validatesUTF8: Bool
        let expectedFieldCount: Int?
    }

    /// Whether every byte of the file has been handed out (in records or blocks).
    package var isAtEndOfInput: Bool { atEnd && position == buffer.count && pendingFailure == nil }

    /// The format the readers of this reader's blocks share.
    package var blockFormat: BlockFormat {
        BlockFormat(file: file, dialect: dialect, header: header, delimiter: delimiter,
                    validatesUTF8: validatesUTF8, expectedFieldCount: expectedFieldCount)
    }

    /// Cuts the next block of whole records: as many as `maximumRecords`, or whole records until
    /// the block holds `targetBytes`, or the rest of the file; nil at the end.
    ///
    /// Records are found exactly as ``nextRaw()`` finds them (quoted line breaks, CR, LF and
    /// CRLF, empty lines), so a reader of the block numbers them and counts their lines as this
    /// reader would have. A record longer than ``maximumRecordBytes`` throws as ``nextRaw()``
    /// throws; so does a failure to read on, after the records before it were returned.
    package func nextBlock(maximumRecords: Int, targetBytes: Int) throws -> Block? {
        if let failure = pendingFailure {
            pendingFailure = nil
            throw failure
        }
        if skipLeadingLF {
            while position == buffer.count, !atEnd { _ = try refill() }
            if position < buffer.count, buffer[position] == 0x0A { position += 1 }
            skipLeadingLF = false
        }
        let quote = UInt8(ascii: "\"")
        let delimiter = self.delimiter
        var state = ScanState.fieldStart
        var i = position
        var fieldStart = position
        var fieldQuoted = false
        var delimiters = 0          // in the current record
        var lines = 0               // line breaks since the block's start
        var records = 0             // data records since the block's start
        var recordStart = position
        var linesBeforeRecord = 0
        var cut = position, cutLines = 0, cutRecords = 0
        var full = false
        // The next quote or CR at or after the scan (nil: none before `searchedTo`).
        var nextDirty: Int?
        var searchedTo = position

        while true {
            let n = buffer.count
            let atEnd = self.atEnd
            buffer.withUnsafeBufferPointer { p in
                // A record (empty: an empty line, not a record) ended just before `i`; true when
                // the block is full.
                func recordEnded(empty: Bool) -> Bool {
                    lines += 1
                    if !empty { records += 1 }
                    recordStart = i
                    linesBeforeRecord = lines
                    (cut, cutLines, cutRecords) = (i, lines, records)
                    return records >= maximumRecords || i - position >= targetBytes
                }
                // Between records, over bytes without a quote or a CR (most files hold none):
                // records end at each LF, found with memchr; the byte loop takes the rest up to
                // the next record's end and comes back here.
                scan: while true {
                    if state == .fieldStart, i == recordStart, i < n, let base = p.baseAddress {
                        let clean: Int
                        if let dirty = nextDirty, dirty >= i {
                            clean = dirty
                        } else {
                            let from = nextDirty == nil ? max(i, searchedTo) : i
                            let quoteAt = memchr(base + from, Int32(quote), n - from).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) }
                            let crAt = memchr(base + from, 0x0D, n - from).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) }
                            nextDirty = switch (quoteAt, crAt) {
                            case let (q?, r?): min(q, r)
                            case let (q, r): q ?? r
                            }
                            searchedTo = n
                            clean = nextDirty ?? n
                        }
                        while i < clean, let found = memchr(base + i, 0x0A, clean - i) {
                            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                            let empty = end == recordStart
                            i = end + 1
                            if recordEnded(empty: empty) {
                                full = true
                                return
                            }
                        }
                    }
                    while i < n {
                        switch state {
                        case .fieldStart:
                            fieldStart = i
                            fieldQuoted = Self.startField(p, at: &i, state: &state)
                        case .unquoted:
                            i = Self.endOfUnquoted(p, from: i, delimiter: delimiter)
                            guard i < n else { return }
                            if p[i] == delimiter {
                                delimiters += 1
                                i += 1
                                state = .fieldStart
                                continue
                            }
                            // A CR last in the data read so far: whether an LF follows is not known yet.
                            if p[i] == 0x0D, i + 1 == n, !atEnd { return }
                            let empty = delimiters == 0 && !fieldQuoted && fieldStart == i
                            if p[i] == 0x0D, i + 1 < n, p[i + 1] == 0x0A { i += 1 }
                            i += 1
                            state = .fieldStart
                            delimiters = 0
                            if recordEnded(empty: empty) {
                                full = true
                                return
                            }
                            continue scan
                        case .quoted:
                            i = Self.endOfQuoted(p, from: i, lineBreaks: &lines)
                            guard i < n else { return }
                            i += 1
                            state = .quoteInQuoted
                        case .quoteInQuoted:
                            if p[i] == quote {
                                state = .quoted
                                i += 1
                            } else {
                                state = .unquoted
                            }
                        }
                    }
                    return
                }
            }
            if full { break }
            if atEnd {
                // The rest of the file: a last line without a line ending (or an unclosed quote,
                // which the block's reader reports at its line).
                if buffer.count > recordStart {
                    (cut, cutLines, cutRecords) = (buffer.count, lines, records + 1)
                }
                break
            }
            if buffer.count - recordStart > Self.maximumRecordBytes {
                if cut > position { break }  // the records before it first
                let startLine = line + linesBeforeRecord
                if state != .quoted {
                    throw CSVError.lineTooLong(file: file, line: startLine, limitBytes: Self.maximumRecordBytes)
                }
                throw CSVError.recordTooLong(file: file, line: startLine, limitBytes: Self.maximumRecordBytes)
            }
            let shift: Int
            do {
                shift = try refill()
            } catch let failure as CSVError {
                if cut > position {  // the records before it first
                    pendingFailure = failure
                    break
                }
                throw failure
            }
            i -= shift
            fieldStart -= shift
            recordStart -= shift
            cut -= shift
            searchedTo -= shift
            nextDirty = nextDirty.map { $0 - shift }
        }
        guard cut > position else { return nil }
        let block = Block(bytes: Array(buffer[position..<cut]), recordsBefore: recordCount, line: line,
                          byteOffset: bytesBeforeBuffer + position, records: cutRecords)
        position = cut
        line += cutLines
        recordCount += cutRecords
        return block
    }

    /// Whether `bytes` hold no quote and no CR and, when the reader validates UTF-8, are valid
    /// UTF-8: then records end at LF and fields at the delimiter, and ``forEachRawRecord(_:)`` splits them in one pass.
    static func isPlain(_ bytes: [UInt8], validatingUTF8: Bool) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return true }
            if memchr(base, Int32(UInt8(ascii: "\"")), p.count) != nil || memchr(base, 0x0D, p.count) != nil { return false }
            return !validatingUTF8 || UTF8Validation.firstInvalidIndex(in: p) == nil
        }
    }

    /// Calls `body` with each record of the block this reader reads, as ``nextRaw()`` and
    /// ``withRawRecord(_:)`` return them (number, line, fields). A plain block
    /// (``isPlain(_:validatingUTF8:)``) is split in one pass without the quote state machine,
    /// holding its bytes once for the whole block; any other through ``nextRaw()``.
    /// - Throws: what ``nextRaw()`` throws, after the records before the failure.
    package func forEachRawRecord(_ body: (_ number: Int, _ line: Int, CSVRawRecord) -> Void) throws {
        guard isPlainBlock else {
            while let (number, line) = try nextRaw() {
                withRawRecord { body(number, line, $0) }
            }
            return
        }
        var fields = [CSVRawRecord.Field](repeating: CSVRawRecord.Field(start: 0, end: 0, inArena: false), count: 64)
        let delimiter = self.delimiter
        var i = position
        var line = self.line
        var number = recordCount
        var expected = expectedFieldCount
        buffer.withUnsafeBufferPointer { p in
            let n = p.count
            let noArena = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            while true {
                while i < n, p[i] == 0x0A {  // empty lines are not records
                    i += 1
                    line += 1
                }
                guard i < n else { break }
                // Fields are written into the array's memory; a record with more fields than it
                // holds doubles it and is split again.
                var end = i
                var count: Int?
                repeat {
                    count = fields.withUnsafeMutableBufferPointer { slots in
                        var count = 0
                        var start = i
                        var j = i
                        while j < n {
                            let byte = p[j]
                            if byte == delimiter {
                                guard count + 1 < slots.count else { return nil }
                                slots[count] = CSVRawRecord.Field(start: start, end: j, inArena: false)
                                count += 1
                                start = j + 1
                            } else if byte == 0x0A {
                                break
                            }
                            j += 1
                        }
                        slots[count] = CSVRawRecord.Field(start: start, end: j, inArena: false)
                        end = j
                        return count + 1
                    }
                    if count == nil { fields.append(contentsOf: fields) }
                } while count == nil
                number += 1
                if expected == nil { expected = count }
                let startLine = line
                if end < n {
                    end += 1
                    line += 1
                }
                i = end
                fields.withUnsafeBufferPointer { fields in
                    body(number, startLine, CSVRawRecord(buffer: p, arena: noArena,
                                                         fields: UnsafeBufferPointer(rebasing: fields[..<count!])))
                }
            }
        }
        position = i
        self.line = line
        recordCount = number
        expectedFieldCount = expected
    }

    /// Starts the field at `i`: past its opening quote into the quoted state, or into the
    /// unquoted state; returns whether it is quoted (the record reader's and the cutter's step).
    @inline(__always) static func startField(_ p: UnsafeBufferPointer<UInt8>, at i: inout Int, state: inout ScanState) -> Bool {
        guard p[i] == UInt8(ascii: "\"") else {
            state = .unquoted
            return false
        }
        state = .quoted
        i += 1
        return true
    }

    /// The index of the first delimiter, LF or CR from `start` on (the end of an unquoted field),
    /// or the end of `p`: the one scan of the record reader and the block cutter.
    @inline(__always) static func endOfUnquoted(_ p: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Int {
        var i = start
        while i < p.count {
            let b = p[i]
            if b == delimiter || b == 0x0A || b == 0x0D { break }
            i += 1
        }
        return i
    }

    /// The index of the first quote from `start` on (inside a quoted field), or the end of `p`;
    /// adds the line breaks passed (CR, LF, CRLF as one) to `lineBreaks`.
    @inline(__always) static func endOfQuoted(_ p: UnsafeBufferPointer<UInt8>, from start: Int, lineBreaks: inout Int) -> Int {
        var i = start
        while i < p.count {
            let b = p[i]
            if b == UInt8(ascii: "\"") { break }
            if b == 0x0D || (b == 0x0A && p[i - 1] != 0x0D) { lineBreaks += 1 }
            i += 1
        }
        return i
    }
}
