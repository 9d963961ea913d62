/// A `--school` or `--trin` that does not pick out results in the file.
public enum TrivselSelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No school name matches.
    case unknownSchool(name: String, suggestion: String?)
    /// Several schools contain the text.
    case ambiguousSchool(name: String, matches: [String])
    /// No row has this klassetrin.
    case unknownGrade(grade: String, known: [String])

    /// A message a PPR employee can act on, for results read from a file.
    public var description: String { description(source: "the file") }

    /// The message, naming where the results come from (`the file`, `the project`).
    public func description(source: String) -> String {
        switch self {
        case let .unknownSchool(name, suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "No school in \(source) matches --school '\(name)'.\(hint)"
        case let .ambiguousSchool(name, matches):
            let shown = matches.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            let more = matches.count > 5 ? " and \(matches.count - 5) more" : ""
            return "--school '\(name)' matches \(matches.count) schools (\(shown)\(more)); please give the full name."
        case let .unknownGrade(grade, known):
            let list = known.isEmpty ? "\(source) gives no klassetrin (no Trin column)" : "\(source) has \(known.joined(separator: ", "))"
            return "No results for --trin '\(grade)'; \(list)."
        }
    }
}
