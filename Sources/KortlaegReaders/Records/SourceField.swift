/// One named value of a ``SourceRecord``, as written in the file (codes are not yet mapped).
public struct SourceField: Sendable, Equatable {
    /// The field's name in the source: an ODM ItemOID, a FHIR linkId, a CSV column.
    public var name: String
    /// The value as text, exactly as in the file.
    public var value: String

    /// Creates a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
