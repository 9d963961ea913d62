import Foundation
import KortlaegDomain

/// The rules of a response import, over any backend: the ``ImportSink`` that one file's records
/// and rejections are handed to, inside the file's transaction.
///
/// - The child's raw id is replaced by its pseudonym; an empty id is a reject.
/// - Every record is scored with the exact instrument version it names (``ScoringContext``).
/// - A record whose child, occasion, informant and instrument appear earlier in the same file is
///   rejected: the first is kept.
/// - A record identical to the response another file delivered (same answers, same reasons for
///   the items answered with a missing code, instrument version and, when the record has one,
///   date) is "unchanged": left as stored, not a conflict. A missing code's reason is data (it is
///   exported), so a record that differs only in a reason is changed.
/// - A record that another file already delivered otherwise is a conflict; conflicts refuse the whole file
///   unless `replace` is given. With `replace` the stored response goes to the audit log (its
///   answers, scores and file) and is deleted before the new one is stored.
/// - A reject's CPR-shaped value is never kept.
/// - Attributes given by a file fill in or update the child's stored ones; an occasion keeps the
///   first date given for it.
///
/// Memory stays flat: children are looked up in the backend, only the handful of occasions,
/// classes, schools and scorers are cached.
package final class ResponseImport<Backend: ImportBackend>: ImportSink {
    private let backend: Backend
    private let batch: BatchImport.Context
    private let options: ImportOptions
    private let pseudonymizer: Pseudonymizer
    /// Pseudonym, masking, scores and stored answers of a record, made ahead (any thread).
    private let preparation: ResponsePreparer
    private var occasions: [String: Int64] = [:]
    private var classes: [String: Int64] = [:]
    private var schools: [String: Int64] = [:]
    private var scorers: [InstrumentReference: Scoring] = [:]
    private var lastScorer: (reference: InstrumentReference, scorer: Scoring)?
    private var lastOccasion: (code: String, id: Int64)?
    private(set) var counts = ImportCounts()
    private(set) var conflicts: [ImportConflict] = []
    /// The most conflicts an outcome lists (``ImportCounts/conflicts`` counts them all).
    package static var keptConflicts: Int { 1_000 }
    private(set) var profile: String?

    init(backend: Backend, batch: BatchImport.Context, options: ImportOptions, pseudonymizer: Pseudonymizer) {
        self.backend = backend
        self.batch = batch
        self.options = options
        self.pseudonymizer = pseudonymizer
        preparation = ResponsePreparer(pseudonymizer: pseudonymizer, instruments: options.instruments, scoring: options.scoring,
                                       shortForms: Backend.keepsShortAnswers)
    }

    /// Imports one file into `store` as one transaction (the body of ``ProjectStore/importFile(_:options:produce:)``).
    package static func importFile<Store: ImportTransactions>(
        _ batch: ImportBatch, options: ImportOptions, pseudonymizer: Pseudonymizer, store: Store,
        produce: (any ImportSink) throws -> Void
    ) throws -> ImportOutcome where Store.Backend == Backend {
        try BatchImport.run(batch, operator: options.operator, store: store,
                            alreadyImported: { ImportOutcome.alreadyImported(fileName: $0, importedAt: $1) }) { backend, context in
            let sink = ResponseImport(backend: backend, batch: context, options: options, pseudonymizer: pseudonymizer)
            try produce(sink)
            var counts = sink.counts
            counts.dryRun = options.dryRun
            if !sink.conflicts.isEmpty && !options.replace {
                return BatchImport.Decision(outcome: .conflicts(sink.conflicts, counts: counts))
            }
            if options.dryRun { return BatchImport.Decision(outcome: .imported(counts)) }
            var summary = "imported \(context.fileName) (sha256 \(batch.sha256.prefix(12))…): \(counts.accepted) accepted, \(counts.rejected) rejected"
            if counts.replaced > 0 { summary += ", \(counts.replaced) replaced" }
            return BatchImport.Decision(outcome: .imported(counts), keep: BatchImport.Kept(
                profile: sink.profile ?? batch.profile, accepted: counts.accepted, rejected: counts.rejected,
                replaced: counts.replaced, auditSummary: summary))
        }
    }

    // MARK: - ImportSink

    package func useProfile(_ profile: String) {
        self.profile = profile
    }

    package func reject(_ rejection: ImportReject) throws {
        counts.rejected += 1
        try backend.insertReject(rejection.scrubbed, batchID: batch.batchID)
    }

    package func preparer() -> ResponsePreparer { preparation }

    @discardableResult
    package func add(_ prepared: PreparedResponse) throws -> ImportReject? {
        var input = prepared.input
        let rest = preparation.completed(prepared)
        if let site = input.attributes.site, let problem = SiteName.problem(site) {
            let rejection = ImportReject(row: input.row, line: input.line, column: "(site)", value: nil,
                                         reason: "\(problem); correct the site in the file or with --site")
            try reject(rejection)
            return rejection
        }
        guard let pseudonym = rest.pseudonym else {
            let rejection = ImportReject(row: input.row, line: input.line, column: "(id)", value: nil,
                                         reason: "the child id is empty; every response needs the child's id")
            try reject(rejection)
            return rejection
        }
        // The CPR guard: a class or school name holding a CPR number refuses the record (the
        // number is not repeated); free-text answers keep their text with the number masked.
        let attributes = input.attributes
        if attributes.className != nil || attributes.school != nil || attributes.site != nil {
            for (what, name, column) in [("class name", attributes.className, "(class)"), ("school name", attributes.school, "(school)"),
                                         ("site name", attributes.site, "(site)")] {
                guard let name else { continue }
                do { try CPRGuard.name(name, what: what) } catch {
                    let rejection = ImportReject(row: input.row, line: input.line, column: column, value: nil, reason: "\(error); correct it in the file")
                    try reject(rejection)
                    return rejection
                }
            }
        }
        input.response.answers = prepared.answers
        let scorer = try scoring(input.response.instrument)
        let occasionID = try occasion(input.occasion, date: input.date)
        let childID = try child(pseudonym, attributes: input.attributes)

        // Short forms only with a scoring row that keeps their layout (an older row may keep another).
        let encodedAnswers = scorer.shortAnswers || !AnswerLayout.isShort(rest.encodedAnswers)
            ? rest.encodedAnswers : AnswerCoding.encode(input.response.answers, missingReasons: input.missingReasons)
        var encodedScores = rest.encodedScores
        if !scorer.shortScores, let text = encodedScores, ScoreLayout.isShort(text) {
            encodedScores = rest.scores.map(scorer.context.encode)
        }
        let newResponse = NewResponse(childID: childID, occasionID: occasionID, informant: input.informant,
                                      instrument: input.response.instrument, date: input.date,
                                      answers: input.response.answers, batchID: batch.batchID,
                                      scoringID: scorer.id, missingReasons: input.missingReasons,
                                      encodedAnswers: encodedAnswers, encodedScores: encodedScores)
        let response = input.response
        let scores = { rest.scores ?? scorer.context.score(response) }
        // The common case, a new response, is one insert: the backend's unique key finds a stored
        // one, and only then are the rules below asked what it means.
        if try backend.insertResponseIfNew(newResponse, scores: scores) {
            counts.accepted += 1
            return nil
        }
        if let existing = try backend.storedResponse(for: newResponse.key) {
            if existing.batchID == batch.batchID {
                let rejection = ImportReject(row: input.row, line: input.line, column: "(row)", value: nil,
                                             reason: "the same child, occasion (\(input.occasion)), informant and instrument appear earlier in this file; only the first is kept")
                try reject(rejection)
                return rejection
            }
            let stored = try backend.responseForAudit(id: existing.id)
            let sameAnswers = stored.map {
                $0.instrument == input.response.instrument && $0.answers == input.response.answers
                    && (input.date == nil || input.date == $0.date)
            } ?? false
            if sameAnswers, stored?.missingReasons == input.missingReasons {
                counts.unchanged += 1
                try backend.recordRedelivery(responseID: existing.id, batchID: batch.batchID)
                return nil
            }
            guard options.replace else {
                counts.conflicts += 1
                // The first ones are listed; the rest only counted, so that memory does not grow
                // with a file whose every row conflicts.
                guard conflicts.count < Self.keptConflicts else { return nil }
                conflicts.append(ImportConflict(row: input.row, pseudonym: pseudonym, occasion: input.occasion.code,
                                                informant: input.informant.rawValue,
                                                instrument: input.response.instrument.id,
                                                existingFile: existing.fileName, onlyMissingReasonsDiffer: sameAnswers))
                return nil
            }
            try replace(existing, pseudonym: pseudonym, input: input)
        }

        try backend.insertResponse(newResponse, scores: scores())
        counts.accepted += 1
        return nil
    }

    // MARK: - Parts

    /// The scorer and scoring row id for the instrument version, building them once.
    /// A scorer and the id of its ``ScoringKey`` row: one reference per record, not a copy of
    /// the scorer's every table.
    private final class Scoring {
        let context: ScoringContext
        let id: Int64
        /// Whether the row keeps the layout of this instrument's short answers (``AnswerLayout``).
        let shortAnswers: Bool
        /// Whether the row keeps the layout of this context's short scores (``ScoreLayout``).
        let shortScores: Bool
        init(_ context: ScoringContext, id: Int64, shortAnswers: Bool, shortScores: Bool) {
            self.context = context
            self.id = id
            self.shortAnswers = shortAnswers
            self.shortScores = shortScores
        }
    }

    private func scoring(_ reference: InstrumentReference) throws -> Scoring {
        // A file's records name one instrument version, as a rule: no hashing for the next one.
        if let last = lastScorer, last.reference == reference { return last.scorer }
        if let cached = scorers[reference] {
            lastScorer = (reference, cached)
            return cached
        }
        let instrument: Instrument
        do {
            instrument = try options.instruments.instrument(reference)
        } catch {
            throw StoreError.unknownInstrument(reference: reference.description, reason: "\(error)")
        }
        let context = try ScoringContext(instrument: instrument, options: options.scoring)
        let id = try backend.scoringID(for: context.key) ?? backend.insertScoring(context.key)
        var shortAnswers = false, shortScores = false
        if Backend.keepsShortAnswers {
            if let layout = AnswerLayout(itemIDs: instrument.items.map(\.id)) {
                shortAnswers = try backend.adoptAnswerLayout(layout, scoringID: id)
            }
            if let layout = context.scoreLayout { shortScores = try backend.adoptScoreLayout(layout, scoringID: id) }
        }
        let scoring = Scoring(context, id: id, shortAnswers: shortAnswers, shortScores: shortScores)
        scorers[reference] = scoring
        lastScorer = (reference, scoring)
        return scoring
    }

    /// The occasion's id, created when new; an occasion without a date takes the first one given.
    private func occasion(_ occasion: Occasion, date: String?) throws -> Int64 {
        if let last = lastOccasion, last.code == occasion.code { return last.id }
        if let id = occasions[occasion.code] {
            lastOccasion = (occasion.code, id)
            return id
        }
        let id: Int64
        if let stored = try backend.occasion(code: occasion.code) {
            id = stored.id
            if let date, stored.date == nil { try backend.setOccasionDate(id: id, date: date) }
        } else {
            id = try backend.insertOccasion(code: occasion.code, sequence: occasion.sequence, date: date)
        }
        occasions[occasion.code] = id
        lastOccasion = (occasion.code, id)
        return id
    }

    /// The class named in the attributes (at its school, when one is given), created when new.
    private func classID(_ attributes: ChildAttributes) throws -> Int64? {
        guard let name = attributes.className?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        let school = attributes.school?.trimmingCharacters(in: .whitespaces)
        let key = (school ?? "") + "\u{1F}" + name
        if let id = classes[key] { return id }
        var schoolID: Int64?
        if let school, !school.isEmpty {
            if let id = try schools[school] ?? backend.schoolID(named: school) {
                schoolID = id
            } else {
                schoolID = try backend.insertSchool(named: school)
            }
            schools[school] = schoolID
        }
        let id = try backend.classID(schoolID: schoolID, name: name) ?? backend.insertClass(schoolID: schoolID, name: name)
        classes[key] = id
        return id
    }

    /// Finds or creates the child; attributes given in the file fill in or update the stored ones.
    private func child(_ pseudonym: String, attributes: ChildAttributes) throws -> Int64 {
        if attributes == ChildAttributes() {
            // The common case: nothing but the id is known about the child.
            if let id = try backend.childID(pseudonym: pseudonym) { return id }
            return try insertChild(pseudonym, classID: nil, attributes: attributes)
        }
        let classID = try classID(attributes)
        if var stored = try backend.child(pseudonym: pseudonym) {
            let before = stored
            stored.classID = classID ?? stored.classID
            stored.birthYear = attributes.birthYear ?? stored.birthYear
            stored.birthMonth = attributes.birthMonth ?? stored.birthMonth
            stored.sex = attributes.sex ?? stored.sex
            if stored != before { try backend.updateChild(stored) }
            return stored.id!
        }
        return try insertChild(pseudonym, classID: classID, attributes: attributes)
    }

    private func insertChild(_ pseudonym: String, classID: Int64?, attributes: ChildAttributes) throws -> Int64 {
        var child = StoredChild(id: nil, pseudonym: pseudonym, classID: classID, birthYear: attributes.birthYear,
                                birthMonth: attributes.birthMonth, sex: attributes.sex)
        // The site is part of the pseudonym: fixed when the child is created, never updated.
        child.site = attributes.site.flatMap(SiteName.display)
        let id = try backend.insertChild(child)
        counts.newChildren += 1
        return id
    }

    /// Moves the stored response to the audit log (answers, scores, the file it came from) and
    /// deletes it; its scores go with it.
    private func replace(_ existing: StoredResponseReference, pseudonym: String, input: StoredResponseInput) throws {
        guard let old = try backend.responseForAudit(id: existing.id) else { return }
        let scoreJSON = old.scores.map { score in
            "\(AnswerCoding.quoted(score.variable)):" + (score.value.map { "\($0)" } ?? "null")
        }.joined(separator: ",")
        let detail = """
            {"pseudonym":\(AnswerCoding.quoted(pseudonym)),"occasion":\(AnswerCoding.quoted(input.occasion.code)),\
            "informant":\(AnswerCoding.quoted(old.informant)),\
            "instrument":\(AnswerCoding.quoted(old.instrument.description)),\
            "date":\(old.date.map(AnswerCoding.quoted) ?? "null"),"file":\(AnswerCoding.quoted(old.fileName)),\
            "answers":\(AnswerCoding.encode(old.answers, missingReasons: old.missingReasons)),"scores":{\(scoreJSON)}}
            """
        try backend.insertAudit(NewAuditEntry(
            at: batch.timestamp, operator: options.operator, action: .replace, batchID: batch.batchID,
            summary: "replaced \(input.response.instrument.id) \(input.occasion.code) \(old.informant) response of child \(pseudonym.prefix(12)) (from \(old.fileName), row \(input.row))",
            detail: detail))
        try backend.deleteResponse(id: existing.id)
        counts.replaced += 1
    }
}
