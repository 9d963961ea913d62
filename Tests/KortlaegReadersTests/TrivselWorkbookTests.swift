import Foundation
import Testing
@testable import KortlaegDomain
@testable import KortlaegReaders

/// Trivselsmåling results in an Excel workbook (issue 13: `trivsel` reads .xlsx wherever it reads
/// CSV). `SampleData/realfiles/trivsel-kommune.xlsx` is `Fixtures/trivsel/kommune-wide-danish.csv`
/// written as a workbook by `SampleData/realfiles/make_fixtures.py` (openpyxl): figures as number
/// cells, the bad cell '3,x' as text. It must give the CSV's figures.
struct TrivselWorkbookTests {
    static let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData/realfiles/trivsel-kommune.xlsx").path

    @Test func workbookGivesTheFiguresOfTheCSV() throws {
        let reader = TrivselResultsReader(indicators: trivselIndicators)
        let csv = try reader.read(path: Fixture.path("trivsel/kommune-wide-danish.csv"))
        let xlsx = try reader.read(path: Self.workbook)
        #expect(xlsx.results.count == 4)
        #expect(xlsx.results.map(\.figures) == csv.results.map(\.figures))
        #expect(xlsx.results.map(\.schoolYear) == csv.results.map(\.schoolYear))
        #expect(xlsx.results.map(\.school) == csv.results.map(\.school) && xlsx.results.map(\.grade) == csv.results.map(\.grade))
        #expect(xlsx.results[0].figures[.social]?.pupils == 2351, "a number cell 2351, not the Danish text '2.351'")
        #expect(xlsx.absentCells == csv.absentCells)
        #expect(xlsx.problems.count == 1)
        #expect(xlsx.problems.first?.description.contains("trivsel-kommune.xlsx:5: column 'Støtte og inspiration': '3,x' is not valid") == true)
    }

    @Test func oldExcelIsRefusedWithWhatToDo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trivsel-\(CPRGuard.uniqueName()).xls").path
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: TrivselImportError.excel(.binaryExcel(file: path))) {
            try TrivselResultsReader(indicators: trivselIndicators).read(path: path)
        }
    }
}
