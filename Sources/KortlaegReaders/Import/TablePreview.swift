import Foundation
import KortlaegDomain

/// The start of a table file (plain or REDCap CSV, Excel sheet, SurveyXact dataset) as a front
/// end shows it before an import: the header, the first rows, how the text was written, and the
/// child-id column the import would choose.
public struct TablePreview: Sendable {
    /// The column names, as written.
    public var header: [String]
    /// The first rows (values in header order), at most the limit asked for.
    public var rows: [[String]]
    /// The text file's encoding, delimiter and line endings (nil for an Excel workbook).
    public var dialect: CSVDialect?
    /// The sheet read, for an Excel workbook.
    public var sheet: String?
    /// The workbook's sheets, in order.
    public var sheets: [String] = []
    /// The column the format itself keys respondents by (SurveyXact's respondent id).
    public var formatKey: String?

    /// Reads the start of `path`, a file of `kind`; nil for kinds that are not tables (ODM, FHIR).
    /// - Parameters:
    ///   - sheet: the Excel sheet (nil: the first).
    ///   - limit: the number of rows read (for choosing the id column, 200 as the import does).
    /// - Throws: the reader's error (``CSVError``, ``ImportError``).
    public static func read(kind: SourceKind, path: String, sheet: String? = nil, limit: Int = 200) throws -> TablePreview? {
        switch kind {
        case .csv, .redcapCSV:
            let reader = try PlainCSVRecordReader(path: path)
            var preview = TablePreview(header: reader.header, rows: [], dialect: reader.dialect)
            while preview.rows.count < limit {
                do {
                    guard let record = try reader.next() else { break }
                    preview.rows.append(record.fields.map(\.value))
                } catch let error as CSVError {
                    guard case .raggedRow = error else { break }
                }
            }
            return preview
        case .xlsx:
            guard let table = try ImportJob.sampleTable(kind: kind, path: path, sheet: sheet, limit: limit) else { return nil }
            let reader = try ImportJob.excel { () throws(XLSXError) in try XLSXRecordReader(path: path, sheet: sheet) }
            return TablePreview(header: table.header, rows: table.rows, sheet: reader.sheet, sheets: reader.sheets)
        case .surveyxact:
            guard let table = try ImportJob.sampleTable(kind: kind, path: path, limit: limit),
                  let export = SurveyXactExport.locate(path) else { return nil }
            return TablePreview(header: table.header, rows: table.rows, dialect: try SurveyXactReader(export: export).dialect,
                                formatKey: table.formatKey)
        case .odm, .fhir:
            return nil
        }
    }

    /// The child-id column as the import chooses it (see ``ChildIdChoice``).
    /// - Parameter requested: the column the user named (nil: chosen from the header and rows).
    /// - Throws: ``ImportError/idColumn(file:problem:)``.
    public func childId(file: String, requested: String?) throws(ImportError) -> ChildIdChoice {
        try ChildIdChooser.choose(file: file, header: header, sample: rows, requested: requested, formatKey: formatKey)
    }
}
