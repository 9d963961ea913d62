/// Where a constant of the reliable change index (its reliability or its SD) comes from, as a
/// value, so that every output showing an RCI can name it in its own language.
public enum ConstantOrigin: Hashable, Sendable {
    /// Given by the user (`--reliability SCORE=R`, `--sd SCORE=SD`).
    case given
    /// Cronbach's alpha of the score's items at the first occasion: `n` complete responses,
    /// `items` items, Feldt's 95 % interval.
    case sampleAlpha(n: Int, items: Int, lower: Double, upper: Double)
    /// A norm set chosen with `--norm-set`; `verified` false when known only from a secondary source.
    case normSet(id: String, verified: Bool)
    /// The SD of the first occasion's scores in the analysed sample (`--sd-from-baseline`).
    case baseline
}
