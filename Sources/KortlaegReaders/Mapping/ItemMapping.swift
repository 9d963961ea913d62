/// One line of a mapping profile: which source field (column, ODM ItemOID, FHIR linkId) holds
/// which instrument item, and how its answers translate to the item's codes.
public struct ItemMapping: Codable, Hashable, Sendable {
    /// The field's name in the source.
    public var source: String
    /// The instrument item id (e.g. `consid`).
    public var item: String
    /// Source code or label text → instrument code, for answers that neither are the
    /// instrument's codes nor match its labels (matched case-insensitively).
    public var answers: [String: Int]?

    /// Creates an item mapping.
    public init(source: String, item: String, answers: [String: Int]? = nil) {
        self.source = source
        self.item = item
        self.answers = answers
    }
}
