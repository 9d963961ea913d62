/// What the per-child files of `progress` (two occasions: `--per-child`; the course: `--long`)
/// say about a row that has no value, no change or no reliable change: one vocabulary for both
/// files, a stable code for scripts (the `note` column) and a text in the report's language
/// (`note_text`).
public enum ChildNote: Hashable, Sendable {
    /// The child was seen only at the earlier occasion (`occasion`).
    case onlyEarlier(occasion: String)
    /// The child was seen only at the later occasion (`occasion`).
    case onlyLater(occasion: String)
    /// The child's id occurs more than once at these occasions (one occasion and informant): not paired.
    case duplicate(occasions: [String])
    /// The child was paired (or seen) but the score is missing at one of `occasions` (empty: at the row's occasion).
    case scoreMissing(occasions: [String])
    /// At a follow-up: the child has no score at the first occasion, so no change.
    case noBaselineScore(baseline: String)
    /// The change is known but the reliable change index is not.
    case noRCI(RCIGap)
    /// The row holds the child's Added Value Score, with its effect size (AVS / divisor).
    case addedValueScore(effectSize: Double?)

    /// The stable code (`only_earlier`, `duplicate`, `rci:no_reliability`, …).
    public var code: String {
        switch self {
        case .onlyEarlier: "only_earlier"
        case .onlyLater: "only_later"
        case .duplicate: "duplicate"
        case .scoreMissing: "score_missing"
        case .noBaselineScore: "no_baseline_score"
        case let .noRCI(gap): "rci:" + gap.code
        case .addedValueScore: "added_value_score"
        }
    }
}
