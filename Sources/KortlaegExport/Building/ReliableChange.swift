import Foundation
import KortlaegDomain

/// The reliable change index (Jacobson & Truax 1991): RCI = (x₂ − x₁) / S_diff with
/// S_diff = √2 · SD · √(1 − r), from the instrument's norm set.
///
/// The export computes it only when the norm set gives both SD and reliability for the score;
/// otherwise the RCI is declared missing ("norm values missing"). The lead's progress module may
/// supply its own function through ``DatasetBuilder``.
/// Source: Jacobson, N. S. & Truax, P. (1991), J Consult Clin Psychol 59(1), 12–19.
public struct ReliableChange: Sendable {
    private let parameters: [String: (sd: Double, reliability: Double)]

    /// Reads SD and reliability per score from the first norm set of `instrument`.
    public init(instrument: Instrument) {
        var parameters: [String: (sd: Double, reliability: Double)] = [:]
        for (score, norms) in instrument.normSets?.first?.scores ?? [:] {
            if let sd = norms.sd, let reliability = norms.reliability, sd > 0, reliability < 1 {
                parameters[score] = (sd, reliability)
            }
        }
        self.parameters = parameters
    }

    /// Whether the RCI can be computed for `scoreID`.
    public func isAvailable(for scoreID: String) -> Bool { parameters[scoreID] != nil }

    /// The RCI of a change from `first` to `last`, or nil when norm values are missing.
    public func index(scoreID: String, first: Double, last: Double) -> Double? {
        guard let (sd, reliability) = parameters[scoreID] else { return nil }
        return (last - first) / (2.0.squareRoot() * sd * (1 - reliability).squareRoot())
    }
}
