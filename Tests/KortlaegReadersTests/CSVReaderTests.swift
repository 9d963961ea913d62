import Foundation
import Testing

@testable import KortlaegReaders

@Suite struct CSVReaderTests {
    private func readAll(_ reader: CSVReader) throws -> [[String]] {
        try reader.readAll().map(\.fields)
    }

    // MARK: - RFC 4180

    @Test func quotedFieldsWithSeparatorsQuotesAndNewlines() throws {
        let text = "a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\"\""
        let reader = try CSVReader(bytes: Array(text.utf8))
        #expect(reader.header == ["a", "b", "c"])
        let records = try reader.readAll()
        #expect(records.map(\.fields) == [["x,y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(records.map(\.line) == [2, 4])
        #expect(records.map(\.number) == [1, 2])
    }

    @Test(arguments: [1, 2, 3, 7, 64 * 1024])
    func chunkBoundariesDoNotMatter(chunkSize: Int) throws {
        let text = "h1;h2\r\n\"Å \"\"q\"\"\r\nz\";æø\r\n\r\nplain;€\rcr;only"
        let reader = try CSVReader(bytes: Array(text.utf8), chunkSize: chunkSize)
        #expect(try readAll(reader) == [["Å \"q\"\r\nz", "æø"], ["plain", "€"], ["cr", "only"]])
    }

    @Test func lineNumbersCountQuotedLineBreaksAndEmptyLines() throws {
        let reader = try CSVReader(bytes: Array("h\n\"1\n2\"\n\nx\n".utf8))
        #expect(try reader.readAll().map(\.line) == [2, 5])
    }

    @Test func textAfterClosingQuoteIsKept() throws {
        let reader = try CSVReader(bytes: Array("a,b\n\"ab\"c\"d,e\n".utf8))
        #expect(try readAll(reader) == [["abc\"d", "e"]])
    }

    // MARK: - Dialect detection

    @Test(arguments: [
        ("a;b;c\n1;2;3\n", CSVDelimiter.semicolon),
        ("a,b,c\n1,2,3\n", .comma),
        ("a\tb\tc\n", .tab),
        ("\"x;y\",b,c\n", .comma),  // separators inside quotes do not count
        ("single\n", .comma),
    ])
    func delimiterIsDetectedFromHeader(text: String, expected: CSVDelimiter) throws {
        #expect(try CSVReader(bytes: Array(text.utf8)).dialect.delimiter == expected)
    }

    @Test func delimiterCanBeChosen() throws {
        let reader = try CSVReader(bytes: Array("a;b,c\n".utf8), delimiter: .comma)
        #expect(reader.header == ["a;b", "c"])
        #expect(!reader.dialect.delimiterWasDetected)
    }

