import Foundation
import KortlaegReaders

/// Writes an ``ExportDataset`` as CSV: a header of variable names, then one line per row.
///
/// Every missing value (system or declared) is written as an empty field; the reasons are in the
/// `.sav`/`.dta` files and the codebook (a source missing code's reason is a number in the item's
/// reason column `<item>_mr`, see ``AnswerReason``). Numbers are written exactly (shortest round-trip form);
/// integers without decimals. A text cell a spreadsheet would run as a formula (a class name
/// `=cmd|' /C calc'!A0`, a free-text answer `+45 …`) gets a leading `'` unless `cells` is
/// ``CSVCellPolicy/raw``; a number is never changed (`-3`, `-1.5e-05` stay numbers).
public enum CSVExportWriter {
    /// Writes `dataset` to `path`.
    /// - Throws: ``ExportError`` (CPR-shaped values, file errors). On error the file is removed.
    public static func write(_ dataset: ExportDataset, to path: String, style: CSVExportStyle,
                             cells: CSVCellPolicy = .spreadsheet) throws {
        try dataset.validate()
        do {
            let writer: CSVWriter
            do {
                writer = try CSVWriter(path: path, delimiter: style == .plain ? .comma : .semicolon,
                                       byteOrderMark: style == .excelDanish, lineEnding: .crlf, cells: .raw)
            } catch {
                throw ExportError.cannotWrite(file: path, reason: "the file cannot be created")
            }
            // The writer writes as it is told: the policy is applied here, to text values only.
            try writer.write(dataset.variables.map { cells.apply($0.name) })
            try dataset.forEachCheckedRow { row in
                try writer.write(row.map { value in
                    if case let .text(text) = value { return cells.apply(text) }
                    return format(value, style: style)
                })
            }
            try writer.flush()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// A value as CSV text.
    static func format(_ value: ExportValue, style: CSVExportStyle) -> String {
        switch value {
        case let .number(number):
            let text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            return style == .excelDanish ? text.replacingOccurrences(of: ".", with: ",") : text
        case let .text(text): return text
        case .missing, .declaredMissing: return ""
        }
    }
}
