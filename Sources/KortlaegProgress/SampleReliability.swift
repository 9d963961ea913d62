import KortlaegDomain
import KortlaegStatistics

/// Cronbach's alpha of each score's items in a sample (the T1 responses), for the reliable change
/// index when no verified per-scale reliability exists (shared/specs/norms.md).
///
/// A scale that sums (or averages) its items gets the alpha of those items, reversed items recoded
/// as scored (`lowest + highest − code`). A derived score that sums such scales gets the alpha of
/// all their items (total difficulties: its 20 items). Scores with conditions, recoding or counts
/// (the SDQ impact score) and derived means get no alpha, with the reason. Complete cases only.
/// Source: Jacobson & Truax (1991) allow the reliability of the sample; Cronbach (1951); Feldt et al. (1987).
public struct SampleReliability: Sendable {
    /// The estimate for one score, or why there is none.
    public enum Estimate: Sendable, Equatable {
        /// Alpha over `alpha.count` complete cases, with Feldt's 95 % interval.
        case alpha(CronbachAlpha, lower: Double, upper: Double)
        /// No item-level alpha, and why (English).
        case unavailable(String)

        /// The alpha, when there is one.
        public var value: Double? {
            if case let .alpha(alpha, _, _) = self { return alpha.alpha }
            return nil
        }
    }

    /// Score id → estimate, for every scale and derived score of the instrument.
    public let estimates: [String: Estimate]
    /// The number of responses read (complete or not).
    public let responses: Int

    /// Computes the alphas.
    /// - Parameters:
    ///   - answers: one answer set per response (item id → answer).
    public init(instrument: Instrument, answers: [[String: AnswerValue]]) {
        responses = answers.count
        let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = Dictionary(instrument.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Score id → its items with whether each is reversed, or why it has none.
        var members: [String: Result<[(item: String, reversed: Bool)], Reason>] = [:]
        for scale in instrument.scales {
            if scale.conditions?.isEmpty == false || scale.recode?.isEmpty == false || scale.method == .count {
                members[scale.id] = .failure(Reason("\(scale.variable) is not a plain sum of its items (conditions, recoding or a count); no item-level alpha"))
            } else {
                let reversed = Set(scale.reversed ?? [])
                members[scale.id] = .success(scale.items.map { ($0, reversed.contains($0)) })
            }
        }
        for derived in instrument.derivedScores ?? [] {
            guard derived.method == .sum else {
                members[derived.id] = .failure(Reason("\(derived.variable) is a mean of scores; no item-level alpha"))
                continue
            }
            var union: [(item: String, reversed: Bool)] = []
            var failure: Reason?
            for part in derived.of {
                switch members[part] {
                case let .success(partItems)?: union += partItems
                case let .failure(reason)?: failure = Reason("\(derived.variable) includes \(part): \(reason.text)")
                case nil: failure = Reason("\(derived.variable) includes the unknown score \(part)")
                }
            }
            members[derived.id] = failure.map { .failure($0) } ?? .success(union)
        }
        var estimates: [String: Estimate] = [:]
        for (score, member) in members {
            switch member {
            case let .failure(reason): estimates[score] = .unavailable(reason.text)
            case let .success(list):
                var cases: [[Double]] = []
                for answer in answers {
                    var row: [Double] = []
                    row.reserveCapacity(list.count)
                    for (itemID, reversed) in list {
                        guard let item = items[itemID], let scale = scales[item.answerScale],
                              let codes = scale.codes?.map(\.code), case let .code(code)? = answer[itemID],
                              codes.contains(code), let lowest = codes.min(), let highest = codes.max() else { break }
                        row.append(Double(reversed ? lowest + highest - code : code))
                    }
                    if row.count == list.count { cases.append(row) }
                }
                do {
                    let alpha = try CronbachAlpha(cases: cases)
                    let interval = try alpha.confidenceInterval(level: 0.95)
                    estimates[score] = .alpha(alpha, lower: interval.lower, upper: interval.upper)
                } catch {
                    estimates[score] = .unavailable("Cronbach's alpha cannot be computed from the T1 sample: \(error.description)")
                }
            }
        }
        self.estimates = estimates
    }

    /// The number of responses complete on every item-level score (the largest n of the estimates).
    public var completeResponses: Int {
        estimates.values.compactMap { if case let .alpha(alpha, _, _) = $0 { alpha.count } else { nil } }.max() ?? 0
    }

    private struct Reason: Error { let text: String; init(_ text: String) { self.text = text } }
}
