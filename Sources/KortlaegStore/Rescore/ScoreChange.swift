/// A stored score whose value or band changed on rescoring.
public struct ScoreChange: Hashable, Sendable {
    /// The child's pseudonym.
    public var pseudonym: String
    /// The occasion code.
    public var occasion: String
    /// The informant.
    public var informant: String
    /// The exact instrument (id@version).
    public var instrument: String
    /// The score's output variable (e.g. `pemotion`).
    public var score: String
    /// The stored value (nil = missing).
    public var old: Double?
    /// The recomputed value (nil = missing).
    public var new: Double?
    /// The stored bands (`table=label`, comma separated), if any.
    public var oldBands: String?
    /// The recomputed bands.
    public var newBands: String?

    /// Creates the value from its parts.
    package init(pseudonym: String, occasion: String, informant: String, instrument: String, score: String, old: Double?, new: Double?, oldBands: String?, newBands: String?) {
        self.pseudonym = pseudonym
        self.occasion = occasion
        self.informant = informant
        self.instrument = instrument
        self.score = score
        self.old = old
        self.new = new
        self.oldBands = oldBands
        self.newBands = newBands
    }
}
