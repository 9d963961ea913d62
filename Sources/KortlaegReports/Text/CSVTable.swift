import KortlaegReaders

/// The one CSV layout of the reports' tables (RFC 4180 quoting, `\n` line ends): a field is
/// quoted only when it holds the delimiter, a quote or a line break, and inner quotes are doubled.
/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, TAB, CR first; plain numbers
/// such as `-3` excepted) gets a leading `'` unless ``cells`` is ``CSVCellPolicy/raw`` (`--raw`),
/// as every CSV file Kortlæg writes (``CSVCellPolicy``).
///
/// Large files written while they are read (imports, exports) use the readers' streaming CSV
/// writer instead; this is for reports, whose rows are already in memory.
public struct CSVTable: Sendable {
    /// The rows, the header first.
    public var rows: [[String]]
    /// The field separator (`,` or a tab).
    public var delimiter: Character
    /// Whether formula cells are neutralised (the default) or written as they are.
    public var cells: CSVCellPolicy

    /// A table of `rows`.
    public init(rows: [[String]], delimiter: Character = ",", cells: CSVCellPolicy = .spreadsheet) {
        self.rows = rows
        self.delimiter = delimiter
        self.cells = cells
    }

    /// The same table written under `cells`.
    public func with(cells: CSVCellPolicy) -> CSVTable {
        CSVTable(rows: rows, delimiter: delimiter, cells: cells)
    }

    /// The table as text, formula cells neutralised unless `raw` (`--raw`).
    public func text(raw: Bool) -> String { with(cells: raw ? .raw : .spreadsheet).text }

    /// The table as text, every line ending with `\n`.
    public var text: String {
        var text = ""
        for row in rows { Self.append(row, to: &text, delimiter: delimiter, cells: cells) }
        return text
    }

    /// One record as a line, ending with `\n`.
    public static func line(_ fields: [String], delimiter: Character = ",", cells: CSVCellPolicy = .spreadsheet) -> String {
        var line = ""
        append(fields, to: &line, delimiter: delimiter, cells: cells)
        return line
    }

    /// Appends one record and its `\n` to `text`. The quoting scan looks at bytes (a line break
    /// inside `\r\n` counts), not at characters.
    static func append(_ fields: [String], to text: inout String, delimiter: Character, cells: CSVCellPolicy) {
        let separator = delimiter.utf8.count == 1 ? delimiter.utf8.first : nil
        for (index, raw) in fields.enumerated() {
            if index > 0 { text.append(delimiter) }
            let field = cells.apply(raw)
            let quoted = if let separator {
                field.utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            } else {
                field.unicodeScalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" } || field.contains(delimiter)
            }
            if quoted {
                text += "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            } else {
                text += field
            }
        }
        text += "\n"
    }
}
