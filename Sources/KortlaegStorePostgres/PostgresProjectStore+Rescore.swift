import KortlaegDomain
import KortlaegStore
import PostgresNIO

extension PostgresProjectStore {
    /// As the SQLite store's rescoring (same order, same counts, same audit text), in one write
    /// transaction holding the import lock, so no import runs meanwhile.
    public func rescore(instruments: InstrumentCatalog, operator: String, dryRun: Bool,
                        changed: (ScoreChange) throws -> Void) throws -> RescoreSummary {
        var summary = RescoreSummary()
        summary.dryRun = dryRun
        try inWriteTransaction {
            var contexts: [Int64: (context: ScoringContext, id: Int64)] = [:]
            let backend = PostgresImportBackend(connection: connection)
            var lastID: Int64 = 0
            while true {
                let rows = try connection.query("""
                    SELECT r.id, r.instrument_id, r.instrument_version, r.informant, r.answers, r.scoring_id,
                           c.pseudonym, o.code, s.rule_choices, s.include_unverified
                    FROM response r JOIN child c ON c.id = r.child_id JOIN occasion o ON o.id = r.occasion_id
                    JOIN scoring s ON s.id = r.scoring_id
                    WHERE r.id > $1 ORDER BY r.id LIMIT 2000
                    """, [lastID])
                if rows.isEmpty { break }
                for row in rows {
                    let (responseID, instrumentID, version, informant, answersText, scoringID, pseudonym, code, choices, unverified) =
                        try row.decode((Int64, String, String, String, String, Int64, String, String, String, Bool).self)
                    lastID = responseID
                    let reference = InstrumentReference(id: instrumentID, version: version)
                    let context: ScoringContext, newScoringID: Int64
                    if let cached = contexts[scoringID] {
                        (context, newScoringID) = cached
                    } else {
                        let instrument: Instrument
                        do {
                            instrument = try instruments.instrument(reference)
                        } catch {
                            throw StoreError.unknownInstrument(reference: reference.description, reason: "\(error)")
                        }
                        let options = try ScoringContext.options(ruleChoices: choices, includeUnverified: unverified)
                        context = try ScoringContext(instrument: instrument, options: options)
                        newScoringID = try backend.scoringID(for: context.key) ?? backend.insertScoring(context.key)
                        contexts[scoringID] = (context, newScoringID)
                    }
                    let new = context.score(Response(instrument: reference, answers: try AnswerCoding.decode(answersText)))
                    var old: [String: (variable: String, value: Double?, bands: String?)] = [:]
                    for scoreRow in try connection.query("SELECT score_id, variable, value, bands FROM score WHERE response_id = $1",
                                                         [responseID]) {
                        let (scoreID, variable, value, bands) = try scoreRow.decode((String, String, Double?, String?).self)
                        old[scoreID] = (variable, value, bands)
                    }
                    var differs = old.count != new.count
                    for score in new {
                        let before = old[score.id]
                        if before == nil || before!.value != score.value || before!.bands != score.bands {
                            differs = true
                            summary.changedScores += 1
                            try changed(ScoreChange(pseudonym: pseudonym, occasion: code, informant: informant,
                                                    instrument: reference.description, score: score.variable,
                                                    old: before?.value, new: score.value, oldBands: before?.bands,
                                                    newBands: score.bands))
                        }
                    }
                    summary.responses += 1
                    if differs {
                        summary.changedResponses += 1
                        try connection.query("DELETE FROM score WHERE response_id = $1", [responseID])
                        try connection.query("""
                            INSERT INTO score (response_id, score_id, variable, value, bands)
                            SELECT $1, s.score_id, s.variable, s.value, s.bands
                            FROM json_to_recordset($2::json) AS s(score_id text, variable text, value double precision, bands text)
                            """, [responseID, try PostgresImportBackend.json(new)])
                    }
                    if newScoringID != scoringID {
                        try connection.query("UPDATE response SET scoring_id = $1 WHERE id = $2", [newScoringID, responseID])
                    }
                }
            }
            if dryRun { return false }
            try connection.query("""
                INSERT INTO audit_log (at, operator_name, action, summary) VALUES ($1, $2, $3, $4)
                """, [StoreClock.timestamp(), `operator`, AuditAction.rescore.rawValue,
                      "rescored \(summary.responses) responses: \(summary.changedScores) scores changed in \(summary.changedResponses) responses"])
            return true
        }
        return summary
    }
}
