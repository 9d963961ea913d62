/// The five indicators of the national trivselsmåling (4.–9. klasse).
///
/// The raw values are the score ids of the `trivsel-4-9` instrument and of
/// `Instruments/trivsel/national-reference.json`.
/// Source: shared/specs/trivsel.md, "Indicators (4.–9. klasse)".
public enum TrivselIndicator: String, CaseIterable, Codable, Hashable, Sendable {
    case social
    case faglig
    case stoette
    case roOrden = "ro_orden"
    case generel

    /// The indicator's official name in Danish, or its English name.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.social, .danish): "Social trivsel"
        case (.social, .english): "Social well-being"
        case (.faglig, .danish): "Faglig trivsel"
        case (.faglig, .english): "Academic well-being"
        case (.stoette, .danish): "Støtte og inspiration"
        case (.stoette, .english): "Support and inspiration"
        case (.roOrden, .danish): "Ro og orden"
        case (.roOrden, .english): "Calm and order"
        case (.generel, .danish): "Generel trivsel"
        case (.generel, .english): "General well-being"
        }
    }
}
