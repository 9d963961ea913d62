import Foundation
import KortlaegDomain

/// The start of a file that is not a table (ODM/REDCap project XML, a FHIR
/// QuestionnaireResponse) as a front end shows it before an import: the first records as the
/// reader produces them, flattened into a table — the record's parts (subject, occasion, form,
/// date) first, then every field in the order first seen.
public struct RecordPreview: Sendable {
    /// The first records, as read (values not yet mapped).
    public var records: [SourceRecord]
    /// The field names of ``records``, in the order first seen.
    public var fieldNames: [String]
    /// Records the reader refused among the first ones (a FHIR answer of the wrong type).
    public var refused: Int

    /// The column names of ``table`` for the record's parts.
    public static let subjectColumn = "(subject)", occasionColumn = "(occasion)", formColumn = "(form)", dateColumn = "(date)"

    /// The records flattened: a column per part some record has, then one per field; a record
    /// without a field has an empty cell.
    public var table: TablePreview {
        let parts: [(String, (SourceRecord) -> String?)] = [
            (Self.subjectColumn, { $0.subjectKey.isEmpty ? nil : $0.subjectKey }), (Self.occasionColumn, \.occasion),
            (Self.formColumn, \.form), (Self.dateColumn, \.date),
        ]
        let present = parts.filter { part in records.contains { part.1($0) != nil } }
        let header = present.map(\.0) + fieldNames
        let rows = records.map { record in
            present.map { $0.1(record) ?? "" } + fieldNames.map { record[$0] ?? "" }
        }
        return TablePreview(header: header, rows: rows)
    }

    /// Reads the first `limit` records of `path`, a file of `kind`; nil for tables (see ``TablePreview``).
    /// - Throws: the reader's error (``XMLReadError``, ``FHIRReadError``, ``ImportError``).
    public static func read(kind: SourceKind, path: String, limit: Int = 5) throws -> RecordPreview? {
        guard kind == .odm || kind == .fhir else { return nil }
        struct Enough: Error {}
        var preview = RecordPreview(records: [], fieldNames: [], refused: 0)
        var seen: Set<String> = []
        do {
            try ImportJob.forEachRecord(kind: kind, path: path, notes: { _ in }) { result in
                switch result {
                case let .success(record):
                    preview.records.append(record)
                    for field in record.fields where seen.insert(field.name).inserted { preview.fieldNames.append(field.name) }
                case .failure:
                    preview.refused += 1
                }
                if preview.records.count + preview.refused >= limit { throw Enough() }
            }
        } catch let error as ImportJob.CallbackError where error.underlying is Enough {
            // The first records are enough.
        }
        return preview
    }
}
