
/// One child's scores at one occasion for one informant's instrument.
public struct ChildObservation: Sendable, Equatable {
    /// The child's (pseudonymous) id.
    public var id: String
    /// Grouping attributes (class, school, sex, age band, …) by name.
    public var attributes: [String: String]
    /// Score values by score id of the analysed instrument (missing scores absent).
    public var values: [String: Double]

    public init(id: String, attributes: [String: String] = [:], values: [String: Double]) {
        self.id = id
        self.attributes = attributes
        self.values = values
    }
}
