import Foundation

/// Streams one sheet of an Excel workbook as ``SourceRecord``s, one per row below the header
/// (the first non-empty row), each field named by its header cell, as ``PlainCSVRecordReader``
/// does for a CSV file.
///
/// Cells: shared and inline strings as text; numbers as written by Excel (`2`, `2.5`); cells
/// with a date format as ISO dates (`2026-09-03`); booleans as `1`/`0`; empty and absent cells
/// as empty fields. Rows without any value are skipped.
public final class XLSXRecordReader {
    private let workbook: XLSXWorkbook
    private let reader: XMLStreamReader
    /// The sheet read.
    public let sheet: String
    /// Its 1-based number in workbook order.
    public let sheetNumber: Int
    /// Whether `--sheet` chose it (else it is the first sheet).
    public let sheetWasChosen: Bool
    /// The header cells, trimmed.
    public private(set) var header: [String] = []
    private var rowNumber = 0

    /// Opens `path` and the sheet `sheet`: a sheet's name or its 1-based number (nil: the first).
    /// - Throws: ``XLSXError``.
    public init(path: String, sheet: String? = nil) throws(XLSXError) {
        workbook = try XLSXWorkbook(path: path)
        let chosen = try workbook.sheetPart(named: sheet)
        self.sheet = chosen.name
        sheetNumber = chosen.number
        sheetWasChosen = sheet != nil
        guard let reader = try workbook.open(chosen.part) else {
            throw .unreadable(file: path, reason: "the sheet '\(chosen.name)' (\(chosen.part)) is missing")
        }
        self.reader = reader
        while let row = try nextRow() {
            if row.cells.contains(where: { !$0.isEmpty }) {
                header = row.cells.map { $0.trimmingCharacters(in: .whitespaces) }
                break
            }
        }
    }

    /// The names of the workbook's sheets, in order.
    public var sheets: [String] { workbook.sheets.map(\.name) }

    /// Which sheet is read and why, for the report on stderr: `Excel workbook, sheet 'Svar' (2 of
    /// 2, chosen with --sheet)`; without `--sheet` the first sheet is named as such, with the
    /// others and how to choose one.
    public var dialect: String {
        Self.describe(sheet: sheet, number: sheetNumber, chosen: sheetWasChosen, sheets: sheets)
    }

    /// The text of ``dialect``.
    static func describe(sheet: String, number: Int, chosen: Bool, sheets: [String]) -> String {
        let start = "Excel workbook, sheet '\(sheet)'"
        if sheets.count <= 1 { return start + " (the only sheet)" }
        if chosen { return start + " (\(number) of \(sheets.count), chosen with --sheet)" }
        return start + " (1 of \(sheets.count)): the first sheet, as no --sheet was given; the workbook's sheets are "
            + XLSXError.numbered(sheets) + "; choose another with --sheet NAME or --sheet NUMBER"
    }

    /// Returns the next non-empty row, or `nil` at the end.
    /// - Throws: ``XLSXError``.
    public func next() throws(XLSXError) -> SourceRecord? {
        while let row = try nextRow() {
            guard row.cells.contains(where: { !$0.isEmpty }) else { continue }
            rowNumber += 1
            var fields: [SourceField] = []
            fields.reserveCapacity(header.count)
            for (index, name) in header.enumerated() {
                fields.append(SourceField(name: name, value: index < row.cells.count ? row.cells[index] : ""))
            }
            return SourceRecord(source: workbook.file, location: "sheet '\(sheet)' row \(row.number)",
                                subjectKey: fields.first?.value ?? "", fields: fields, row: rowNumber, line: row.number)
        }
        return nil
    }

    // MARK: - Sheet XML

    /// The next `<row>`: its number in the sheet and its cells by column (gaps filled with "").
    private func nextRow() throws(XLSXError) -> (number: Int, cells: [String])? {
        var cells: [String] = []
        var number = 0
        var inRow = false
        var cell: (column: Int, type: String, style: Int)?
        var value = ""
        var inValue = false
        do {
            while let node = try reader.next() {
                switch node {
                case let .startElement(name, attributes, isEmpty):
                    switch name {
                    case "row":
                        inRow = true
                        number = attributes["r"].flatMap(Int.init) ?? number + 1
                        if isEmpty { return (number, []) }
                    case "c" where inRow:
                        let column = attributes["r"].flatMap(Self.column) ?? cells.count
                        cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
                        value = ""
                        if isEmpty { place(&cells, column, "") ; cell = nil }
                    case "v", "t":
                        if cell != nil, !isEmpty { inValue = true }
                    default:
                        break
                    }
                case let .text(text):
                    if inValue { value += text }
                case let .endElement(name):
                    switch name {
                    case "v", "t": inValue = false
                    case "c":
                        if let current = cell { place(&cells, current.column, text(of: value, type: current.type, style: current.style)) }
                        cell = nil
                    case "row":
                        return (number, cells)
                    default:
                        break
                    }
                }
            }
        } catch {
            throw .unreadable(file: workbook.file, reason: "\(error)")
        }
        return nil
    }

    private func place(_ cells: inout [String], _ column: Int, _ text: String) {
        // A sheet's column count is bounded by Excel (XFD = 16384).
        guard column < 16_384 else { return }
        if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column - cells.count + 1)) }
        cells[column] = text
    }

    private func text(of raw: String, type: String, style: Int) -> String {
        switch type {
        case "s":
            guard let index = Int(raw), index >= 0, index < workbook.sharedStrings.count else { return "" }
            return workbook.sharedStrings[index]
        case "inlineStr", "str", "e":
            return raw
        case "b":
            return raw == "1" ? "1" : "0"
        case "d":
            return String(raw.prefix(10))
        default:
            guard !raw.isEmpty, let number = Double(raw) else { return raw }
            if style < workbook.dateStyles.count, workbook.dateStyles[style], let iso = ExcelDate.iso(serial: number) { return iso }
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return raw
        }
    }

    /// The zero-based column of a cell reference (`C5` → 2, `AA1` → 26).
    static func column(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.properties.isUppercase || ("a"..."z").contains(scalar) else { break }
            let value = Int(scalar.value) - (scalar.value >= 97 ? 96 : 64)
            guard (1...26).contains(value) else { return nil }
            column = column * 26 + value
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }
}
