import KortlaegStore
import Foundation
import GRDB
import KortlaegDomain

/// A scorer for one exact instrument and rule set, with the `scoring` row that records it.
struct ScoringContext {
    let scorer: Scorer
    let bands: BandLookup
    /// Per score (in scorer order), the band tables covering it.
    let bandPlan: [[BandTable]]
    let scoringId: Int64

    /// Builds the scorer and finds or inserts its `scoring` row.
    init(instrument: Instrument, options: ScoringOptions, db: Database) throws {
        let scorer: Scorer
        do {
            scorer = try Scorer(instrument: instrument, options: options)
        } catch let error as ScoringOptionError {
            throw StoreError.scoringOptions(reference: instrument.reference.description, reason: error.description)
        }
        self.scorer = scorer
        let bands = BandLookup(instrument: instrument)
        self.bands = bands
        bandPlan = scorer.scores.map { score in bands.tables.filter { $0.scores[score.id] != nil } }
        let choices = "{" + scorer.ruleChoices.sorted { $0.key < $1.key }
            .map { "\(AnswerCoding.quoted($0.key)):\(AnswerCoding.quoted($0.value))" }.joined(separator: ",") + "}"
        let tables = bands.tables.map { "\($0.id) (\($0.normSet))" }.joined(separator: ", ")
        let existing = try Int64.fetchOne(db, sql: """
            SELECT id FROM scoring WHERE instrumentId = ? AND instrumentVersion = ? AND ruleChoices = ?
              AND includeUnverified = ? AND bandTables = ?
            """, arguments: [instrument.id, instrument.version, choices, options.includeUnverifiedScores, tables])
        if let existing {
            scoringId = existing
        } else {
            var record = ScoringRecord(id: nil, instrumentId: instrument.id, instrumentVersion: instrument.version,
                                       ruleChoices: choices, includeUnverified: options.includeUnverifiedScores,
                                       bandTables: tables)
            try record.insert(db)
            scoringId = record.id!
        }
    }

    /// The recorded rule choices of a `scoring` row as options.
    static func options(ruleChoices json: String, includeUnverified: Bool) throws -> ScoringOptions {
        let choices = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        return ScoringOptions(ruleChoices: choices, includeUnverifiedScores: includeUnverified)
    }

    /// Scores `answers`: per score, its id, variable, value and bands text.
    func score(_ response: Response) -> [(id: String, variable: String, value: Double?, bands: String?)] {
        let set = scorer.score(response)
        return scorer.scores.enumerated().map { index, definition in
            let value = set.values[index]
            var bandTexts: [String] = []
            for table in bandPlan[index] {
                if let band = bands.band(table: table, scoreID: definition.id, value: value) {
                    bandTexts.append("\(table.id)=\(band.label)")
                }
            }
            return (definition.id, definition.variable, value, bandTexts.isEmpty ? nil : bandTexts.joined(separator: ","))
        }
    }
}
