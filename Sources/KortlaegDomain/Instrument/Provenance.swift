/// Where an instrument definition comes from and under what terms.
public struct Provenance: Codable, Hashable, Sendable {
    /// The publisher or author of the instrument.
    public var publisher: String
    /// Sources of the items and scoring rules.
    public var sources: [String]
    /// Licence terms that shape what is shipped (e.g. no SDQ item wording).
    public var licence: String
    /// Who entered this file and when (free text).
    public var entered: String?
    /// Known gaps and values still to verify.
    public var notes: [String]?
}
