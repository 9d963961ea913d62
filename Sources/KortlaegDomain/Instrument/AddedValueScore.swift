/// A linear "added value" prediction of a follow-up score from baseline scores:
/// `AVS = intercept + Σ coefficient × T1 score − T2 outcome`. Positive = more improvement than
/// predicted. Effect size = AVS / `effectSizeDivisor`.
///
/// Source (SDQ parent form): Ford et al. 2009, Br J Psychiatry 194:552–558:
/// `2.3 + 0.8·T1 total + 0.2·T1 impact − 0.3·T1 emotional − T2 total` (coefficients to verify).
public struct AddedValueScore: Codable, Hashable, Sendable {
    /// One baseline term.
    public struct Term: Codable, Hashable, Sendable {
        /// The score id at T1.
        public var score: String
        public var coefficient: Double
    }

    public var intercept: Double
    public var terms: [Term]
    /// The score id whose T2 value is subtracted.
    public var outcome: String
    public var effectSizeDivisor: Double
    public var source: String
    public var verified: Bool
    /// Caveats shown with every figure (e.g. "valid for high-risk groups only").
    public var note: String?
}
