import KortlaegDomain

/// A child's Added Value Score from the instrument's definition (e.g. SDQ parent).
///
/// Sources (both cited, the formula kept `verified: false` in the instrument data):
/// - primary: Ford T, Hutchings J, Bywater T, Goodman A, Goodman R (2009), "Strengths and
///   Difficulties Questionnaire Added Value Scores: evaluating effectiveness in child mental health
///   interventions", Br J Psychiatry 194:552–558 (erratum Br J Psychiatry 2009;195:182, not seen);
/// - secondary, confirming the same formula (2.3 + 0.8·T1 total + 0.2·T1 impact − 0.3·T1
///   emotional − T2 total) and the effect size AVS / 5: youthinmind's "Added Value Score" page
///   (sdqinfo.org), as summarised in shared/specs/norms.md.
public struct AddedValue: Sendable, Equatable {
    public var childID: String
    /// `intercept + Σ coefficient × T1 score − T2 outcome`; positive = better than predicted.
    public var value: Double
    /// `value / effectSizeDivisor`.
    public var effectSize: Double

    /// Computes the AVS for a pair, or nil when a needed score is missing.
    public init?(pair: borrowing Pairing.Pair, definition: AddedValueScore) {
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
