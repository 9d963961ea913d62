import Foundation
import KortlaegReaders
import KortlaegReports
import KortlaegTestSupport
import Testing
@testable import KortlaegProject

/// `kortlaeg trivsel FILE.xlsx --sheet NAME|NUMBER` (issue 13). `SampleData/realfiles/trivsel-to-ark.xlsx`
/// (written by `make_fixtures.py`) holds the figures of `trivsel-kommune.xlsx` on its first sheet
/// 'Resultater' and a note without any indicator column on its second sheet 'Om'.
struct TrivselSheetTests {
    static let twoSheets = repositoryRoot.appendingPathComponent("SampleData/realfiles/trivsel-to-ark.xlsx").path
    static let oneSheet = repositoryRoot.appendingPathComponent("SampleData/realfiles/trivsel-kommune.xlsx").path
    static let indicators = TrivselIndicators(catalog: repositoryInstruments)

    func show(_ path: String, sheet: String? = nil) throws(KortlaegError) -> (ShowTrivsel.Result, CollectingSink) {
        var request = ShowTrivsel.Request(source: .files([path]), indicators: Self.indicators)
        request.sheet = sheet
        let sink = CollectingSink()
        return (try ShowTrivsel.run(request, sink: sink), sink)
    }

    @Test func withoutSheetTheFirstIsReadAndTheChoiceIsSaid() throws {
        let (result, sink) = try show(Self.twoSheets)
        #expect(!result.overview.report.cells.isEmpty)
        #expect(sink.notes.contains("\(Self.twoSheets): Excel workbook, sheet 'Resultater' (1 of 2): the first sheet, as no --sheet was given; "
                                    + "the workbook's sheets are 1 'Resultater', 2 'Om'; choose another with --sheet NAME or --sheet NUMBER"),
                "\(sink.notes)")
        // A workbook of one sheet: nothing to choose.
        let (_, single) = try show(Self.oneSheet)
        #expect(single.notes.contains("\(Self.oneSheet): Excel workbook, sheet 'Resultater' (the only sheet)"), "\(single.notes)")
    }

    @Test(arguments: ["Resultater", "resultater", "1"])
    func aSheetIsChosenByNameOrNumber(_ sheet: String) throws {
        let (chosen, sink) = try show(Self.twoSheets, sheet: sheet)
        let (first, _) = try show(Self.twoSheets)
        #expect(chosen.overview.report.cells == first.overview.report.cells && !first.overview.report.cells.isEmpty)
        #expect(sink.notes.contains("\(Self.twoSheets): Excel workbook, sheet 'Resultater' (1 of 2, chosen with --sheet)"), "\(sink.notes)")
    }

    @Test func theSecondSheetByNumberHasNoIndicators() throws {
        let error = expectFailure { () throws(KortlaegError) in _ = try show(Self.twoSheets, sheet: "2") }
        #expect(error?.severity == .invalidInput)
        #expect(error?.message.hasPrefix("\(Self.twoSheets)") == true, "\(String(describing: error?.message))")
    }

    @Test(arguments: ["Nope", "3", "0"])
    func anUnknownSheetListsTheSheets(_ sheet: String) throws {
        let error = expectFailure { () throws(KortlaegError) in _ = try show(Self.twoSheets, sheet: sheet) }
        #expect(error?.severity == .invalidInput)
        #expect(error?.message == "\(Self.twoSheets): the workbook has no sheet '\(sheet)'; its sheets are: 1 'Resultater', 2 'Om'. "
                + "Please give --sheet one of these names or numbers.", "\(String(describing: error?.message))")
    }

    @Test func sheetOnACSVFileIsAWarning() throws {
        let csv = try useCaseFolder().appendingPathComponent("skoler.csv")
        try "År;Skolenavn;Trin;Antal elever;Social trivsel\n2018;Byskolen;4. klasse;20;4,1\n".write(to: csv, atomically: true, encoding: .utf8)
        let (_, sink) = try show(csv.path, sheet: "Resultater")
        #expect(sink.messages.contains(.warning("\(csv.path): --sheet applies to Excel workbooks (.xlsx); this file is text and was read as CSV")))
    }

    @Test func storingReadsTheChosenSheet() throws {
        let folder = try useCaseFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        _ = try ProjectLocation.create(project, project: ProjectInfo(), operator: "tester")
        var request = StoreTrivselResults.Request(project: project, files: [Self.twoSheets], dryRun: true, operator: "tester",
                                                  indicators: Self.indicators)
        request.sheet = "Om"
        let sink = CollectingSink()
        let result = try StoreTrivselResults.run(request, sink: sink)
        #expect(result.severity == .invalidInput, "the sheet 'Om' has no indicator column")
        #expect(sink.errors.contains { $0.hasPrefix(Self.twoSheets) && $0.hasSuffix("Nothing from \(Self.twoSheets) was stored.") }, "\(sink.errors)")
        request.sheet = "1"
        let stored = try StoreTrivselResults.run(request, sink: CollectingSink())
        #expect(stored.severity < .invalidInput, "\(stored)")
    }
}
