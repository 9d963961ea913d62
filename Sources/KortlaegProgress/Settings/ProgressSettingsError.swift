/// Why ``ProgressSettings`` cannot be applied to an instrument: a mistake in the request, told in
/// the user's words. Front ends show it as a usage error.
public enum ProgressSettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A constant is not written `SCORE=NUMBER`.
    case malformedAssignment(ProgressSettings.Constant, text: String)
    /// A constant names a score the instrument does not have.
    case unknownScore(ProgressSettings.Constant, instrument: String, name: String, suggestion: String?)
    /// The band table does not exist in the instrument.
    case unknownBandTable(instrument: String, id: String, available: [String])
    /// The norm set does not exist in the instrument.
    case unknownNormSet(instrument: String, id: String, available: [String])
    /// The instrument's scores cannot be read (an invalid instrument file).
    case unscorableInstrument(instrument: String, reason: String)

    public var description: String {
        switch self {
        case let .malformedAssignment(constant, text):
            "\(constant.option) '\(text)' must be SCORE=NUMBER, e.g. \(constant.option) pebdtot=0.80."
        case let .unknownScore(constant, instrument, name, suggestion):
            "\(constant.option): \(instrument) has no score '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        case let .unknownBandTable(instrument, id, available):
            "\(instrument) has no band table '\(id)'; " + Self.list(available, "band tables")
        case let .unknownNormSet(instrument, id, available):
            "\(instrument) has no norm set '\(id)'; " + Self.list(available, "norm sets")
        case let .unscorableInstrument(instrument, reason):
            "\(instrument) cannot be scored: \(reason)"
        }
    }

    /// Whether the request is at fault (as opposed to the instrument file).
    public var isUsageError: Bool {
        if case .unscorableInstrument = self { return false }
        return true
    }

    private static func list(_ ids: [String], _ what: String) -> String {
        ids.isEmpty ? "it has no \(what)." : "it has \(ids.joined(separator: ", "))."
    }
}
