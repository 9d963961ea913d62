import Foundation
import Testing
@testable import KortlaegReaders

struct SurveyXactReaderTests {
    /// Counts from the samples: data lines minus the header (python csv: 20, 5, 5 rows; 242, 247, 242 columns).
    @Test(arguments: [("semicolon_ansi/dataset.first20rows.csv", 20, 242), ("tab_utf16/dataset.first6lines.csv", 5, 242),
                      ("comma_ansi/dataset.first5rows.csv", 5, 247)])
    func readsEveryRespondent(file: String, rows: Int, columns: Int) throws {
        let export = try #require(SurveyXactExport.locate(Fixture.path("surveyxact/" + file)))
        let reader = try SurveyXactReader(export: export)
        var records: [SourceRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(records.count == rows)
        #expect(records.allSatisfy { $0.fields.count == columns })
        // v_1_1 is coded 0/1 with labels "Ikke valgt"/"Valgt" (labels file, first lines).
        #expect(records.allSatisfy { ["Ikke valgt", "Valgt"].contains($0["v_1_1"]) })
    }

    @Test func commaExportTrailingSeparatorInStructureIsReportedNotFatal() throws {
        let export = try #require(SurveyXactExport.locate(Fixture.path("surveyxact/comma_ansi/labels.first40lines.csv")))
        let reader = try SurveyXactReader(export: export)
        #expect(reader.notes.count == 1)
        // python csv on the sample: 19 data rows, 18 with 8 fields under the 7-field header, all extras empty.
        #expect(reader.notes[0].contains("18 row(s) end with an extra empty field"))
    }

    @Test func locateNeedsAllThreeFiles() {
        #expect(SurveyXactExport.locate(Fixture.path("csv/ragged-rows.csv")) == nil)
    }
}
