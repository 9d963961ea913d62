/// One record (row) of a CSV file.
public struct CSVRecord: Sendable, Equatable {
    /// The field values, decoded and unquoted. Ragged rows keep their own field count.
    public var fields: [String]
    /// The 1-based number of the record, not counting the header.
    public var number: Int
    /// The 1-based physical line on which the record starts (quoted newlines span lines).
    public var line: Int

    /// Creates a record.
    public init(fields: [String], number: Int, line: Int) {
        self.fields = fields
        self.number = number
        self.line = line
    }

    /// The field at `index`, or `nil` if this (ragged) record is too short.
    public subscript(safe index: Int) -> String? {
        fields.indices.contains(index) ? fields[index] : nil
    }
}
