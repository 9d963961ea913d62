/// A problem with a FHIR file. Messages never quote answers or identifiers.
public enum FHIRReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not valid JSON.
    case invalidJSON(file: String, problem: JSONSyntaxProblem)
    /// The resource is not a QuestionnaireResponse; `found` is its resourceType (a FHIR type name).
    case notQuestionnaireResponse(file: String, found: String)

    /// A message in `file: message` form.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file: \(reason)."
        case let .invalidJSON(file, problem):
            let at = problem.line.map { ":\($0):\(problem.column ?? 1)" } ?? ""
            return "\(file)\(at): the file is not valid JSON (\(problem.reason)); expected a FHIR QuestionnaireResponse in JSON or XML."
        case let .notQuestionnaireResponse(file, found):
            return "\(file): the resource is a \(found); expected a QuestionnaireResponse."
        }
    }
}
