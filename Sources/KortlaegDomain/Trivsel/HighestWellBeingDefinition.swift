/// Which pupils count as having "the highest well-being" (andel med højest trivsel).
///
/// The definition changed over time and is not officially documented for the later key figure,
/// so every share carries its definition and every output names it.
/// Source: shared/specs/trivsel.md: the 2017 report used score > 4; the later key figure fits
/// score > 3 (unconfirmed).
public enum HighestWellBeingDefinition: String, CaseIterable, Codable, Hashable, Sendable {
    /// Indicator score above 3 (the later key figure, unconfirmed).
    case above3 = "gt3"
    /// Indicator score above 4 (the 2017 report).
    case above4 = "gt4"

    /// The threshold the pupil's score must exceed.
    public var threshold: Double { self == .above3 ? 3 : 4 }

    /// The named definition, e.g. "andel med score > 4 (UVM-rapport 2017)".
    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.above3, .danish): "andel med score > 3 (senere nøgletal, definition ikke bekræftet)"
        case (.above3, .english): "share with score > 3 (later key figure, definition unconfirmed)"
        case (.above4, .danish): "andel med score > 4 (UVM-rapport 2017)"
        case (.above4, .english): "share with score > 4 (2017 ministry report)"
        }
    }
}
