import Foundation
import KortlaegDomain

/// A scorer for one exact instrument and rule set, and the ``ScoringKey`` under which a store
/// records what its scores were computed with.
///
/// Backend-neutral: a store finds or inserts the row for ``key`` (``ImportBackend/scoringID(for:)``)
/// and keeps its id with every response scored by this context.
package struct ScoringContext: Sendable {
    package let scorer: Scorer
    package let bands: BandLookup
    /// Per score (in scorer order), per band table covering it (instrument order): the score's
    /// bands and, per band, its stored text `table=label`, built once instead of per response.
    private let bandPlan: [[BandPlan]]
    /// What the scores are computed with: instrument, rule choices, opt-ins, band tables.
    package let key: ScoringKey
    /// The positions of the scores in their stored order (``ScoreCoding/storedOrder(of:)``).
    private let storedOrder: [Int]

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
        storedOrder = ScoreCoding.storedOrder(of: scorer.scores.map(\.id))
        let bands = BandLookup(instrument: instrument)
        self.bands = bands
        bandPlan = scorer.scores.map { score in
            bands.tables.compactMap { table in
                table.scores[score.id].map { BandPlan(bands: $0.bands, texts: $0.bands.map { "\(table.id)=\($0.label)" }) }
            }
        }
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
        computed.reserveCapacity(scorer.scores.count)
        for (index, definition) in scorer.scores.enumerated() {
            let value = set.values[index]
            var bandTexts: String?
            if let value {
                for plan in bandPlan[index] {
                    guard let band = plan.bands.firstIndex(where: { $0.contains(value) }) else { continue }
                    if bandTexts == nil { bandTexts = plan.texts[band] } else { bandTexts! += "," + plan.texts[band] }
                }
            }
            computed.append(ComputedScore(id: definition.id, variable: definition.variable, value: value, bands: bandTexts))
        }
        return computed
    }

    /// ``ScoreCoding/encode(_:)`` of scores this context computed (``score(_:)``), without
    /// working out their order again.
    package func encode(_ scores: [ComputedScore]) -> String {
        scores.count == storedOrder.count ? ScoreCoding.encode(scores, order: storedOrder) : ScoreCoding.encode(scores)
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
