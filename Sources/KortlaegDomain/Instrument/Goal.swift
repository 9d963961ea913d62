/// A goal recorded on a form: a free-text item that names the goal, paired with a coded item that
/// rates progress towards it at each occasion (the mapping tool's two-sided goals: an academic
/// and a well-being goal, rated at every follow-up; seed 003).
///
/// Reports and the child overview read goals from here, never from item-naming conventions.
public struct Goal: Codable, Hashable, Sendable {
    /// The id of the free-text item holding the goal's wording (personal data).
    public var text: String
    /// The id of the coded item rating progress towards the goal (its codes are the rating scale).
    public var rating: String

    /// Creates a goal from its two item ids.
    public init(text: String, rating: String) {
        self.text = text
        self.rating = rating
    }
}
