/// The choices a scoring run is made with; recorded with every score.
public struct ScoringOptions: Hashable, Sendable {
    /// Chosen alternatives of rule options, by option id. Options not named use their default.
    public var ruleChoices: [String: String]
    /// Compute scores whose item membership is not officially verified (labelled in output).
    public var includeUnverifiedScores: Bool

    /// Creates options.
    public init(ruleChoices: [String: String] = [:], includeUnverifiedScores: Bool = false) {
        self.ruleChoices = ruleChoices
        self.includeUnverifiedScores = includeUnverifiedScores
    }
}

/// Problems with the options of a scoring run.
public enum ScoringOptionError: Error, CustomStringConvertible, Equatable {
    case unknownOption(option: String, instrument: String, known: [String])
    case unknownChoice(option: String, choice: String, known: [String])

    public var description: String {
        switch self {
        case let .unknownOption(option, instrument, known):
            let list = known.isEmpty ? "it has none" : "known: \(known.joined(separator: ", "))"
            return "Instrument \(instrument) has no rule option '\(option)' (\(list))."
        case let .unknownChoice(option, choice, known):
            return "Rule option '\(option)' has no choice '\(choice)'; choose one of \(known.joined(separator: ", "))."
        }
    }
}
