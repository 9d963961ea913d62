import KortlaegStore
import Foundation
import GRDB
import KortlaegDomain

/// Stores the records of one file inside the file's transaction.
///
/// Memory stays flat: children are looked up by pseudonym in the database (indexed), only the
/// handful of occasions, classes and scorers are cached.
final class SQLiteImportSink: ImportSink {
    private let db: Database
    private let batchId: Int64
    private let options: ImportOptions
    private let pseudonymizer: Pseudonymizer
    private let timestamp: String
    private var occasions: [String: Int64] = [:]
    private var classes: [String: Int64] = [:]
    private var schools: [String: Int64] = [:]
    private var scorers: [InstrumentReference: ScoringContext] = [:]
    private(set) var counts = ImportCounts()
    private(set) var conflicts: [ImportConflict] = []
    private(set) var profile: String?

    init(db: Database, batchId: Int64, options: ImportOptions, pseudonymizer: Pseudonymizer, timestamp: String) {
        self.db = db
        self.batchId = batchId
        self.options = options
        self.pseudonymizer = pseudonymizer
        self.timestamp = timestamp
    }

    func useProfile(_ profile: String) {
        self.profile = profile
    }

    func reject(_ rejection: ImportReject) throws {
        counts.rejected += 1
        // Never keep a CPR-shaped value, wherever it was found.
        let value = rejection.value.flatMap { CPRNumber.containsCPR($0) ? nil : $0 }
        var record = ImportRejectRecord(id: nil, batchId: batchId, row: rejection.row, line: rejection.line,
                                        column: rejection.column, value: value, reason: rejection.reason)
        try record.insert(db)
    }

