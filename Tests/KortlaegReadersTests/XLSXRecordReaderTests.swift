import Foundation
import Testing
@testable import KortlaegReaders

/// The Excel sheet reader on `SampleData/realfiles/dansk-skema.xlsx` (written with openpyxl by
/// `SampleData/realfiles/make_fixtures.py`: shared strings, a number cell, date cells).
struct XLSXRecordReaderTests {
    static let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData/realfiles/dansk-skema.xlsx").path

    @Test func readsTheFirstSheetAsATable() throws {
        #expect(XLSXWorkbook.isWorkbook(Self.workbook))
        let reader = try XLSXRecordReader(path: Self.workbook)
        #expect(reader.sheet == "Besvarelser" && reader.sheets == ["Besvarelser", "Noter"])
        #expect(Array(reader.header.prefix(7)) == ["Barnets navn", "Klasse", "CPR", "Køn", "Fødselsdato", "Dato", "pconsid"])
        var records: [SourceRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(records.count == 6)
        let first = try #require(records.first)
        func value(_ name: String) -> String? { first.fields.first { $0.name == name }?.value }
        #expect(value("CPR") == "elev-0001", "a text cell is read as text")
        #expect(value("Fødselsdato") == "2015-01-01" && value("Dato") == "2026-09-03", "date cells as ISO dates")
        #expect(value("pconsid") == "0", "a number cell as written")
        #expect(value("prestles") == "passer delvis", "a shared string")
        #expect(first.row == 1 && first.line == 2 && first.location == "sheet 'Besvarelser' row 2")
    }

    @Test func otherSheetByName() throws {
        let reader = try XLSXRecordReader(path: Self.workbook, sheet: "noter")
        #expect(reader.header == ["Note"])
        #expect(try reader.next()?.fields.first?.value == "Indtastet af PPR")
        #expect(try reader.next() == nil)
    }

    @Test(arguments: [("A1", 0), ("C5", 2), ("Z9", 25), ("AA1", 26), ("XFD1048576", 16383)])
    func cellColumns(reference: String, column: Int) {
        #expect(XLSXRecordReader.column(reference) == column)
    }

    @Test(arguments: [("DD-MM-YYYY", true), ("d/m/yy;@", true), ("0.00", false), ("[Red]0", false), ("\"dag\" 0", false)])
    func dateFormats(code: String, isDate: Bool) {
        #expect(XLSXWorkbook.isDateFormat(code) == isDate)
    }
}
