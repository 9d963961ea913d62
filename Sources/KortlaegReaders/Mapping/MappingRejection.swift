/// Why one record (or one of its fields) was not accepted, located in its file.
///
/// ``value`` is `nil` when the value may be personal data: the child-id field and free-text
/// items are never echoed.
public struct MappingRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// Row and line, or XML line and path.
    public var location: String
    /// The source field (column, ItemOID, linkId), or `(row)` for the whole record.
    public var field: String
    /// The offending value, when it may be shown.
    public var value: String?
    /// What was wrong and what was expected.
    public var reason: String
    /// The record's number in the file (see ``SourceRecord/row``), when known.
    public var row: Int?
    /// The physical line, when known.
    public var line: Int?
    /// What was wrong, as data (nil for problems only ``reason`` describes).
    public var problem: MappingProblem?

    /// Creates a rejection.
    public init(file: String, location: String, field: String, value: String?, reason: String,
                row: Int? = nil, line: Int? = nil, problem: MappingProblem? = nil) {
        self.file = file
        self.location = location
        self.field = field
        self.value = value
        self.reason = reason
        self.row = row
        self.line = line
        self.problem = problem
    }

    /// `file: location: field 'value': reason`.
    public var description: String {
        let shown = value.map { " '\($0)'" } ?? ""
        return "\(file): \(location): \(field)\(shown): \(reason)"
    }
}
