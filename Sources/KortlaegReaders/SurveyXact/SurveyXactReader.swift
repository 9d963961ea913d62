import Foundation

/// Streams a SurveyXact export's dataset as ``SourceRecord``s, one per respondent, with each
/// coded value replaced by its label from the labels file (so profiles map label texts).
///
/// Reads all three encodings SurveyXact writes (Windows-1252 with `;` or `,`, UTF-16LE with BOM
/// and TAB). The comma export ends each structure row with an extra empty field (a trailing
/// separator); such empty extra fields are ignored and reported in ``notes``; a row with
/// non-empty extra fields is an error. The respondent key is the column `respondentid`,
/// `respondent_id` or `id` if the dataset has one.
public final class SurveyXactReader {
    /// The export read.
    public let export: SurveyXactExport
    /// What was noticed while reading the structure and labels (not errors).
    public private(set) var notes: [String] = []
    /// Variables of open (free-text) questions, per the structure file.
    public private(set) var openVariables: Set<String> = []
    /// The dataset's CSV dialect.
    public var dialect: CSVDialect { reader.dialect }
    /// The dataset file's bytes read so far.
    public var bytesRead: Int { reader.bytesRead }
    private let reader: CSVReader
    private var labels: [String: [String: String]] = [:]
    private let idColumn: Int?
    /// The dataset's respondent-key column (`respondentid`, `respondent_id` or `id`), if any.
    public var keyColumn: String? { idColumn.map { reader.header[$0] } }

    /// Opens an export and reads its structure and labels.
    /// - Throws: ``SurveyXactError`` or ``CSVError``.
    public init(export: SurveyXactExport) throws {
        self.export = export
        (openVariables, notes) = try Self.readStructure(export)
        labels = try Self.readLabels(export)
        reader = try CSVReader(path: export.dataset)
        let lowered = reader.header.map { $0.lowercased() }
        idColumn = ["respondentid", "respondent_id", "id"].lazy.compactMap { lowered.firstIndex(of: $0) }.first
    }

    /// Returns the next respondent, or `nil` at the end.
    /// - Throws: ``CSVError``, including ``CSVError/raggedRow(file:row:line:expected:found:)`` (the
    ///   next call continues with the following row).
    public func next() throws -> SourceRecord? {
        guard let row = try reader.next() else { return nil }
        try reader.checkFieldCount(row)
        var fields: [SourceField] = []
        fields.reserveCapacity(row.fields.count)
        for (name, value) in zip(reader.header, row.fields) {
            fields.append(SourceField(name: name, value: labels[name]?[value] ?? value))
        }
        let subject = idColumn.map { row.fields[$0] } ?? ""
        return SourceRecord(source: export.dataset, location: "row \(row.number) (line \(row.line))",
                            subjectKey: subject, fields: fields, row: row.number, line: row.line)
    }

    private static func readStructure(_ export: SurveyXactExport) throws -> (Set<String>, [String]) {
        var openVariables: Set<String> = []
        var notes: [String] = []
        let structure = try CSVReader(path: export.structure)
        let header = structure.header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let variableColumn = header.firstIndex(of: "variableName") else {
            throw SurveyXactError.missingColumn(file: export.structure, column: "variableName")
        }
        let typeColumn = header.firstIndex(of: "questionType")
        var trailing = 0
        while let row = try structure.next() {
            if row.fields.count > header.count {
                guard row.fields[header.count...].allSatisfy(\.isEmpty) else {
                    throw SurveyXactError.raggedStructure(file: export.structure, line: row.line,
                                                          expected: header.count, found: row.fields.count)
                }
                trailing += 1
            } else if row.fields.count < header.count {
                throw SurveyXactError.raggedStructure(file: export.structure, line: row.line,
                                                      expected: header.count, found: row.fields.count)
            }
            if let typeColumn, row.fields[typeColumn].lowercased().hasPrefix("open") {
                openVariables.insert(row.fields[variableColumn])
            }
        }
        if trailing > 0 {
            notes.append("\(export.structure): \(trailing) row(s) end with an extra empty field (a trailing separator); ignored")
        }
        return (openVariables, notes)
    }

    private static func readLabels(_ export: SurveyXactExport) throws -> [String: [String: String]] {
        var labels: [String: [String: String]] = [:]
        let file = try CSVReader(path: export.labels, hasHeader: false)
        while let row = try file.next() {
            guard row.fields.count >= 3 else {
                throw SurveyXactError.malformedLabels(file: export.labels, line: row.line, found: row.fields.count)
            }
            labels[row.fields[0], default: [:]][row.fields[1]] = row.fields[2].trimmingCharacters(in: .whitespaces)
        }
        return labels
    }
}
