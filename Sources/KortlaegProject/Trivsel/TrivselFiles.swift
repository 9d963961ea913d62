import KortlaegDomain
import KortlaegReaders

/// Reads trivselsmåling results files the way both trivsel use cases do: the separator given or
/// detected, and rows without a school year given `schoolYear`.
struct TrivselFiles {
    /// The separator, or nil to detect it per file.
    let delimiter: CSVDelimiter?
    /// The school year of rows that give none.
    let schoolYear: SchoolYear?
    /// The indicators whose columns the files may hold.
    let indicators: TrivselIndicators
    /// `--sheet`: the sheet of an Excel workbook, by name or 1-based number (nil: the first).
    let sheet: String?

    /// - Throws: ``KortlaegError`` (``Severity/usage``) for an unknown separator name.
    init(delimiter: String?, schoolYear: SchoolYear?, indicators: TrivselIndicators, sheet: String? = nil) throws(KortlaegError) {
        self.sheet = sheet
        if let delimiter {
            guard let parsed = CSVDelimiter(delimiter) else {
                throw KortlaegError(.usage, "Unknown --delimiter '\(delimiter)'. Please use comma, semicolon or tab.")
            }
            self.delimiter = parsed
        } else {
            self.delimiter = nil
        }
        self.schoolYear = schoolYear
        self.indicators = indicators
    }

    /// Reads one file; for a workbook, which sheet was read and why goes to `sink` as a note.
    func read(_ path: String, sink: any ProgressSink) throws(TrivselImportError) -> TrivselResultsFile {
        var file = try TrivselResultsReader(indicators: indicators).read(path: path, delimiter: delimiter, sheet: sheet)
        if let chosen = file.sheet {
            sink.note("\(path): \(chosen)")
        } else if sheet != nil {
            sink.warning("\(path): --sheet applies to Excel workbooks (.xlsx); this file is text and was read as CSV")
        }
        if let schoolYear {
            for index in file.results.indices where file.results[index].schoolYear == nil {
                file.results[index].schoolYear = schoolYear
            }
        }
        return file
    }
}