    func add(_ input: StoredResponseInput) throws {
        guard let pseudonym = pseudonymizer.pseudonym(for: input.childKey) else {
            try reject(ImportReject(row: input.row, line: input.line, column: "(id)", value: nil,
                                    reason: "the child id is empty; every response needs the child's id"))
            return
        }
        let context = try scoringContext(input.response.instrument)
        let occasionId = try occasion(input.occasion, date: input.date)
        let childId = try child(pseudonym, attributes: input.attributes)

        let existing = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT r.id, r.batchId, b.fileName FROM response r JOIN importBatch b ON b.id = r.batchId
            WHERE r.childId = ? AND r.occasionId = ? AND r.informant = ? AND r.instrumentId = ?
            """), arguments: [childId, occasionId, input.informant.rawValue, input.response.instrument.id])
        if let existing {
            let existingBatch: Int64 = existing["batchId"]
            if existingBatch == batchId {
                try reject(ImportReject(row: input.row, line: input.line, column: "(row)", value: nil,
                                        reason: "the same child, occasion (\(input.occasion)), informant and instrument appear earlier in this file; only the first is kept"))
                return
            }
            guard options.replace else {
                conflicts.append(ImportConflict(row: input.row, pseudonym: pseudonym, occasion: input.occasion.code,
                                                informant: input.informant.rawValue,
                                                instrument: input.response.instrument.id,
                                                existingFile: existing["fileName"]))
                return
            }
            try replace(responseId: existing["id"], pseudonym: pseudonym, input: input)
        }

        try db.cachedStatement(sql: """
            INSERT INTO response (childId, occasionId, informant, instrumentId, instrumentVersion, date, answers, batchId, scoringId)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [childId, occasionId, input.informant.rawValue, input.response.instrument.id,
                                     input.response.instrument.version, input.date,
                                     AnswerCoding.encode(input.response.answers), batchId, context.scoringId])
        let responseId = db.lastInsertedRowID
        let insertScore = try db.cachedStatement(sql: "INSERT INTO score (responseId, scoreId, variable, value, bands) VALUES (?, ?, ?, ?, ?)")
        for score in context.score(input.response) {
            try insertScore.execute(arguments: [responseId, score.id, score.variable, score.value, score.bands])
        }
        counts.accepted += 1
    }

    // MARK: - Parts

    private func scoringContext(_ reference: InstrumentReference) throws -> ScoringContext {
        if let context = scorers[reference] { return context }
        let instrument: Instrument
        do {
            instrument = try options.instruments.instrument(reference)
        } catch {
            throw StoreError.unknownInstrument(reference: reference.description, reason: "\(error)")
        }
        let context = try ScoringContext(instrument: instrument, options: options.scoring, db: db)
        scorers[reference] = context
        return context
    }

    private func occasion(_ occasion: Occasion, date: String?) throws -> Int64 {
        if let id = occasions[occasion.code] { return id }
        if let row = try Row.fetchOne(db, sql: "SELECT id, date FROM occasion WHERE code = ?", arguments: [occasion.code]) {
            let id: Int64 = row["id"]
            if let date, (row["date"] as String?) == nil {
                try db.execute(sql: "UPDATE occasion SET date = ? WHERE id = ?", arguments: [date, id])
            }
            occasions[occasion.code] = id
            return id
        }
        var record = OccasionRecord(id: nil, code: occasion.code, sequence: occasion.sequence, date: date)
        try record.insert(db)
        occasions[occasion.code] = record.id!
        return record.id!
    }

    private func classId(_ attributes: ChildAttributes) throws -> Int64? {
        guard let name = attributes.className?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        let school = attributes.school?.trimmingCharacters(in: .whitespaces)
        let key = (school ?? "") + "\u{1F}" + name
        if let id = classes[key] { return id }
        var schoolId: Int64?
        if let school, !school.isEmpty {
            if let id = try schools[school] ?? Int64.fetchOne(db, sql: "SELECT id FROM school WHERE name = ?", arguments: [school]) {
                schoolId = id
            } else {
                var record = SchoolRecord(id: nil, name: school)
                try record.insert(db)
                schoolId = record.id
            }
            schools[school] = schoolId
        }
        let id: Int64
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM schoolClass WHERE schoolId IS ? AND name = ?",
                                             arguments: [schoolId, name]) {
            id = existing
        } else {
            var record = SchoolClassRecord(id: nil, schoolId: schoolId, name: name)
            try record.insert(db)
            id = record.id!
        }
        classes[key] = id
        return id
    }

    /// Finds or creates the child; attributes given in the file fill in or update the stored ones.
    private func child(_ pseudonym: String, attributes: ChildAttributes) throws -> Int64 {
        if attributes == ChildAttributes() {
            // The common case: nothing but the id is known about the child.
            if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM child WHERE pseudonym = ?"), arguments: [pseudonym]) {
                return id
            }
            return try insertChild(pseudonym, classId: nil, attributes: attributes)
        }
        let classId = try classId(attributes)
        if var record = try ChildRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM child WHERE pseudonym = ?"),
                                                 arguments: [pseudonym]) {
            let before = record
            record.classId = classId ?? record.classId
            record.birthYear = attributes.birthYear ?? record.birthYear
            record.birthMonth = attributes.birthMonth ?? record.birthMonth
            record.sex = attributes.sex ?? record.sex
            if record.classId != before.classId || record.birthYear != before.birthYear
                || record.birthMonth != before.birthMonth || record.sex != before.sex {
                try record.update(db)
            }
            return record.id!
        }
        return try insertChild(pseudonym, classId: classId, attributes: attributes)
    }

    private func insertChild(_ pseudonym: String, classId: Int64?, attributes: ChildAttributes) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO child (pseudonym, classId, birthYear, birthMonth, sex) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [pseudonym, classId, attributes.birthYear, attributes.birthMonth, attributes.sex])
        counts.newChildren += 1
        return db.lastInsertedRowID
    }

    /// Moves the stored response to the audit log (answers, scores, the file it came from) and
    /// deletes it; its scores go with it.
    private func replace(responseId: Int64, pseudonym: String, input: StoredResponseInput) throws {
        guard let old = try ResponseRecord.fetchOne(db, key: responseId) else { return }
        let oldFile = try String.fetchOne(db, sql: "SELECT fileName FROM importBatch WHERE id = ?", arguments: [old.batchId]) ?? "?"
        let scores = try ScoreRecord.filter(Column("responseId") == responseId).order(Column("scoreId")).fetchAll(db)
        let scoreJSON = scores.map { score in
            "\(AnswerCoding.quoted(score.variable)):" + (score.value.map { "\($0)" } ?? "null")
        }.joined(separator: ",")
        let detail = """
            {"pseudonym":\(AnswerCoding.quoted(pseudonym)),"occasion":\(AnswerCoding.quoted(input.occasion.code)),\
            "informant":\(AnswerCoding.quoted(old.informant)),\
            "instrument":\(AnswerCoding.quoted("\(old.instrumentId)@\(old.instrumentVersion)")),\
            "date":\(old.date.map(AnswerCoding.quoted) ?? "null"),"file":\(AnswerCoding.quoted(oldFile)),\
            "answers":\(old.answers),"scores":{\(scoreJSON)}}
            """
        var audit = AuditLogRecord(id: nil, at: timestamp, operator: options.operator, action: AuditAction.replace.rawValue,
                                   batchId: batchId,
                                   summary: "replaced \(input.response.instrument.id) \(input.occasion.code) \(old.informant) response of child \(pseudonym.prefix(12)) (from \(oldFile), row \(input.row))",
                                   detail: detail)
        try audit.insert(db)
        try db.execute(sql: "DELETE FROM response WHERE id = ?", arguments: [responseId])
        counts.replaced += 1
    }
}
