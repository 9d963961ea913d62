/// One validated answer.
public enum AnswerValue: Hashable, Sendable {
    /// A code of a coded answer scale.
    case code(Int)
    /// A number (for `number` items).
    case number(Double)
    /// Free text or a date as text (for `text` and `date` items). Personal data.
    case text(String)

    /// The code, when this is a coded answer.
    public var code: Int? {
        if case let .code(value) = self { return value }
        return nil
    }
}
