import Foundation
@testable import KortlaegReaders
import Testing
import KortlaegTestSupport

/// CSV injection (issue 18, item 7): cells a spreadsheet runs as formulas get a leading `'`
/// (OWASP, "CSV Injection"); plain numbers and `--raw` output are left as they are.
struct CSVCellPolicyTests {
    @Test(arguments: [("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
                      ("\tx", "'\tx"), ("\rx", "'\rx"), ("-", "'-"), ("-1", "-1"), ("+2,5", "+2,5"), ("-0.75", "-0.75"),
                      ("4A", "4A"), ("", ""),
                      // Numbers as Swift writes small values are numbers to a spreadsheet, not formulas;
                      // anything after them makes the cell text again.
                      ("-3", "-3"), ("-1.5e-05", "-1.5e-05"), ("-3E+2", "-3E+2"), ("+4e7", "+4e7"),
                      ("-1e5+1", "'-1e5+1"), ("-2e", "'-2e"), ("-2e+", "'-2e+"), ("-1.2.3", "'-1.2.3"), ("-.5", "'-.5"),
                      ("-3 ", "'-3 "), ("-1,5;=1", "'-1,5;=1")])
    func neutralisesFormulaCells(cell: String, written: String) {
        #expect(CSVCellPolicy.spreadsheet.apply(cell) == written)
        #expect(CSVCellPolicy.raw.apply(cell) == cell)
    }

    @Test func theWriterNeutralisesByDefault() throws {
        let folder = try makeTemporaryFolder("kortlaeg-cells")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.csv").path
        do {
            let writer = try CSVWriter(path: path, lineEnding: .lf)
            try writer.write(["=1+2", "-3"])
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "'=1+2,-3\n")
    }
}
