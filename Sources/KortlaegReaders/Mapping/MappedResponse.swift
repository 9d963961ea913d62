import KortlaegDomain

/// One validated response with the facts a project store needs to file it: whose it is, when,
/// who answered and where it came from.
///
/// Produced by ``ResponseMapper``; `kortlaeg import` writes it as long CSV or scores it, or with
/// `--project` stores it in a project.
public struct MappedResponse: Hashable, Sendable {
    /// The pseudonymous child id; personal data: never put it in messages.
    public var childId: String
    /// The occasion (`T1`, `T2`, …), if the source or profile names one.
    public var occasion: String?
    /// Who answered.
    public var informant: Informant
    /// The date the form was filled in as `YYYY-MM-DD`, if known.
    public var date: String?
    /// The answers, for one exact instrument version.
    public var response: Response
    /// The file the record came from.
    public var source: String
    /// Where in the file (row, line or XML path).
    public var location: String
    /// The record's number in the file (see ``SourceRecord/row``), when known.
    public var row: Int?
    /// The physical line, when known.
    public var line: Int?
    /// Class, school, sex, birth year/month, when the profile maps them and the mapper reads them
    /// (``ResponseMapper/readsChildAttributes``); personal data: never put them in messages.
    public var attributes: ChildAttributes
    /// Items the file answered with a missing code (``MissingCode``), by item id, with the code's
    /// meaning; they are not in ``response``'s answers.
    public var missing: [String: MissingCode.Meaning] = [:]
    /// The child's age in whole years as the file gives it (`alder`), when read; not stored.
    public var age: Int?

    /// Creates a mapped response.
    public init(childId: String, occasion: String?, informant: Informant, date: String?, response: Response,
                source: String, location: String, row: Int? = nil, line: Int? = nil,
                attributes: ChildAttributes = ChildAttributes()) {
        self.childId = childId
        self.occasion = occasion
        self.informant = informant
        self.date = date
        self.response = response
        self.source = source
        self.location = location
        self.row = row
        self.line = line
        self.attributes = attributes
    }
}
