import Foundation

/// Whether a file is an Excel workbook by its content (whatever its name): a zip archive with
/// `xl/workbook.xml` (.xlsx), the OLE2 compound-file signature of an old binary .xls, or neither
/// (read as text).
public enum WorkbookSignature: Sendable, Equatable {
    /// An Excel workbook (.xlsx).
    case workbook
    /// An old binary Excel file (.xls): refused with ``XLSXError/binaryExcel(file:)``.
    case binaryExcel
    /// Anything else (CSV and other text).
    case text

    /// The signature of the file at `path` (``text`` when it cannot be opened: the text reader
    /// then reports why).
    public static func of(_ path: String) -> WorkbookSignature {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .text }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]), XLSXWorkbook.isWorkbook(path) { return .workbook }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .binaryExcel }
        return .text
    }
}
