/// Why a raw answer was not accepted.
public struct AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The item's id.
    public var item: String
    /// The column or variable name the value came from.
    public var variable: String
    /// The offending value, or nil when it may be personal data (free text) and must not be echoed.
    public var value: String?
    /// What was expected, in words a PPR employee can act on.
    public var expected: String

    public var description: String {
        if let value {
            return "\(variable): '\(value)' is not a valid answer; expected \(expected)"
        }
        return "\(variable): the value is not a valid answer; expected \(expected)"
    }
}
