/// One cell of an exported dataset.
public enum ExportValue: Hashable, Sendable {
    /// A number (scores, codes, levels).
    case number(Double)
    /// Text (pseudonymous ids, instrument references, free text when asked for).
    case text(String)
    /// System missing: no value and no reason (`.` in SPSS and Stata, empty in CSV).
    case missing
    /// A declared missing value: the code of one of the variable's ``ExportVariable/missingCodes``.
    case declaredMissing(Int)

    /// The number, if this is one.
    public var number: Double? {
        if case let .number(value) = self { return value }
        return nil
    }

    /// The text, if this is text.
    public var text: String? {
        if case let .text(value) = self { return value }
        return nil
    }

    /// An optional number as a value: nil becomes system missing.
    public static func from(_ value: Double?) -> ExportValue {
        value.map(ExportValue.number) ?? .missing
    }

    /// `text` as a value when given and not empty, else this value.
    func withText(_ text: String?) -> ExportValue {
        guard let text, !text.isEmpty else { return self }
        return .text(text)
    }
}
