/// Where a child report shows an instrument's responses, and how.
///
/// Instruments naming the same heading share one section (every version and informant form of a
/// questionnaire draws into one profile section; several well-being forms answer into one). The
/// heading is data, so a new questionnaire gets its own section without a code change.
public struct ReportSection: Codable, Hashable, Sendable {
    /// How the section shows the responses.
    public enum Content: String, Codable, Hashable, Sendable {
        /// Each verified score against the band ranges of one band table, one profile per informant.
        case profile
        /// Each coded question with the answer's label at each occasion.
        case answers
    }

    /// The section's heading per language.
    public var heading: LocalizedText
    /// How the responses are shown.
    public var shows: Content

    /// Creates a section.
    public init(heading: LocalizedText, shows: Content) {
        self.heading = heading
        self.shows = shows
    }
}
