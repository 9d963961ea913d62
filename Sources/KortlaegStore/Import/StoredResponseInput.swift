import KortlaegDomain

/// One accepted record of an import: a child's response at an occasion.
public struct StoredResponseInput: Sendable {
    /// The child's id exactly as given in the file. Never stored: it is replaced by its pseudonym.
    public var childKey: String
    /// The occasion.
    public var occasion: Occasion
    /// Who answered.
    public var informant: Informant
    /// The date the answers were given (ISO 8601 `YYYY-MM-DD`), when known.
    public var date: String?
    /// Class, school, birth year/month, sex, when the file gives them.
    public var attributes: ChildAttributes
    /// The answers, pinned to the exact instrument version.
    public var response: Response
    /// The record's row in the file (1 = first data row), for conflict reports.
    public var row: Int
    /// The physical line in the file.
    public var line: Int
    /// Items the file answered with a source missing code, with the code's meaning (`notAsked`,
    /// `refused`, `dontKnow`, `missing`): stored beside the answers, never as one.
    public var missingReasons: [String: String] = [:]

    /// Creates a record.
    public init(childKey: String, occasion: Occasion, informant: Informant, date: String? = nil,
                attributes: ChildAttributes = ChildAttributes(), response: Response, row: Int, line: Int? = nil) {
        self.childKey = childKey
        self.occasion = occasion
        self.informant = informant
        self.date = date
        self.attributes = attributes
        self.response = response
        self.row = row
        self.line = line ?? row
    }
}
