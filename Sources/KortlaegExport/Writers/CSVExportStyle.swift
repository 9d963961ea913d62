/// The CSV dialect of an export.
public enum CSVExportStyle: String, Sendable {
    /// RFC 4180: UTF-8 without BOM, `,`, CRLF, decimal point.
    case plain
    /// Danish Excel: UTF-8 with BOM, `;`, CRLF, decimal comma.
    case excelDanish
}
