import KortlaegDomain

/// What goes into an export.
public struct ExportOptions: Sendable {
    /// Row layout.
    public var shape: ExportShape
    /// Language of labels (Danish by default).
    public var language: Language
    /// Whether item answers are included (with the answer scale's value labels).
    public var includeItems: Bool
    /// Whether items marked as personal data (free text) are included; only with `includeItems`.
    public var includePersonalData: Bool
    /// Filters applied when selecting the rows, in words (written into notes and manifest).
    public var filters: [String]
    /// Further notes for the file (e.g. where the data came from), written after the instruments'.
    public var notes: [String]

    /// Creates options.
    public init(shape: ExportShape = .wide, language: Language = .danish, includeItems: Bool = false,
                includePersonalData: Bool = false, filters: [String] = [], notes: [String] = []) {
        self.shape = shape
        self.language = language
        self.includeItems = includeItems
        self.includePersonalData = includePersonalData
        self.filters = filters
        self.notes = notes
    }
}
