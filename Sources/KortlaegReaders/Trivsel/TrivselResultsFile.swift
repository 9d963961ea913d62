import KortlaegDomain

/// An aggregated trivselsmåling results file as read: one ``TrivselResult`` per data row.
public struct TrivselResultsFile: Sendable {
    /// The file name.
    public var file: String
    /// The results, in file order.
    public var results: [TrivselResult]
    /// Headers the reader did not use (e.g. `Karaktergennemsnit`).
    public var ignoredColumns: [String]
    /// Cells that could not be read (treated as absent).
    public var problems: [TrivselCellProblem]
    /// Empty indicator cells (suppressed or not published), counted, never read as 0.
    public var absentCells: Int
    /// The decimal style used per number column, by header.
    public var decimalStyles: [String: DecimalStyle]
    /// For an Excel workbook: which sheet was read and why (``XLSXRecordReader/dialect``); nil for CSV.
    public var sheet: String?

    /// The distinct school names, in first-seen order.
    public var schools: [String] {
        var seen: Set<String> = []
        return results.compactMap(\.school).filter { seen.insert($0).inserted }
    }
}
