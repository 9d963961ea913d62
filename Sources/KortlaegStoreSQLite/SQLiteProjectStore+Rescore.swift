import KortlaegStore
import GRDB
import KortlaegDomain

extension SQLiteProjectStore {
    public func rescore(instruments: InstrumentCatalog, operator: String, dryRun: Bool,
                        changed: (ScoreChange) throws -> Void) throws -> RescoreSummary {
        var summary = RescoreSummary()
        summary.dryRun = dryRun
        if !dryRun { try ensureIntact() }
        try wrap {
            try dbQueue.inTransaction(.immediate) { db in
                // Old scoring id → the context that rescoring its responses uses (same rule choices,
                // current instrument file and band tables).
                var contexts: [Int64: (context: ScoringContext, id: Int64)] = [:]
                let backend = SQLiteImportBackend(db: db)
                var lastId: Int64 = 0
                let page = try db.makeStatement(sql: """
                    SELECT r.id, r.instrumentId, r.instrumentVersion, r.informant, r.answers, r.scoringId,
                           c.pseudonym, o.code, s.ruleChoices, s.includeUnverified, r.scores
                    FROM response r JOIN child c ON c.id = r.childId JOIN occasion o ON o.id = r.occasionId
                    JOIN scoring s ON s.id = r.scoringId
                    WHERE r.id > ? ORDER BY r.id LIMIT 2000
                    """)
                let updateScores = try db.makeStatement(sql: "UPDATE response SET scores = ? WHERE id = ?")
                var decoder = ScoreDecoder()
                let updateScoring = try db.makeStatement(sql: "UPDATE response SET scoringId = ? WHERE id = ?")
                let updateAnswers = try db.makeStatement(sql: "UPDATE response SET answers = ? WHERE id = ?")
                let layouts = try ShortFormLayouts(db)
                // New scoring id → whether it keeps the layout of the short answers moved to it.
                var adopted: [Int64: Bool] = [:]
                while true {
                    let rows = try Row.fetchAll(page, arguments: [lastId])
                    if rows.isEmpty { break }
                    for row in rows {
                        let responseId: Int64 = row["id"]
                        lastId = responseId
                        let scoringId: Int64 = row["scoringId"]
                        let reference = InstrumentReference(id: row["instrumentId"], version: row["instrumentVersion"])
                        let context: ScoringContext, newScoringId: Int64
                        if let cached = contexts[scoringId] {
                            (context, newScoringId) = cached
                        } else {
                            let instrument: Instrument
                            do {
                                instrument = try instruments.instrument(reference)
                            } catch {
                                throw StoreError.unknownInstrument(reference: reference.description, reason: "\(error)")
                            }
                            let options = try ScoringContext.options(ruleChoices: row["ruleChoices"],
                                                                     includeUnverified: row["includeUnverified"])
                            context = try ScoringContext(instrument: instrument, options: options)
                            newScoringId = try backend.scoringID(for: context.key) ?? backend.insertScoring(context.key)
                            contexts[scoringId] = (context, newScoringId)
                        }
                        let answersText: String = row["answers"]
                        let layout = layouts.answers(scoringId)
                        let answers = try AnswerCoding.decode(answersText, layout: layout)
                        let new = context.score(Response(instrument: reference, answers: answers))
                        var old: [String: (variable: String, value: Double?, bands: String?)] = [:]
                        let scoresText: String = row["scores"]
                        for score in try decoder.decode(scoresText, layout: layouts.scores(scoringId)) {
                            old[score.id] = (score.variable, score.value, score.bands)
                        }
                        var differs = old.count != new.count
                        for score in new {
                            let before = old[score.id]
                            if before == nil || before!.value != score.value || before!.bands != score.bands {
                                differs = true
                                summary.changedScores += 1
                                try changed(ScoreChange(pseudonym: row["pseudonym"], occasion: row["code"],
                                                        informant: row["informant"], instrument: reference.description,
                                                        score: score.variable, old: before?.value, new: score.value,
                                                        oldBands: before?.bands, newBands: score.bands))
                            }
                        }
                        summary.responses += 1
                        if differs {
                            summary.changedResponses += 1
                        }
                        // Short scores are read with their row's layout: ones that move to another
                        // row are written out in the full form.
                        if differs || (newScoringId != scoringId && ScoreLayout.isShort(scoresText)) {
                            try updateScores.execute(arguments: [ScoreCoding.encode(new), responseId])
                        }
                        if newScoringId != scoringId {
                            try updateScoring.execute(arguments: [newScoringId, responseId])
                            // Short answers move with their layout; where the new row keeps
                            // another one, they are written out as JSON.
                            if AnswerLayout.isShort(answersText), let layout {
                                if adopted[newScoringId] == nil {
                                    adopted[newScoringId] = try ShortFormLayouts.adopt(layout.stored, column: .answers, scoringID: newScoringId, in: db)
                                }
                                if adopted[newScoringId] != true {
                                    try updateAnswers.execute(arguments: [AnswerCoding.encode(answers), responseId])
                                }
                            }
                        }
                    }
                }
                if dryRun { return .rollback }
                var audit = AuditLogRecord(id: nil, at: Self.timestamp(), operator: `operator`,
                                           action: AuditAction.rescore.rawValue, batchId: nil,
                                           summary: "rescored \(summary.responses) responses: \(summary.changedScores) scores changed in \(summary.changedResponses) responses",
                                           detail: nil)
                try audit.insert(db)
                return .commit
            }
        }
        return summary
    }
}
