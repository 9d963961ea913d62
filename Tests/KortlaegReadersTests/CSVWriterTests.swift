import Foundation
import KortlaegDomain
import Testing

@testable import KortlaegReaders

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhenNeeded() {
        var out: [UInt8] = []
        CSVWriter.encode(["plain", "a;b", "say \"hi\"", "two\nlines", "", "Æ"], cells: .raw, delimiter: UInt8(ascii: ";"),
            lineEnding: [0x0D, 0x0A], into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "plain;\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\";;Æ\r\n")
    }

    @Test func roundTripThroughReaderWithBOM() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kortlaeg-writer-\(CPRGuard.uniqueName()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rows = [["id", "navn"], ["1", "Søren; \"S\""], ["2", "a\r\nb"]]
        do {
            let writer = try CSVWriter(path: path, delimiter: .semicolon, byteOrderMark: true)
            for row in rows { try writer.write(row) }
            try writer.flush()
        }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let reader = try CSVReader(path: path)
        #expect(reader.dialect.hadByteOrderMark && reader.dialect.delimiter == .semicolon)
        #expect([reader.header] + (try reader.readAll().map(\.fields)) == rows)
    }
}
