import Foundation
import KortlaegDomain

/// A scorer for one exact instrument and rule set, and the ``ScoringKey`` under which a store
/// records what its scores were computed with.
///
/// Backend-neutral: a store finds or inserts the row for ``key`` (``ImportBackend/scoringID(for:)``)
/// and keeps its id with every response scored by this context. A class (immutable): a context
/// is read for every response of an import, and a copy of a struct this size retains each table.
package final class ScoringContext: Sendable {
    package let scorer: Scorer
    package let bands: BandLookup
    /// Per score (in scorer order), per band table covering it (instrument order): the score's
    /// bands and, per band, its stored text `table=label`, built once instead of per response.
    private let bandPlan: [[BandPlan]]
    /// Per score, the bands text of every combination of its tables' bands, indexed in mixed
    /// radix (per table: 0 = no band, else 1 + the band's index); nil when there are too many
    /// combinations to list, and the text is then joined per response.
    private let bandTexts: [[String?]?]
    /// What the scores are computed with: instrument, rule choices, opt-ins, band tables.
    package let key: ScoringKey
    /// The positions of the scores in their stored order (``ScoreCoding/storedOrder(of:)``).
    private let storedOrder: [Int]
    /// The scores' ids and variables, in scorer order (read per response instead of each definition).
    private let ids: [String]
    private let variables: [String]
    /// The layout of this context's scores for the short stored form (``ScoreLayout``); nil when
    /// a score has too many band combinations to list.
    package let scoreLayout: ScoreLayout?

    /// Builds the scorer.
    /// - Throws: ``StoreError/scoringOptions(reference:reason:)`` when the options do not fit the instrument.
    package init(instrument: Instrument, options: ScoringOptions) throws {
        let scorer: Scorer
        do {
            scorer = try Scorer(instrument: instrument, options: options)
        } catch let error as ScoringOptionError {
            throw StoreError.scoringOptions(reference: instrument.reference.description, reason: error.description)
        }
        self.scorer = scorer
        let ids = scorer.scores.map(\.id)
        self.ids = ids
        variables = scorer.scores.map(\.variable)
        storedOrder = ScoreCoding.storedOrder(of: ids)
        let bands = BandLookup(instrument: instrument)
        self.bands = bands
        let bandPlan = scorer.scores.map { score in
            bands.tables.compactMap { table in
                table.scores[score.id].map { BandPlan(bands: $0.bands, texts: $0.bands.map { "\(table.id)=\($0.label)" }) }
            }
        }
        self.bandPlan = bandPlan
        let bandTexts = bandPlan.map(Self.combinations)
        self.bandTexts = bandTexts
        var layoutScores: [ScoreLayout.Score] = []
        for index in ids.indices {
            guard let texts = bandTexts[index] else { break }
            layoutScores.append(ScoreLayout.Score(id: ids[index], variable: variables[index], bands: texts))
        }
        scoreLayout = layoutScores.count == ids.count ? ScoreLayout(scores: layoutScores) : nil
        let choices = "{" + scorer.ruleChoices.sorted { $0.key < $1.key }
            .map { "\(AnswerCoding.quoted($0.key)):\(AnswerCoding.quoted($0.value))" }.joined(separator: ",") + "}"
        let tables = bands.tables.map { "\($0.id) (\($0.normSet))" }.joined(separator: ", ")
        key = ScoringKey(instrument: instrument.reference, ruleChoices: choices,
                         includeUnverified: options.includeUnverifiedScores, bandTables: tables)
    }

    /// The recorded rule choices of a scoring key (``ScoringKey/ruleChoices``) as options.
    package static func options(ruleChoices json: String, includeUnverified: Bool) throws -> ScoringOptions {
        let choices = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        return ScoringOptions(ruleChoices: choices, includeUnverifiedScores: includeUnverified)
    }

    /// Scores a response: per score (in scorer order), its id, variable, value and bands text
    /// (`table=label` of each covering table that places the value in a band, comma separated).
    package func score(_ response: Response) -> [ComputedScore] {
        let set = scorer.score(response)
        var computed: [ComputedScore] = []
        computed.reserveCapacity(ids.count)
        for index in ids.indices {
            let value = set.values[index]
            var text: String?
            if let value {
                if let listed = bandTexts[index] {
                    text = listed[combination(of: value, score: index)]
                } else {
                    for plan in bandPlan[index] {
                        guard let band = plan.bands.firstIndex(where: { $0.contains(value) }) else { continue }
                        if text == nil { text = plan.texts[band] } else { text! += "," + plan.texts[band] }
                    }
                }
            }
            computed.append(ComputedScore(id: ids[index], variable: variables[index], value: value, bands: text))
        }
        return computed
    }

    /// The index of the bands text of `value` for score `index` in ``bandTexts``.
    private func combination(of value: Double, score index: Int) -> Int {
        var combination = 0, stride = 1
        for plan in bandPlan[index] {
            if let band = plan.bands.firstIndex(where: { $0.contains(value) }) { combination += (band + 1) * stride }
            stride *= plan.bands.count + 1
        }
        return combination
    }

    /// ``ScoreLayout``'s short form of scores this context computed (``score(_:)``), or nil
    /// when it has no layout or the scores are not its own.
    package func encodeShort(_ scores: [ComputedScore]) -> String? {
        guard let scoreLayout, scores.count == ids.count else { return nil }
        var ordered: [ComputedScore] = []
        var indexes: [Int?] = []
        ordered.reserveCapacity(scores.count)
        indexes.reserveCapacity(scores.count)
        for position in storedOrder {
            let score = scores[position]
            ordered.append(score)
            indexes.append(score.value.map { combination(of: $0, score: position) } ?? 0)
        }
        return scoreLayout.encode(ordered, bandIndexes: indexes)
    }

    /// ``ScoreCoding/encode(_:)`` of scores this context computed (``score(_:)``), without
    /// working out their order again.
    package func encode(_ scores: [ComputedScore]) -> String {
        scores.count == storedOrder.count ? ScoreCoding.encode(scores, order: storedOrder) : ScoreCoding.encode(scores)
    }

    /// The bands texts of every combination of `plans`' bands (see ``bandTexts``), or nil
    /// beyond 4,096 combinations.
    private static func combinations(of plans: [BandPlan]) -> [String?]? {
        var texts: [String?] = [nil]
        var stride = 1
        for plan in plans {
            guard stride * (plan.bands.count + 1) <= 4_096 else { return nil }
            // Digit 0 (no band in this table) keeps the texts so far; digit d appends band d − 1.
            var next = texts
            for band in plan.texts {
                next += texts.map { before in before.map { $0 + "," + band } ?? band }
            }
            texts = next
            stride *= plan.bands.count + 1
        }
        return texts
    }

    /// One band table's bands of one score, with their stored texts.
    private struct BandPlan: Sendable {
        var bands: [BandTable.Band]
        var texts: [String]
    }
}

/// What a response's scores were computed with; a store keeps one row per distinct key.
package struct ScoringKey: Hashable, Sendable {
    /// The exact instrument.
    package var instrument: InstrumentReference
    /// JSON object option → choice, keys sorted.
    package var ruleChoices: String
    /// Whether scores marked unverified were included.
    package var includeUnverified: Bool
    /// `tableId (normSet)` of each band table, comma separated.
    package var bandTables: String

    package init(instrument: InstrumentReference, ruleChoices: String, includeUnverified: Bool, bandTables: String) {
        self.instrument = instrument
        self.ruleChoices = ruleChoices
        self.includeUnverified = includeUnverified
        self.bandTables = bandTables
    }
}

/// One computed score of a response, as stored.
package struct ComputedScore: Hashable, Sendable {
    /// Score id (`emotion`).
    package var id: String
    /// Output variable (`pemotion`).
    package var variable: String
    /// The value; nil when not computable.
    package var value: Double?
    /// `table=label` per band table covering the score, comma separated; nil when none.
    package var bands: String?

    package init(id: String, variable: String, value: Double?, bands: String?) {
        self.id = id
        self.variable = variable
        self.value = value
        self.bands = bands
    }
}