    @Test func bomSemicolonCRLF() throws {
        let reader = try CSVReader(path: Fixture.path("csv/bom-semicolon-crlf.csv"))
        #expect(reader.dialect.description
            == "UTF-8 with BOM (detected), ';' (semicolon) separated (detected), CRLF line endings")
        #expect(reader.header == ["navn", "alder"])
        #expect(try readAll(reader) == [["Åse; B", "7"], ["Bo \"B\"", "8"], ["linje1\r\nlinje2", "9"]])
    }

    @Test func utf16LittleEndianWithTabs() throws {
        let reader = try CSVReader(path: Fixture.path("csv/utf16le-bom-tab.csv"))
        #expect(reader.dialect.description
            == "UTF-16LE with BOM (detected), TAB separated (detected), CRLF line endings")
        #expect(try readAll(reader) == [["Søren", "7"], ["Æbelø", "8"]])
    }

    @Test func windows1252IsDetectedWhenNotUTF8() throws {
        let reader = try CSVReader(path: Fixture.path("csv/windows1252-danish.csv"))
        #expect(reader.dialect.encoding == .windows1252)
        #expect(reader.dialect.description
            == "Windows-1252 (detected), ';' (semicolon) separated (detected), LF line endings")
        #expect(try readAll(reader) == [["Søren", "Århus"], ["Æble", "€uro “citat”"]])
    }

    @Test func windows1252MapsEveryHighByte() {
        var out: [UInt8] = []
        Windows1252.appendUTF8(of: [0x80, 0x8A, 0x9F, 0x81, 0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5], to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "€ŠŸ\u{81}æøåÆØÅ")
    }

    @Test func encodingCanBeChosen() throws {
        let bytes: [UInt8] = Array("a\nÆ\n".utf8)
        let reader = try CSVReader(bytes: bytes, encoding: .windows1252)
        #expect(try readAll(reader) == [["Ã†"]])
        #expect(!reader.dialect.encodingWasDetected)
    }

    @Test(arguments: ["utf8", "UTF-8", "cp1252", "ANSI", "utf-16le", "UTF16BE"])
    func encodingNames(name: String) {
        #expect(TextEncodingKind(name: name) != nil)
    }

    @Test func utf16BigEndian() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "a;b\r\nø;😀\r\n".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let reader = try CSVReader(bytes: bytes, chunkSize: 3)
        #expect(reader.dialect.encoding == .utf16BigEndian)
        #expect(try readAll(reader) == [["ø", "😀"]])
    }

    // MARK: - Malformed corpus: exact messages

    @Test func unterminatedQuoteNamesTheOpeningLine() throws {
        let path = Fixture.path("csv/unterminated-quote.csv")
        let reader = try CSVReader(path: path)
        #expect(try reader.next()?.fields == ["1", "fine"])
        #expect {
            _ = try reader.next()
        } throws: { error in
            (error as? CSVError)?.description
                == "\(path):3: a quoted field starts on line 3 but is never closed; expected a closing \" before the end of the file."
        }
    }

    @Test func raggedRowsAreReturnedAndCanBeRejected() throws {
        let path = Fixture.path("csv/ragged-rows.csv")
        let reader = try CSVReader(path: path)
        var messages: [String] = []
        var counts: [Int] = []
        while let record = try reader.next() {
            counts.append(record.fields.count)
            do { try reader.checkFieldCount(record) } catch let error as CSVError { messages.append(error.description) }
        }
        #expect(counts == [3, 2, 4])
        #expect(messages == [
            "\(path):3: row 2 has 2 fields; expected 3 like the header.",
            "\(path):4: row 3 has 4 fields; expected 3 like the header.",
        ])
    }

    @Test func invalidUTF8WhenUTF8IsForced() throws {
        let path = Fixture.path("csv/invalid-utf8.csv")
        let reader = try CSVReader(path: path, encoding: .utf8)
        #expect {
            _ = try reader.next()
        } throws: { error in
            (error as? CSVError)?.description
                == "\(path):2: byte 9 is not valid UTF-8; expected UTF-8 text. The file is probably not UTF-8; choose its encoding (for example Windows-1252)."
        }
    }

    @Test func invalidUTF8IsDetectedAsWindows1252() throws {
        let reader = try CSVReader(path: Fixture.path("csv/invalid-utf8.csv"))
        #expect(reader.dialect.encoding == .windows1252)
        #expect(try readAll(reader) == [["1", "cafÃ"]])
    }

    @Test func invalidUTF8AfterTheFirstChunkIsReportedWithOffset() throws {
        var bytes = Array("a,b\n".utf8)
        bytes += Array(repeating: UInt8(ascii: "x"), count: 100) + [0x0A, 0xFF, 0x0A]
        let reader = try CSVReader(bytes: bytes, name: "late.csv", chunkSize: 16)
        #expect(reader.dialect.encoding == .utf8)
        #expect {
            _ = try reader.readAll()
        } throws: { error in
            (error as? CSVError) == .invalidEncoding(file: "late.csv", byteOffset: 105, line: 3, encoding: .utf8)
        }
    }

    @Test func unpairedSurrogateInUTF16() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xDC, 0x0A, 0x00]
        #expect {
            _ = try CSVReader(bytes: bytes, name: "u16.csv").readAll()
        } throws: { error in
            (error as? CSVError)?.description == "u16.csv: byte 6 is not valid UTF-16LE; expected UTF-16LE text."
        }
    }

    @Test func missingFile() {
        #expect {
            _ = try CSVReader(path: "/nonexistent/x.csv")
        } throws: { error in
            (error as? CSVError)?.description == "/nonexistent/x.csv: cannot read the file: the file does not exist."
        }
    }

    @Test func messagesNeverContainFieldValues() throws {
        let reader = try CSVReader(bytes: Array("cpr;x\n0101011234;\"open".utf8), name: "f.csv")
        do {
            while try reader.next() != nil {}
            Issue.record("expected an error")
        } catch {
            #expect(!"\(error)".contains("0101011234"))
            #expect(!"\(error)".contains("open"))
        }
    }

    // MARK: - SurveyXact samples (counts from Python's csv module, see Fixtures/README.md)

    @Test(arguments: [
        ("surveyxact/semicolon_ansi/dataset.first20rows.csv", 20, 242, true),
        ("surveyxact/semicolon_ansi/labels.csv", 1199, 3, false),
        ("surveyxact/semicolon_ansi/structure.csv", 242, 7, true),
        ("surveyxact/comma_ansi/labels.first40lines.csv", 40, 3, false),
        ("surveyxact/tab_utf16/dataset.first6lines.csv", 5, 242, true),
        ("surveyxact/tab_utf16/labels.first40lines.csv", 40, 3, false),
        ("surveyxact/tab_utf16/structure.first20lines.csv", 19, 7, true),
    ])
    func surveyXactSamples(file: String, rows: Int, columns: Int, hasHeader: Bool) throws {
        let reader = try CSVReader(path: Fixture.path(file), hasHeader: hasHeader)
        let records = try reader.readAll()
        #expect(records.count == rows)
        #expect(records.allSatisfy { $0.fields.count == columns })
    }
}
