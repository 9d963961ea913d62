import KortlaegDomain

/// Which form is missing for whom, per occasion and informant: the children with some response in
/// the project but none from that informant at that occasion (the web overview's grid, and
/// `kortlaeg status`). Children are named by pseudonym only.
public struct MissingFormsList: Sendable, Equatable {
    /// One occasion and informant.
    public struct Entry: Sendable, Equatable {
        /// The occasion code (`T1`).
        public var occasion: String
        /// Who should have answered.
        public var informant: Informant
        /// The pseudonyms of the children without that form, sorted.
        public var children: [String]

        /// An entry.
        public init(occasion: String, informant: Informant, children: [String]) {
            self.occasion = occasion
            self.informant = informant
            self.children = children
        }
    }

    /// One entry per occasion (course order) and informant.
    public var entries: [Entry]

    /// A list.
    public init(entries: [Entry]) {
        self.entries = entries
    }
}
