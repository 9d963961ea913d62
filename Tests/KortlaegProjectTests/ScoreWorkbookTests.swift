import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// `score` on an Excel workbook and with missing codes (issue 13). `SampleData/realfiles/koder.xlsx`
/// holds the first 20 rows of `SampleData/sdq-parent-T1.csv` on its second sheet 'Svar', with four
/// answers written as the missing codes 'NA', 'na' and -99; `koder.csv` is the same rows with those
/// cells blank (both written by `SampleData/realfiles/make_fixtures.py`). Scored with
/// `--sheet Svar --missing-codes NA,-99` the workbook must give the CSV's scores exactly: the
/// CSV path's values are checked against youthinmind's rules in `ScoreFileTests`.
struct ScoreWorkbookTests {
    static let workbook = RealFilesImportTests.fixture("koder.xlsx")
    static let csv = RealFilesImportTests.fixture("koder.csv")

    func score(_ input: String, sheet: String? = nil, missingCodes: String? = nil) throws -> (lines: [String], result: ScoreFile.Result, sink: CollectingSink) {
        let output = try useCaseFolder().appendingPathComponent("scores.csv").path
        var request = ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments, output: .file(output))
        request.sheet = sheet
        request.missingCodes = missingCodes.map(MissingCode.list) ?? []
        let sink = CollectingSink()
        let result = try ScoreFile.run(request, sink: sink)
        return (try lines(of: output), result, sink)
    }

    @Test func workbookWithMissingCodesScoresLikeTheCSVWithBlanks() throws {
        let fromCSV = try score(Self.csv)
        let fromWorkbook = try score(Self.workbook, sheet: "Svar", missingCodes: "NA,-99")
        #expect(fromCSV.lines.count == 21)
        #expect(fromWorkbook.lines == fromCSV.lines)
        #expect(fromWorkbook.result.rowsRejected == fromCSV.result.rowsRejected)
        #expect(fromWorkbook.result.missingAnswers == 4, "NA, na and -99 twice")
        #expect(fromWorkbook.sink.notes.contains("answers given as missing codes, read as unanswered (not answers, not rejects): 4"))
        #expect(fromWorkbook.result.dialect == "Excel workbook, sheet 'Svar' (2 of 2, chosen with --sheet)")
    }

    @Test func withoutMissingCodesTheyAreRejects() throws {
        let fromWorkbook = try score(Self.workbook, sheet: "Svar")
        let fromCSV = try score(Self.csv)
        // Rows 3, 8, 12 and 16 hold a missing code; each becomes a rejected row (unless already rejected).
        #expect(fromWorkbook.result.rowsRejected > fromCSV.result.rowsRejected)
        #expect(fromWorkbook.result.severity == .rowsRejected)
    }

    @Test func theFirstSheetIsReadByDefaultAndAnUnknownSheetIsNamed() throws {
        // The first sheet 'Om' has no item column.
        let first = expectFailure { () throws(KortlaegError) in
            try ScoreFile.run(ScoreFile.Request(input: Self.workbook, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                                output: .handle(.nullDevice)), sink: CollectingSink())
        }
        #expect(first?.severity == .invalidInput)
        var request = ScoreFile.Request(input: Self.workbook, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                        output: .handle(.nullDevice))
        request.sheet = "Nope"
        let unknown = expectFailure { () throws(KortlaegError) in try ScoreFile.run(request, sink: CollectingSink()) }
        #expect(unknown?.message.hasSuffix("the workbook has no sheet 'Nope'; its sheets are: 1 'Om', 2 'Svar'. Please give --sheet one of these names or numbers.") == true)
    }

    @Test func oldExcelIsRefused() throws {
        let xls = try useCaseFolder().appendingPathComponent("svar.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: xls)
        let error = expectFailure { () throws(KortlaegError) in
            try ScoreFile.run(ScoreFile.Request(input: xls.path, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                                output: .handle(.nullDevice)), sink: CollectingSink())
        }
        #expect(error?.severity == .invalidInput && error?.message.contains("save it as .xlsx") == true)
    }
}
