import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegExport
import KortlaegReaders

/// CSV injection in exports (issue 18, item 7): text cells a spreadsheet would run as formulas get
/// a leading `'` (OWASP, "CSV Injection"); numbers are never changed, whatever their sign or form;
/// `cells: .raw` (`export --raw`) writes everything as it is.
struct CSVExportWriterTests {
    static var dataset: ExportDataset { ExportDataset(
        title: "t",
        variables: [ExportVariable(name: "class", label: "Class", type: .string(width: 40)),
                    ExportVariable(name: "note", label: "Note", type: .string(width: 40)),
                    ExportVariable(name: "pemotion_chg", label: "Change")],
        rows: [[.text("=cmd|' /C calc'!A0"), .text("+45 ring til mor"), .number(-3)],
               [.text("4A"), .text("-"), .number(-0.000015)],
               [.text("@SUM(A1)"), .text("\tx"), .number(2.5)]]) }

    func written(style: CSVExportStyle, cells: CSVCellPolicy) throws -> String {
        let path = try makeTemporaryFolder("kortlaeg-csv-export").appendingPathComponent("e.csv").path
        try CSVExportWriter.write(Self.dataset, to: path, style: style, cells: cells)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func textFormulaCellsGetAQuoteNumbersNever() throws {
        // -0.000015 is written by Swift as -1.5e-05: a number, left alone.
        #expect(try written(style: .plain, cells: .spreadsheet) == """
            class,note,pemotion_chg\r
            '=cmd|' /C calc'!A0,'+45 ring til mor,-3\r
            4A,'-,-1.5e-05\r
            '@SUM(A1),'\tx,2.5\r

            """)
    }

    @Test func danishExcelKeepsNegativeDecimalCommaNumbers() throws {
        let text = try written(style: .excelDanish, cells: .spreadsheet)
        #expect(text.contains("'=cmd|' /C calc'!A0;'+45 ring til mor;-3\r\n"))
        #expect(text.contains("4A;'-;-1,5e-05\r\n"))
        #expect(text.contains("'@SUM(A1);'\tx;2,5\r\n"))
    }

    @Test func rawWritesEveryCellAsItIs() throws {
        #expect(try written(style: .plain, cells: .raw) == """
            class,note,pemotion_chg\r
            =cmd|' /C calc'!A0,+45 ring til mor,-3\r
            4A,-,-1.5e-05\r
            @SUM(A1),\tx,2.5\r

            """)
    }
}
