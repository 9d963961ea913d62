import Foundation

/// Streams a REDCap record CSV (raw codes) as ``SourceRecord``s.
///
/// The first column is the record id. `redcap_event_name` becomes the occasion,
/// `redcap_repeat_instrument` the form and `redcap_repeat_instance` the repeat key. Checkbox
/// columns `field___code` are grouped into one field `field` whose value lists the ticked codes
/// separated by `|` (REDCap exports unticked and unanswered alike as 0). Other `redcap_*`
/// columns are kept as fields.
public final class REDCapRecordReader {
    private let reader: CSVReader
    private let idColumn = 0
    private let eventColumn: Int?
    private let instrumentColumn: Int?
    private let instanceColumn: Int?
    /// Output fields: a plain column, or a checkbox group (name, [(column, code)]).
    private let layout: [(name: String, columns: [(index: Int, code: String?)])]

    /// The CSV dialect detected.
    public var dialect: CSVDialect { reader.dialect }
    /// The file's bytes read so far.
    public var bytesRead: Int { reader.bytesRead }

    /// Opens a record CSV.
    /// - Throws: ``CSVError``.
    public init(path: String) throws {
        reader = try CSVReader(path: path)
        let header = reader.header
        eventColumn = header.firstIndex(of: "redcap_event_name")
        instrumentColumn = header.firstIndex(of: "redcap_repeat_instrument")
        instanceColumn = header.firstIndex(of: "redcap_repeat_instance")
        let special = Set([idColumn, eventColumn, instrumentColumn, instanceColumn].compactMap { $0 })
        var layout: [(name: String, columns: [(index: Int, code: String?)])] = []
        var groupIndex: [String: Int] = [:]
        for (index, column) in header.enumerated() where !special.contains(index) {
            if let range = column.range(of: "___") {
                let name = String(column[..<range.lowerBound])
                let code = String(column[range.upperBound...])
                if let existing = groupIndex[name] {
                    layout[existing].columns.append((index, code))
                } else {
                    groupIndex[name] = layout.count
                    layout.append((name, [(index, code)]))
                }
            } else {
                layout.append((column, [(index, nil)]))
            }
        }
        self.layout = layout
    }

    /// Returns the next record, or `nil` at the end.
    /// - Throws: ``CSVError``, including ``CSVError/raggedRow(file:row:line:expected:found:)``.
    public func next() throws -> SourceRecord? {
        guard let row = try reader.next() else { return nil }
        try reader.checkFieldCount(row)
        let values = row.fields
        func optional(_ index: Int?) -> String? {
            guard let index, !values[index].isEmpty else { return nil }
            return values[index]
        }
        var fields: [SourceField] = []
        fields.reserveCapacity(layout.count)
        for entry in layout {
            if entry.columns.count == 1, entry.columns[0].code == nil {
                fields.append(SourceField(name: entry.name, value: values[entry.columns[0].index]))
            } else {
                let ticked = entry.columns.filter { values[$0.index] == "1" }.compactMap(\.code)
                fields.append(SourceField(name: entry.name, value: ticked.joined(separator: "|")))
            }
        }
        return SourceRecord(
            source: reader.file, location: "row \(row.number) (line \(row.line))", subjectKey: values[idColumn],
            occasion: optional(eventColumn), form: optional(instrumentColumn), repeatKey: optional(instanceColumn),
            fields: fields, row: row.number, line: row.line)
    }
}
