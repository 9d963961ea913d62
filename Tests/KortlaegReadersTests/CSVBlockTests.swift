@testable import KortlaegReaders
import KortlaegTestSupport
import Testing

/// The parallel score path cuts a file into blocks of whole records on one thread and reads each
/// block with its own reader on another. The oracle is the one reader's ``CSVReader/nextRaw()``:
/// every record, its number, its line and its fields must come out the same, and a file that
/// cannot be read to its end must fail with the same error after the same records.
struct CSVBlockTests {
    struct Record: Equatable {
        var number: Int
        var line: Int
        var fields: [[UInt8]]
    }

    /// Records as `nextRaw()` reads them, then the error that ended the file (if any).
    static func sequential(_ bytes: [UInt8], chunkSize: Int, encoding: TextEncodingKind? = nil) -> ([Record], String?) {
        var records: [Record] = []
        do {
            let reader = try CSVReader(bytes: bytes, name: "t.csv", encoding: encoding, chunkSize: chunkSize)
            while let (number, line) = try reader.nextRaw() {
                records.append(Record(number: number, line: line,
                                      fields: reader.withRawRecord { r in (0..<r.count).map { Array(r[$0]) } }))
            }
        } catch {
            return (records, "\(error)")
        }
        return (records, nil)
    }

    /// The same file cut into blocks (at most `records` records or `bytes` bytes each).
    static func inBlocks(_ bytes: [UInt8], chunkSize: Int, records maximum: Int, bytes target: Int,
                         encoding: TextEncodingKind? = nil) -> ([Record], String?) {
        var records: [Record] = []
        do {
            let reader = try CSVReader(bytes: bytes, name: "t.csv", encoding: encoding, chunkSize: chunkSize)
            let format = reader.blockFormat
            while let block = try reader.nextBlock(maximumRecords: maximum, targetBytes: target) {
                let blockReader = CSVReader(block: block, format: format)
                var count = 0
                try blockReader.forEachRawRecord { number, line, r in
                    count += 1
                    records.append(Record(number: number, line: line, fields: (0..<r.count).map { Array(r[$0]) }))
                }
                #expect(count == block.records, "a block's count of records is what its reader reads")
            }
        } catch {
            return (records, "\(error)")
        }
        return (records, nil)
    }

    /// Rows with every irregularity the reader accepts: quoted line breaks (LF, CR, CRLF),
    /// doubled quotes, text after a closing quote, a quote inside an unquoted field, empty lines.
    static func tricky(seed: UInt64, rows: Int, newline: String) -> [UInt8] {
        var random = SplitMix(state: seed)
        let cells = ["1", "", "\"a,b\"", "\"x\ny\"", "\"x\r\ny\"", "\"x\rz\"", "\"q\"\"q\"", "\"ab\"c", "ab\"c", "æøå", "\"\""]
        var text = "id,a,b\(newline)"
        for _ in 0..<rows {
            text += (0..<3).map { _ in cells[random.next(cells.count)] }.joined(separator: ",") + newline
            if random.next(6) == 0 { text += newline }
        }
        return Array(text.utf8)
    }

    @Test(arguments: 0..<60)
    func blocksReadAsTheOneReaderReads(_ seed: Int) {
        let newline = ["\n", "\r\n", "\r"][seed % 3]
        var bytes = Self.tricky(seed: UInt64(seed), rows: 40, newline: newline)
        if seed % 4 == 1 { bytes.removeLast(newline.utf8.count) }  // a last line without a line ending
        var random = SplitMix(state: UInt64(seed) &+ 99)
        let chunkSize = 1 + random.next(50)
        let expected = Self.sequential(bytes, chunkSize: chunkSize)
        #expect(expected.1 == nil)
        for _ in 0..<4 {
            let found = Self.inBlocks(bytes, chunkSize: chunkSize, records: 1 + random.next(6), bytes: 1 + random.next(120))
            #expect(found.0 == expected.0, "seed \(seed)")
            #expect(found.1 == expected.1, "seed \(seed)")
        }
    }

