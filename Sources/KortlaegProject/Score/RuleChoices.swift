/// The scoring rule variants a user chose with `--rule OPTION=CHOICE`, parsed in one place for
/// every command that takes them (`score`, `import --project`, and any other front end).
///
/// Only the form is checked here; whether the instrument has the option and the choice is
/// checked when scoring starts (``ScoringOptionError``), because it depends on the instrument.
public struct RuleChoices: Hashable, Sendable {
    /// The chosen alternative of each rule option, by option id. Options not named keep their
    /// default. When an option is named twice, the last choice stands.
    public private(set) var choices: [String: String]

    /// No choices: every rule option keeps its default.
    public init() {
        choices = [:]
    }

    /// Parses `OPTION=CHOICE` texts, e.g. `impact-when-ebddiff-missing=missing`.
    /// - Parameter arguments: the texts, as given (one per `--rule`).
    /// - Throws: ``KortlaegError`` with ``Severity/usage`` naming the first text that is not of the
    ///   form `OPTION=CHOICE` (no `=`, or nothing before or after it).
    public init(parsing arguments: [String]) throws(KortlaegError) {
        var choices: [String: String] = [:]
        for text in arguments {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex,
                  text.index(after: equals) != text.endIndex else {
                throw KortlaegError(.usage, "--rule '\(text)' must be OPTION=CHOICE, e.g. impact-when-ebddiff-missing=missing.")
            }
            choices[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        self.choices = choices
    }

    /// The scoring options of these choices.
    /// - Parameter includeUnverified: whether scores whose item membership is not officially
    ///   verified are computed too (`--include-unverified`).
    public func scoringOptions(includeUnverified: Bool = false) -> ScoringOptions {
        ScoringOptions(ruleChoices: choices, includeUnverifiedScores: includeUnverified)
    }
}
