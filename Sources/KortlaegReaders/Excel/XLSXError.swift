/// Why an Excel workbook cannot be read as a table.
public enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The zip or one of its parts is broken or missing.
    case unreadable(file: String, reason: String)
    /// `--sheet` names no sheet of the workbook.
    case unknownSheet(file: String, name: String, sheets: [String])
    /// A part would unpack to more than the limit (a zip bomb or a sheet too large to be a survey).
    case tooLarge(file: String, part: String, bytes: UInt64)
    /// An old binary Excel file (`.xls`).
    case binaryExcel(file: String)

    /// Sheet names with their numbers, as `--sheet` takes them: `1 'Om', 2 'Svar'`.
    static func numbered(_ sheets: [String]) -> String {
        sheets.enumerated().map { "\($0.offset + 1) '\($0.element)'" }.joined(separator: ", ")
    }

    /// A message naming the file and what to do.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the Excel workbook: \(reason). Please save it again as .xlsx or as CSV."
        case let .unknownSheet(file, name, sheets):
            return "\(file): the workbook has no sheet '\(name)'; its sheets are: \(Self.numbered(sheets)). "
                + "Please give --sheet one of these names or numbers."
        case let .tooLarge(file, part, bytes):
            return "\(file): the part \(part) of the workbook unpacks to \(bytes) bytes, more than Kortlæg reads (\(XLSXWorkbook.partLimit) bytes); please save the sheet as CSV."
        case let .binaryExcel(file):
            return "\(file): this is an old Excel file (.xls), which Kortlæg does not read. Please open it in Excel and save it as .xlsx (Excel-projektmappe) or as CSV (semikolonsepareret)."
        }
    }
}