    /// Files without quotes or CRs (most exports) take the plain path on both sides: the cutter
    /// finds record ends with memchr and each block's reader splits fields in one pass. The same
    /// records, numbers, lines and fields as the one reader: empty lines (leading, doubled,
    /// trailing), ragged rows, empty fields, non-ASCII text, a last line with and without LF,
    /// and a Windows-1252 file (decoded, so not validated again).
    @Test(arguments: 0..<40)
    func plainBlocksReadAsTheOneReaderReads(_ seed: Int) {
        var random = SplitMix(state: UInt64(seed) &+ 7)
        let cells = ["1", "", "22", "æøå", "x y", "-3"]
        var text = seed % 5 == 0 ? "\n" : ""
        text += "id;a;b\n"
        for _ in 0..<(30 + random.next(30)) {
            let width = random.next(8) == 0 ? 1 + random.next(4) : 3   // now and then a ragged row
            text += (0..<width).map { _ in cells[random.next(cells.count)] }.joined(separator: ";") + "\n"
            if random.next(5) == 0 { text += "\n" }
        }
        if seed % 2 == 1 { text.removeLast() }  // a last line without a line ending
        let encoding: TextEncodingKind? = seed % 4 == 3 ? .windows1252 : nil
        let bytes = encoding == nil ? Array(text.utf8) : text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let chunkSize = 1 + random.next(64)
        let expected = Self.sequential(bytes, chunkSize: chunkSize, encoding: encoding)
        #expect(expected.1 == nil)
        #expect(expected.0.count > 20)
        for _ in 0..<4 {
            let maximum = 1 + random.next(9), target = 1 + random.next(200)
            let found = Self.inBlocks(bytes, chunkSize: chunkSize, records: maximum, bytes: target, encoding: encoding)
            #expect(found.0 == expected.0, "seed \(seed)")
            #expect(found.1 == expected.1, "seed \(seed)")
        }
        // The blocks did take the plain path.
        let reader = try? CSVReader(bytes: bytes, name: "t.csv", encoding: encoding, chunkSize: chunkSize)
        if let reader, let block = try? reader.nextBlock(maximumRecords: 5, targetBytes: 100) {
            #expect(CSVReader(block: block, format: reader.blockFormat).isPlainBlock)
        } else {
            Issue.record("no block")
        }
    }

    @Test(arguments: [Array("\"open quote\n1,2\n".utf8), [0x31, 0x2C, 0xFF, 0x0A], Array("\"open\r\n".utf8)])
    func aFailureComesAfterTheSameRecords(_ tail: [UInt8]) {
        let bytes = Self.tricky(seed: 5, rows: 30, newline: "\n") + tail
        for chunkSize in [3, 64, 65_536] {
            // Said to be UTF-8, so that a byte that is not UTF-8 fails instead of meaning Windows-1252.
            let expected = Self.sequential(bytes, chunkSize: chunkSize, encoding: .utf8)
            #expect(expected.1 != nil)
            for (records, target) in [(1, 1), (3, 20), (1_000, 1 << 20)] {
                let found = Self.inBlocks(bytes, chunkSize: chunkSize, records: records, bytes: target, encoding: .utf8)
                #expect(found.0 == expected.0)
                #expect(found.1 == expected.1)
            }
        }
    }

    @Test func aRecordOverTheLimitFailsAtItsLineAfterTheRecordsBeforeIt() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: CSVReader.maximumRecordBytes + 200_000)
        let limit = CSVReader.maximumRecordBytes
        // Lines: header 1, "1" 2, an empty line 3, "2" 4, the long line 5 / header 1, "1" 2, "2" 3, the long record 4.
        for (prefix, open, error) in [("a\n1\n\n2\n", "", CSVError.lineTooLong(file: "t.csv", line: 5, limitBytes: limit)),
                                      ("a\n1\r\n2\r\n", "\"", CSVError.recordTooLong(file: "t.csv", line: 4, limitBytes: limit))] {
            let bytes = Array(prefix.utf8) + Array(open.utf8) + long + Array("\n3\n".utf8)
            let expected = Self.sequential(bytes, chunkSize: 65_536)
            #expect(expected.0.count == 2)
            #expect(expected.1 == "\(error)")
            let found = Self.inBlocks(bytes, chunkSize: 65_536, records: 1_000, bytes: 128 * 1024)
            #expect(found.0 == expected.0)
            #expect(found.1 == expected.1)
        }
    }
}
