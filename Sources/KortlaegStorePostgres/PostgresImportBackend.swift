import Foundation
import KortlaegDomain
import KortlaegStore
import PostgresNIO

/// The import primitives over one PostgreSQL transaction; the rules in KortlaegStore drive them.
/// It finds, inserts, updates and deletes rows, and decides nothing.
///
/// Speed: a round trip to the server costs more than the work of a record, so the backend keeps
/// the round trips per record to one (issue 17, `docs/decisions/pg.md`):
/// - new children, responses with their scores, and rejects are collected and written as
///   multi-row `INSERT`s of up to ``flushSize`` responses (``PendingWrites``); their ids are taken
///   from the tables' sequences in blocks beforehand, so the rules get an id at once;
/// - the child lookup brings the child's stored responses along (a handful), so the check "is
///   this response stored already?" needs no query of its own (``ChildWindow``).
/// Everything collected is written before anything that could see it is read (a reply to a
/// response lookup that could involve it, a replaced response, the batch's counts), and before
/// the transaction commits. One file is still one transaction: a rollback drops the collected
/// rows with the written ones. Memory stays flat: both caches are emptied at every flush.
package final class PostgresImportBackend: ImportBackend {
    let connection: BlockingConnection
    /// Responses (and children, rejects) collected before they are written.
    static let flushSize = 1_000
    private var pending = PendingWrites()
    private var window = ChildWindow()
    /// Ids taken from the sequences and not used yet.
    private var childIDs = IDBlock(table: "child")
    private var responseIDs = IDBlock(table: "response")
    /// The current batch's file name (for the references of its own responses).
    private var batchFileName: [Int64: String] = [:]

    init(connection: BlockingConnection) {
        self.connection = connection
    }

    // MARK: - The batch

    package func previousImport(sha256: String) throws -> PreviousImport? {
        try connection.query("SELECT file_name, imported_at FROM import_batch WHERE sha256 = $1 AND removed_at IS NULL", [sha256]).first.map {
            let (fileName, importedAt) = try $0.decode((String, String).self)
            return PreviousImport(fileName: fileName, importedAt: importedAt)
        }
    }

    package func insertBatch(_ batch: NewImportBatch) throws -> Int64 {
        let batchID = try id(connection.query("""
            INSERT INTO import_batch (file_name, sha256, profile, imported_at, operator_name) VALUES ($1, $2, $3, $4, $5)
            RETURNING id
            """, [batch.fileName, batch.sha256, batch.profile, batch.importedAt, batch.operator]))
        batchFileName[batchID] = batch.fileName
        return batchID
    }

    package func finishBatch(id: Int64, profile: String, accepted: Int, rejected: Int, replaced: Int) throws {
        try flush()
        try connection.query("UPDATE import_batch SET profile = $1, accepted = $2, rejected = $3, replaced = $4 WHERE id = $5",
                             [profile, accepted, rejected, replaced, id])
    }

    package func insertReject(_ rejection: ImportReject, batchID: Int64) throws {
        pending.rejects.append((rejection, batchID))
        if pending.rejects.count >= Self.flushSize { try flush() }
    }

    package func insertAudit(_ entry: NewAuditEntry) throws {
        try flush()
        try connection.query("""
            INSERT INTO audit_log (at, operator_name, action, batch_id, summary, detail) VALUES ($1, $2, $3, $4, $5, $6)
            """, [entry.at, entry.operator, entry.action.rawValue, entry.batchID, entry.summary, entry.detail])
    }

    // MARK: - Reference rows

    package func scoringID(for key: ScoringKey) throws -> Int64? {
        try optionalID(connection.query("""
            SELECT id FROM scoring WHERE instrument_id = $1 AND instrument_version = $2 AND rule_choices = $3
              AND include_unverified = $4 AND band_tables = $5
            """, [key.instrument.id, key.instrument.version, key.ruleChoices, key.includeUnverified, key.bandTables]))
    }

    package func insertScoring(_ key: ScoringKey) throws -> Int64 {
        try id(connection.query("""
            INSERT INTO scoring (instrument_id, instrument_version, rule_choices, include_unverified, band_tables)
            VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, [key.instrument.id, key.instrument.version, key.ruleChoices, key.includeUnverified, key.bandTables]))
    }

    package func occasion(code: String) throws -> (id: Int64, date: String?)? {
        guard let row = try connection.query("SELECT id, date FROM occasion WHERE code = $1", [code]).first else { return nil }
        let (id, date) = try row.decode((Int64, String?).self)
        return (id, date)
    }

    package func insertOccasion(code: String, sequence: Int, date: String?) throws -> Int64 {
        try id(connection.query("INSERT INTO occasion (code, sequence, date) VALUES ($1, $2, $3) RETURNING id",
                                [code, sequence, date]))
    }

    package func setOccasionDate(id: Int64, date: String) throws {
        try connection.query("UPDATE occasion SET date = $1 WHERE id = $2", [date, id])
    }

    package func schoolID(named name: String) throws -> Int64? {
        try optionalID(connection.query("SELECT id FROM school WHERE name = $1", [name]))
    }

    package func insertSchool(named name: String) throws -> Int64 {
        try id(connection.query("INSERT INTO school (name) VALUES ($1) RETURNING id", [name]))
    }

    package func classID(schoolID: Int64?, name: String) throws -> Int64? {
        try optionalID(connection.query("SELECT id FROM school_class WHERE school_id IS NOT DISTINCT FROM $1::bigint AND name = $2",
                                        [schoolID, name]))
    }

    package func insertClass(schoolID: Int64?, name: String) throws -> Int64 {
        try id(connection.query("INSERT INTO school_class (school_id, name) VALUES ($1, $2) RETURNING id", [schoolID, name]))
    }

    // MARK: - Children

    package func childID(pseudonym: String) throws -> Int64? {
        try child(pseudonym: pseudonym)?.id
    }

    /// The child from the window (collected or looked up since the last flush), else from the
    /// server together with its stored responses, which the window keeps for ``storedResponse(for:)``.
    package func child(pseudonym: String) throws -> StoredChild? {
        if let known = window.children[pseudonym] { return known }
        let rows = try connection.query("""
            SELECT c.id, c.class_id, c.birth_year, c.birth_month, c.sex, c.site, r.id, r.occasion_id, r.informant, r.instrument_id,
              r.batch_id, b.file_name
            FROM child c LEFT JOIN response r ON r.child_id = c.id LEFT JOIN import_batch b ON b.id = r.batch_id
            WHERE c.pseudonym = $1
            """, [pseudonym])
        guard let first = rows.first else { return nil }
        let (id, classID, year, month, sex, site) = try first.decode((Int64, Int64?, Int?, Int?, String?, String?).self)
        var child = StoredChild(id: id, pseudonym: pseudonym, classID: classID, birthYear: year, birthMonth: month, sex: sex)
        child.site = site
        var responses: [ResponseKey: StoredResponseReference] = [:]
        for row in rows {
            let (_, _, _, _, _, _, responseID, occasionID, informant, instrumentID, batchID, fileName) =
                try row.decode((Int64, Int64?, Int?, Int?, String?, String?, Int64?, Int64?, String?, String?, Int64?, String?).self)
            guard let responseID, let occasionID, let informant, let instrumentID, let batchID,
                  let kind = Informant(rawValue: informant) else { continue }
            responses[ResponseKey(childID: id, occasionID: occasionID, informant: kind, instrumentID: instrumentID)] =
                StoredResponseReference(id: responseID, batchID: batchID, fileName: fileName ?? "?")
        }
        window.add(child, responses: responses)
        return child
    }

    package func insertChild(_ child: StoredChild) throws -> Int64 {
        let id = try childIDs.next(connection)
        var child = child
        child.id = id
        pending.children.append(child)
        window.add(child, responses: [:])
        return id
    }

    package func updateChild(_ child: StoredChild) throws {
        if let index = pending.children.firstIndex(where: { $0.id == child.id }) {
            pending.children[index] = child
        } else {
            try connection.query("UPDATE child SET class_id = $1, birth_year = $2, birth_month = $3, sex = $4 WHERE id = $5",
                                 [child.classID, child.birthYear, child.birthMonth, child.sex, child.id])
        }
        window.children[child.pseudonym] = child
    }

    // MARK: - Responses

    /// From the window when the child was looked up or created since the last flush (its stored
    /// responses came with it, and every response since went through here), else from the server.
    package func storedResponse(for key: ResponseKey) throws -> StoredResponseReference? {
        if let known = window.responses(of: key.childID) { return known[key] }
        guard let row = try connection.query("""
            SELECT r.id, r.batch_id, b.file_name FROM response r JOIN import_batch b ON b.id = r.batch_id
            WHERE r.child_id = $1 AND r.occasion_id = $2 AND r.informant = $3 AND r.instrument_id = $4
            """, [key.childID, key.occasionID, key.informant.rawValue, key.instrumentID]).first else { return nil }
        let (id, batchID, fileName) = try row.decode((Int64, Int64, String).self)
        return StoredResponseReference(id: id, batchID: batchID, fileName: fileName)
    }

    package func responseForAudit(id: Int64) throws -> ReplacedResponse? {
        try flush()
        guard let row = try connection.query("""
            SELECT r.informant, r.instrument_id, r.instrument_version, r.date, r.answers, coalesce(b.file_name, '?')
            FROM response r LEFT JOIN import_batch b ON b.id = r.batch_id WHERE r.id = $1
            """, [id]).first else { return nil }
        let (informant, instrumentID, version, date, answersText, fileName) =
            try row.decode((String, String, String, String?, String, String).self)
        let scores = try connection.query("""
            SELECT score_id, variable, value, bands FROM score WHERE response_id = $1 ORDER BY score_id COLLATE "C"
            """, [id]).map { row in
            let (scoreID, variable, value, bands) = try row.decode((String, String, Double?, String?).self)
            return ComputedScore(id: scoreID, variable: variable, value: value, bands: bands)
        }
        let decoded: (answers: [String: AnswerValue], missingReasons: [String: String])
        do {
            decoded = try AnswerCoding.decodeWithReasons(answersText)
        } catch {
            throw StoreError.database("stored response \(id) cannot be decoded: \(error)")
        }
        return ReplacedResponse(informant: informant, instrument: InstrumentReference(id: instrumentID, version: version),
                                date: date, answers: decoded.answers, fileName: fileName, scores: scores,
                                missingReasons: decoded.missingReasons)
    }

    package func deleteResponse(id: Int64) throws {
        try flush()
        try connection.query("DELETE FROM response WHERE id = $1", [id])
    }

    /// Collects the response and its scores (written at the next flush) under an id taken now.
    package func insertResponse(_ response: NewResponse, scores: [ComputedScore]) throws {
        for score in scores where score.value.map({ !$0.isFinite }) ?? false {
            throw StoreError.database("score \(score.id) is not a finite number")
        }
        let id = try responseIDs.next(connection)
        pending.responses.append((id, response, scores))
        pending.scoreCount += scores.count
        // A child that left the window (a replaced response flushed it) would be looked up again
        // without this response: write it at once (rare).
        if window.responses(of: response.childID) == nil { return try flush() }
        window.record(ResponseKey(childID: response.childID, occasionID: response.occasionID, informant: response.informant,
                                  instrumentID: response.instrument.id),
                      StoredResponseReference(id: id, batchID: response.batchID, fileName: batchFileName[response.batchID] ?? "?"))
        if pending.responses.count >= Self.flushSize { try flush() }
    }

    // MARK: - Writing what was collected

    /// Writes the collected children, responses, scores and rejects, in that order (each refers
    /// to the ones before), with as few statements as PostgreSQL's bind limit allows, and empties
    /// the window.
    func flush() throws {
        defer { window = ChildWindow() }
        guard !pending.isEmpty else { return }
        let writes = pending
        pending = PendingWrites()
        try insertRows("child", ["id", "pseudonym", "class_id", "birth_year", "birth_month", "sex", "site"], writes.children) { (child: StoredChild, binds: inout PostgresBindings) in
            try binds.append(child.id!)
            try binds.append(child.pseudonym)
            try child.classID.bind(into: &binds)
            try child.birthYear.map(Int64.init).bind(into: &binds)
            try child.birthMonth.map(Int64.init).bind(into: &binds)
            try child.sex.bind(into: &binds)
            try child.site.bind(into: &binds)
        }
        try insertRows("response", ["id", "child_id", "occasion_id", "informant", "instrument_id", "instrument_version", "date",
                                    "answers", "batch_id", "scoring_id"], writes.responses) {
            (entry: (id: Int64, response: NewResponse, scores: [ComputedScore]), binds: inout PostgresBindings) in
            let (id, response, _) = entry
            try binds.append(id)
            try binds.append(response.childID)
            try binds.append(response.occasionID)
            try binds.append(response.informant.rawValue)
            try binds.append(response.instrument.id)
            try binds.append(response.instrument.version)
            try response.date.bind(into: &binds)
            try binds.append(response.storedAnswers)
            try binds.append(response.batchID)
            try binds.append(response.scoringID)
        }
        var scores: [(Int64, ComputedScore)] = []
        scores.reserveCapacity(writes.scoreCount)
        for entry in writes.responses { for score in entry.scores { scores.append((entry.id, score)) } }
        try insertRows("score", ["response_id", "score_id", "variable", "value", "bands"], scores) {
            (entry: (Int64, ComputedScore), binds: inout PostgresBindings) in
            let (responseID, score) = entry
            try binds.append(responseID)
            try binds.append(score.id)
            try binds.append(score.variable)
            try score.value.bind(into: &binds)
            try score.bands.bind(into: &binds)
        }
        try insertRows("import_reject", ["batch_id", "row_number", "line_number", "column_name", "value", "reason"],
                       writes.rejects) { (entry: (ImportReject, Int64), binds: inout PostgresBindings) in
            let (rejection, batchID) = entry
            try binds.append(batchID)
            try binds.append(Int64(rejection.row))
            try binds.append(Int64(rejection.line))
            try binds.append(rejection.column)
            try rejection.value.bind(into: &binds)
            try binds.append(rejection.reason)
        }
    }

    /// `INSERT INTO table (columns) VALUES (…), (…), …` for `rows`, in statements of at most
    /// 60,000 values (PostgreSQL takes 65,535 binds per statement).
    private func insertRows<Row>(_ table: String, _ columns: [String], _ rows: [Row],
                                 bind: (Row, inout PostgresBindings) throws -> Void) throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 60_000 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            var binds = PostgresBindings(capacity: (end - start) * columns.count)
            var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            sql.reserveCapacity(40 + (end - start) * columns.count * 7)
            var parameter = 0
            for index in start..<end {
                if index > start { sql += ", " }
                sql += "("
                for column in 0..<columns.count {
                    parameter += 1
                    sql += column == 0 ? "$\(parameter)" : ", $\(parameter)"
                }
                sql += ")"
                try bind(rows[index], &binds)
            }
            try connection.query(sql, binds)
            start = end
        }
    }

    /// Scores as a JSON array of objects (the rescoring writes a response's scores with it); a
    /// value that JSON cannot carry (not finite) is refused.
    static func json(_ scores: [ComputedScore]) throws -> String {
        var parts: [String] = []
        for score in scores {
            var value = "null"
            if let number = score.value {
                guard number.isFinite else { throw StoreError.database("score \(score.id) is not a finite number") }
                value = "\(number)"
            }
            parts.append("{\"score_id\":\(AnswerCoding.quoted(score.id)),\"variable\":\(AnswerCoding.quoted(score.variable)),"
                         + "\"value\":\(value),\"bands\":\(score.bands.map(AnswerCoding.quoted) ?? "null")}")
        }
        return "[" + parts.joined(separator: ",") + "]"
    }

    // MARK: - Trivselsmåling figures

    package func storedTrivselFigure(for key: TrivselFigureKey) throws -> StoredTrivselFigure? {
        guard let row = try connection.query("""
            SELECT f.id, f.grade, f.school_year, f.indicator, f.mean, f.pupils, f.share_gt3, f.share_gt4, f.line_number, b.file_name
            FROM trivsel_figure f JOIN import_batch b ON b.id = f.batch_id
            WHERE f.school_id = $1 AND f.grade_key = $2 AND f.school_year IS NOT DISTINCT FROM $3::bigint AND f.indicator = $4
            """, [key.schoolID, key.gradeKey, key.schoolYear, key.indicator]).first else { return nil }
        let (id, grade, year, indicator, mean, pupils, gt3, gt4, line, fileName) =
            try row.decode((Int64, String?, Int?, String, Double?, Int?, Double?, Double?, Int, String).self)
        return StoredTrivselFigure(id: id, grade: grade, schoolYear: year, indicator: indicator, mean: mean, pupils: pupils,
                                   shareGt3: gt3, shareGt4: gt4, line: line, fileName: fileName)
    }

    package func deleteTrivselFigure(id: Int64) throws {
        try connection.query("DELETE FROM trivsel_figure WHERE id = $1", [id])
    }

    package func insertTrivselFigure(_ figure: NewTrivselFigure) throws {
        try connection.query("""
            INSERT INTO trivsel_figure (batch_id, school_id, grade, grade_key, school_year, indicator, mean, pupils,
              share_gt3, share_gt4, row_number, line_number)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """, [figure.batchID, figure.key.schoolID, figure.grade, figure.key.gradeKey, figure.key.schoolYear,
                  figure.key.indicator, figure.mean, figure.pupils, figure.shareGt3, figure.shareGt4, figure.row, figure.line])
    }

    // MARK: - Helpers

    private func id(_ rows: [PostgresRow]) throws -> Int64 {
        guard let row = rows.first else { throw StoreError.database("an insert returned no id") }
        return try row.decode(Int64.self)
    }

    private func optionalID(_ rows: [PostgresRow]) throws -> Int64? {
        try rows.first?.decode(Int64.self)
    }
}
