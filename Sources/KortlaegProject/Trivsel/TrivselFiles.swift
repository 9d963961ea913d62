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

    /// - Throws: ``KortlaegError`` (``Severity/usage``) for an unknown separator name.
    init(delimiter: String?, schoolYear: SchoolYear?, indicators: TrivselIndicators) throws(KortlaegError) {
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

    /// Reads one file.
    func read(_ path: String) throws(TrivselImportError) -> TrivselResultsFile {
        var file = try TrivselResultsReader(indicators: indicators).read(path: path, delimiter: delimiter)
        if let schoolYear {
            for index in file.results.indices where file.results[index].schoolYear == nil {
                file.results[index].schoolYear = schoolYear
            }
        }
        return file
    }
}
