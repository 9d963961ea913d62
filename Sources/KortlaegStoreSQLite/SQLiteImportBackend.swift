import Foundation
import GRDB
import KortlaegDomain
import KortlaegStore

/// The import primitives over one SQLite transaction; the rules in KortlaegStore drive them.
package struct SQLiteImportBackend: ImportBackend {
    let db: Database
    /// The hot path's statements, prepared once per transaction (not looked up by their SQL
    /// text for every response).
    private let statements = Statements()

    init(db: Database) { self.db = db }

    /// The hot path's statements, by what they do.
    private enum Slot: Hashable {
        case childID, insertChild, insertResponse, insertResponseIfNew
    }

    private final class Statements {
        var made: [Slot: DirectStatement] = [:]
    }

    /// The statement kept in `slot`, prepared from `sql` on first use.
    private func statement(_ slot: Slot, _ sql: @autoclosure () -> String) throws -> DirectStatement {
        if let made = statements.made[slot] { return made }
        let made = DirectStatement(try db.makeStatement(sql: sql()))
        statements.made[slot] = made
        return made
    }

    // MARK: - The batch

    package func previousImport(sha256: String) throws -> PreviousImport? {
        try ImportBatchRecord.filter(Column("sha256") == sha256 && Column("removedAt") == nil).fetchOne(db)
            .map { PreviousImport(fileName: $0.fileName, importedAt: $0.importedAt) }
    }

    package func insertBatch(_ batch: NewImportBatch) throws -> Int64 {
        var record = ImportBatchRecord(id: nil, fileName: batch.fileName, sha256: batch.sha256, profile: batch.profile,
                                       importedAt: batch.importedAt, operator: batch.operator,
                                       accepted: 0, rejected: 0, replaced: 0)
        try record.insert(db)
        return record.id!
    }

    package func finishBatch(id: Int64, profile: String, accepted: Int, rejected: Int, replaced: Int) throws {
        try db.execute(sql: "UPDATE importBatch SET profile = ?, accepted = ?, rejected = ?, replaced = ? WHERE id = ?",
                       arguments: [profile, accepted, rejected, replaced, id])
    }

    package func insertReject(_ rejection: ImportReject, batchID: Int64) throws {
        var record = ImportRejectRecord(id: nil, batchId: batchID, row: rejection.row, line: rejection.line,
                                        column: rejection.column, value: rejection.value, reason: rejection.reason)
        try record.insert(db)
    }

    package func insertAudit(_ entry: NewAuditEntry) throws {
        var record = AuditLogRecord(id: nil, at: entry.at, operator: entry.operator, action: entry.action.rawValue,
                                    batchId: entry.batchID, summary: entry.summary, detail: entry.detail)
        try record.insert(db)
    }

    // MARK: - Reference rows

    package func scoringID(for key: ScoringKey) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM scoring WHERE instrumentId = ? AND instrumentVersion = ? AND ruleChoices = ?
              AND includeUnverified = ? AND bandTables = ?
            """, arguments: [key.instrument.id, key.instrument.version, key.ruleChoices, key.includeUnverified,
                             key.bandTables])
    }

    package func insertScoring(_ key: ScoringKey) throws -> Int64 {
        var record = ScoringRecord(id: nil, instrumentId: key.instrument.id, instrumentVersion: key.instrument.version,
                                   ruleChoices: key.ruleChoices, includeUnverified: key.includeUnverified,
                                   bandTables: key.bandTables)
        try record.insert(db)
        return record.id!
    }

    package func occasion(code: String) throws -> (id: Int64, date: String?)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, date FROM occasion WHERE code = ?", arguments: [code]) else {
            return nil
        }
        return (row["id"], row["date"])
    }

    package func insertOccasion(code: String, sequence: Int, date: String?) throws -> Int64 {
        var record = OccasionRecord(id: nil, code: code, sequence: sequence, date: date)
        try record.insert(db)
        return record.id!
    }

    package func setOccasionDate(id: Int64, date: String) throws {
        try db.execute(sql: "UPDATE occasion SET date = ? WHERE id = ?", arguments: [date, id])
    }

    package func schoolID(named name: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE name = ?", arguments: [name])
    }

    package func insertSchool(named name: String) throws -> Int64 {
        var record = SchoolRecord(id: nil, name: name)
        try record.insert(db)
        return record.id!
    }

    package func classID(schoolID: Int64?, name: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM schoolClass WHERE schoolId IS ? AND name = ?", arguments: [schoolID, name])
    }

    package func insertClass(schoolID: Int64?, name: String) throws -> Int64 {
        var record = SchoolClassRecord(id: nil, schoolId: schoolID, name: name)
        try record.insert(db)
        return record.id!
    }

    // MARK: - Short answers

    package static var keepsShortAnswers: Bool { true }

    package func adoptAnswerLayout(_ layout: AnswerLayout, scoringID: Int64) throws -> Bool {
        try ShortFormLayouts.adopt(layout.stored, column: .answers, scoringID: scoringID, in: db)
    }

    package func adoptScoreLayout(_ layout: ScoreLayout, scoringID: Int64) throws -> Bool {
        try ShortFormLayouts.adopt(layout.stored, column: .scores, scoringID: scoringID, in: db)
    }

    // MARK: - Children

    package func childID(pseudonym: String) throws -> Int64? {
        let select = try statement(.childID, "SELECT id FROM child WHERE " + ChildKey.condition())
        let arguments = ChildKey.arguments(pseudonym)
        select.bind(arguments[0], at: 1)
        select.bind(arguments[1], at: 2)
        return try select.fetchInt64(in: db) { [pseudonym] }
    }

    package func child(pseudonym: String) throws -> StoredChild? {
        try ChildRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM child WHERE " + ChildKey.condition()),
                                arguments: StatementArguments(ChildKey.arguments(pseudonym)))
            .map { record in
                var child = StoredChild(id: record.id, pseudonym: record.pseudonym, classID: record.classId,
                                        birthYear: record.birthYear, birthMonth: record.birthMonth, sex: record.sex)
                child.site = record.site
                return child
            }
    }

    package func insertChild(_ child: StoredChild) throws -> Int64 {
        let insert = try statement(.insertChild, "INSERT INTO child (pseudonym, classId, birthYear, birthMonth, sex, site) VALUES (?, ?, ?, ?, ?, ?)")
        insert.bind(child.pseudonym, at: 1)
        insert.bind(child.classID, at: 2)
        insert.bind(child.birthYear, at: 3)
        insert.bind(child.birthMonth, at: 4)
        insert.bind(child.sex, at: 5)
        insert.bind(child.site, at: 6)
        try insert.execute(in: db) { [child.pseudonym, child.classID, child.birthYear, child.birthMonth, child.sex, child.site] }
        return db.lastInsertedRowID
    }

    package func updateChild(_ child: StoredChild) throws {
        try ChildRecord(id: child.id, pseudonym: child.pseudonym, classId: child.classID, birthYear: child.birthYear,
                        birthMonth: child.birthMonth, sex: child.sex, site: child.site).update(db)
    }

    // MARK: - Responses

    package func storedResponse(for key: ResponseKey) throws -> StoredResponseReference? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT r.id, r.batchId, b.fileName FROM response r JOIN importBatch b ON b.id = r.batchId
            WHERE r.childId = ? AND r.occasionId = ? AND r.informant = ? AND r.instrumentId = ?
            """), arguments: [key.childID, key.occasionID, key.informant.rawValue, key.instrumentID])
            .map { StoredResponseReference(id: $0["id"], batchID: $0["batchId"], fileName: $0["fileName"]) }
    }

    package func responseForAudit(id: Int64) throws -> ReplacedResponse? {
        guard let old = try ResponseRecord.fetchOne(db, key: id) else { return nil }
        let file = try String.fetchOne(db, sql: "SELECT fileName FROM importBatch WHERE id = ?", arguments: [old.batchId]) ?? "?"
        let scores: [ComputedScore]
        let decoded: (answers: [String: AnswerValue], missingReasons: [String: String])
        do {
            let layouts = try Row.fetchOne(db, sql: "SELECT answerItems, scoreItems FROM scoring WHERE id = ?", arguments: [old.scoringId])
            decoded = try AnswerCoding.decodeWithReasons(old.answers, layout: layouts.flatMap { AnswerLayout(stored: $0[0]) })
            var decoder = ScoreDecoder()
            scores = try decoder.decode(old.scores, layout: layouts.flatMap { ScoreLayout(stored: $0[1]) })
        } catch {
            throw StoreError.database("stored response \(id) cannot be decoded: \(error)")
        }
        return ReplacedResponse(informant: old.informant,
                                instrument: InstrumentReference(id: old.instrumentId, version: old.instrumentVersion),
                                date: old.date, answers: decoded.answers, fileName: file,
                                scores: scores,
                                missingReasons: decoded.missingReasons)
    }

    package func deleteResponse(id: Int64) throws {
        try db.execute(sql: "DELETE FROM response WHERE id = ?", arguments: [id])
    }

    private static let insertResponseSQL = """
        INSERT INTO response (childId, occasionId, informant, instrumentId, instrumentVersion, date, answers, batchId, scoringId, scores)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    package func insertResponse(_ response: NewResponse, scores: [ComputedScore]) throws {
        try run(statement(.insertResponse, Self.insertResponseSQL), response, scores: ScoreCoding.encode(scores))
    }

    /// One statement for a new response: the unique key (childId, occasionId, informant,
    /// instrumentId) skips one already stored, and `changesCount` says which happened. The scores
    /// are in the row, so they are made (when not made ahead) before it is known which.
    package func insertResponseIfNew(_ response: NewResponse, scores: () throws -> [ComputedScore]) throws -> Bool {
        let encoded = try response.encodedScores ?? ScoreCoding.encode(scores())
        try run(statement(.insertResponseIfNew, Self.insertResponseSQL + " ON CONFLICT (childId, occasionId, informant, instrumentId) DO NOTHING"),
                response, scores: encoded)
        return db.changesCount == 1
    }

    /// Binds a response's ten columns and runs `insert`.
    private func run(_ insert: DirectStatement, _ response: NewResponse, scores: String) throws {
        let answers = response.storedAnswers
        insert.bind(response.childID, at: 1)
        insert.bind(response.occasionID, at: 2)
        insert.bind(response.informant.rawValue, at: 3)
        insert.bind(response.instrument.id, at: 4)
        insert.bind(response.instrument.version, at: 5)
        insert.bind(response.date, at: 6)
        insert.bind(answers, at: 7)
        insert.bind(response.batchID, at: 8)
        insert.bind(response.scoringID, at: 9)
        insert.bind(scores, at: 10)
        try insert.execute(in: db) {
            [response.childID, response.occasionID, response.informant.rawValue, response.instrument.id,
             response.instrument.version, response.date, answers, response.batchID, response.scoringID, scores]
        }
    }

    // MARK: - Trivselsmåling figures

    package func storedTrivselFigure(for key: TrivselFigureKey) throws -> StoredTrivselFigure? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT f.*, b.fileName AS fileName FROM trivselFigure f JOIN importBatch b ON b.id = f.batchId
            WHERE f.schoolId = ? AND f.gradeKey = ? AND f.schoolYear IS ? AND f.indicator = ?
            """, arguments: [key.schoolID, key.gradeKey, key.schoolYear, key.indicator]) else { return nil }
        let figure = try TrivselFigureRecord(row: row)
        return StoredTrivselFigure(id: figure.id!, grade: figure.grade, schoolYear: figure.schoolYear,
                                   indicator: figure.indicator, mean: figure.mean, pupils: figure.pupils,
                                   shareGt3: figure.shareGt3, shareGt4: figure.shareGt4, line: figure.line,
                                   fileName: row["fileName"])
    }

    package func deleteTrivselFigure(id: Int64) throws {
        try db.execute(sql: "DELETE FROM trivselFigure WHERE id = ?", arguments: [id])
    }

    package func insertTrivselFigure(_ figure: NewTrivselFigure) throws {
        var record = TrivselFigureRecord(
            id: nil, batchId: figure.batchID, schoolId: figure.key.schoolID, grade: figure.grade,
            gradeKey: figure.key.gradeKey, schoolYear: figure.key.schoolYear, indicator: figure.key.indicator,
            mean: figure.mean, pupils: figure.pupils, shareGt3: figure.shareGt3, shareGt4: figure.shareGt4,
            row: figure.row, line: figure.line)
        try record.insert(db)
    }
}
