import Foundation
import KortlaegDomain
import Testing

@testable import KortlaegReaders

/// `nextRaw()` (the score fast path) must read exactly what `next()` reads: the oracle here is
/// the String path, record by record, over inputs chosen to exercise every scanner state.
@Suite struct CSVRawRecordTests {
    private static let inputs: [(name: String, bytes: [UInt8])] = [
        ("rfc4180", Array("a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\"\"".utf8)),
        ("semicolons, BOM, CR", [0xEF, 0xBB, 0xBF] + Array("h1;h2\r\n\"Å \"\"q\"\"\r\nz\";æø\r\n\r\nplain;€\rcr;only".utf8)),
        ("text after a closing quote", Array("a,b\n\"ab\"cd,\"x\"\"\"y\n,\n".utf8)),
        ("ragged", Array("a,b,c\n1\n1,2,3,4\n\n1,2,3".utf8)),
    ]

    private func stringRecords(_ bytes: [UInt8], chunkSize: Int) throws -> [[String]] {
        try CSVReader(bytes: bytes, chunkSize: chunkSize).readAll().map { $0.fields + ["#\($0.number)@\($0.line)"] }
    }

    private func rawRecords(_ bytes: [UInt8], chunkSize: Int) throws -> [[String]] {
        let reader = try CSVReader(bytes: bytes, chunkSize: chunkSize)
        var records: [[String]] = []
        while let (number, line) = try reader.nextRaw() {
            let fields = reader.withRawRecord { record in (0..<record.count).map { record.string($0)! } }
            records.append(fields + ["#\(number)@\(line)"])
        }
        return records
    }

    @Test(arguments: [1, 3, 7, 64 * 1024])
    func theSameRecordsAsTheStringPath(chunkSize: Int) throws {
        for input in Self.inputs {
            let expected = try stringRecords(input.bytes, chunkSize: chunkSize)
            #expect(try rawRecords(input.bytes, chunkSize: chunkSize) == expected, "\(input.name)")
        }
    }

    @Test func invalidUTF8IsTheSameLocatedError() throws {
        var bytes = Array("a,b\n".utf8)
        bytes += Array(repeating: UInt8(ascii: "x"), count: 100) + [0x0A, 0x31, 0x2C, 0xFF, 0x0A]
        let reader = try CSVReader(bytes: bytes, name: "late.csv", chunkSize: 16)
        #expect {
            while try reader.nextRaw() != nil {}
        } throws: { error in
            // Offset 107: 4 header bytes, 100 + 1 on line 2, "1," on line 3 (as next() reports it).
            (error as? CSVError) == .invalidEncoding(file: "late.csv", byteOffset: 107, line: 3, encoding: .utf8)
        }
        let strings = try CSVReader(bytes: bytes, name: "late.csv", chunkSize: 16)
        #expect {
            _ = try strings.readAll()
        } throws: { error in
            (error as? CSVError) == .invalidEncoding(file: "late.csv", byteOffset: 107, line: 3, encoding: .utf8)
        }
    }

    @Test func theWritersFieldPathEncodesAsWriteDoes() throws {
        // Plain, quoted, doubled quotes, line breaks, empty, non-ASCII, formula cells (a leading
        // ' under the spreadsheet policy) and the worst case of the size bound: a formula cell of
        // quotes, every byte doubled.
        let fields = ["plain", "with,comma", "say \"hi\"", "two\nlines", "", "æø", "=SUM(A1)", "-3", "=\"\"\"\"", "\"\"\"\""]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csvraw-\(CPRGuard.uniqueName())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let viaWrite = folder.appendingPathComponent("write.csv").path
        let viaFields = folder.appendingPathComponent("fields.csv").path
        do {
            let writer = try CSVWriter(path: viaWrite, lineEnding: .crlf)
            try writer.write(fields)
            try writer.write(["a", "", "b"])
            try writer.flush()
        }
        do {
            let writer = try CSVWriter(path: viaFields, lineEnding: .crlf)
            var row = writer.recordEncoder()
            let bound = fields.dropLast().reduce(0) { $0 + CSVRecordEncoder.Record.maximumBytes(ofField: $1.utf8.count) }
                + writer.encodedField(fields.last!).count + 1
            row.withRecord(maximumBytes: bound) { record in
                for field in fields.dropLast() {
                    Array(field.utf8).withUnsafeBufferPointer { record.appendField($0) }
                }
                writer.encodedField(fields.last!).withUnsafeBufferPointer { record.appendEncoded($0) }
            }
            #expect(row.count <= bound + 2)
            // Each field alone stays within its bound (a record outgrowing its room would trap).
            for field in fields {
                var single = writer.recordEncoder()
                single.withRecord(maximumBytes: CSVRecordEncoder.Record.maximumBytes(ofField: field.utf8.count)) { record in
                    Array(field.utf8).withUnsafeBufferPointer { record.appendField($0) }
                }
                #expect(single.count <= CSVRecordEncoder.Record.maximumBytes(ofField: field.utf8.count) + 2, "\(field)")
            }
            row.withRecord(maximumBytes: 8) { record in
                writer.encodedField("a").withUnsafeBufferPointer { record.appendEncoded($0) }
                record.appendEmptyFields(1)
                writer.encodedField("b").withUnsafeBufferPointer { record.appendEncoded($0) }
            }
            try writer.appendRecords(row.takeBytes())
            #expect(row.count == 0)
            try writer.flush()
        }
        #expect(FileManager.default.contents(atPath: viaFields) == FileManager.default.contents(atPath: viaWrite))
    }
}
