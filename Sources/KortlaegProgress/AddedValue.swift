import KortlaegDomain

/// A child's Added Value Score from the instrument's definition (e.g. SDQ parent, Ford et al. 2009).
public struct AddedValue: Sendable, Equatable {
    public var childID: String
    /// `intercept + Σ coefficient × T1 score − T2 outcome`; positive = better than predicted.
    public var value: Double
    /// `value / effectSizeDivisor`.
    public var effectSize: Double

    /// Computes the AVS for a pair, or nil when a needed score is missing.
    public init?(pair: Pairing.Pair, definition: AddedValueScore) {
        var predicted = definition.intercept
        for term in definition.terms {
            guard let value = pair.before.values[term.score] else { return nil }
            predicted += term.coefficient * value
        }
        guard let outcome = pair.after.values[definition.outcome] else { return nil }
        childID = pair.id
        value = predicted - outcome
        effectSize = value / definition.effectSizeDivisor
    }
}
