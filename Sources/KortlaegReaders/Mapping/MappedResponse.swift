import KortlaegDomain

/// One validated response with the facts a project store needs to file it: whose it is, when,
/// who answered and where it came from.
///
/// Produced by ``ResponseMapper``; `kortlaeg import` writes it as long CSV or scores it, and a
/// project store can insert it as it is.
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

    /// Creates a mapped response.
    public init(childId: String, occasion: String?, informant: Informant, date: String?, response: Response,
                source: String, location: String) {
        self.childId = childId
        self.occasion = occasion
        self.informant = informant
        self.date = date
        self.response = response
        self.source = source
        self.location = location
    }
}
