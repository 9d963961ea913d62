/// A record that re-delivers a response another file already delivered.
public struct ImportConflict: Hashable, Sendable {
    /// The record's row in the new file.
    public var row: Int
    /// The child's pseudonym (never the raw id).
    public var pseudonym: String
    /// The occasion.
    public var occasion: String
    /// The informant.
    public var informant: String
    /// The instrument id.
    public var instrument: String
    /// The file that delivered the stored response.
    public var existingFile: String
    /// Whether the answers are the same and only the reasons of items answered with a missing
    /// code differ (e.g. `NA` = not asked became `9` = don't know): still a change.
    public var onlyMissingReasonsDiffer: Bool

    /// Creates the value from its parts.
    package init(row: Int, pseudonym: String, occasion: String, informant: String, instrument: String, existingFile: String,
                 onlyMissingReasonsDiffer: Bool = false) {
        self.onlyMissingReasonsDiffer = onlyMissingReasonsDiffer
        self.row = row
        self.pseudonym = pseudonym
        self.occasion = occasion
        self.informant = informant
        self.instrument = instrument
        self.existingFile = existingFile
    }
}
