/// One indicator of aggregated trivselsmåling results (`social`, `faglig`, …): a score whose
/// group means are published per school, klassetrin and school year.
///
/// Indicators are data, not code: their ids, labels and official order come from the instrument
/// files (a scale with `resultColumns`, see ``TrivselIndicators``). Two indicators are the same
/// indicator when their ids are equal; an indicator known only by its id (as a store reads it
/// back) shows its id until ``TrivselIndicators/resolved(_:)`` gives it the instrument's label.
/// Source: shared/specs/trivsel.md, "Indicators (4.–9. klasse)".
public struct TrivselIndicator: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The indicator's id: the score id in the instrument file and the key in
    /// `Instruments/trivsel/national-reference.json` (`ro_orden`).
    public let rawValue: String
    /// The official name per language, when known.
    public let name: LocalizedText?
    /// The place in the official order, when known.
    public let position: Int?

    /// An indicator known only by its id.
    public init(rawValue: String) {
        self.rawValue = rawValue
        name = nil
        position = nil
    }

    /// An indicator as the instrument data defines it.
    /// - Parameters:
    ///   - id: The score id.
    ///   - name: The official name per language.
    ///   - position: The place in the official order (0 = first).
    public init(id: String, name: LocalizedText, position: Int) {
        rawValue = id
        self.name = name
        self.position = position
    }

    /// The indicator's id.
    public var id: String { rawValue }

    /// The indicator's official name in `language` (Danish, English), or its id when not known.
    public func label(_ language: Language) -> String {
        name?.text(language) ?? rawValue
    }

    public var description: String { rawValue }

    public static func == (lhs: TrivselIndicator, rhs: TrivselIndicator) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Official order; indicators of unknown place after the known ones, by id.
    public static func < (lhs: TrivselIndicator, rhs: TrivselIndicator) -> Bool {
        guard lhs.rawValue != rhs.rawValue else { return false }
        return (lhs.position ?? Int.max, lhs.rawValue) < (rhs.position ?? Int.max, rhs.rawValue)
    }

    /// Decodes the id (a string).
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the id (a string).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
