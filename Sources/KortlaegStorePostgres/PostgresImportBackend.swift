import Foundation
import KortlaegDomain
import KortlaegStore
import PostgresNIO

/// The import primitives over one PostgreSQL transaction; the rules in KortlaegStore drive them.
/// It finds, inserts, updates and deletes rows, and decides nothing.
package struct PostgresImportBackend: ImportBackend {
    let connection: BlockingConnection

    // MARK: - The batch

    package func previousImport(sha256: String) throws -> PreviousImport? {
        try connection.query("SELECT file_name, imported_at FROM import_batch WHERE sha256 = $1 AND removed_at IS NULL", [sha256]).first.map {
            let (fileName, importedAt) = try $0.decode((String, String).self)
            return PreviousImport(fileName: fileName, importedAt: importedAt)
        }
    }

    package func insertBatch(_ batch: NewImportBatch) throws -> Int64 {
        try id(connection.query("""
            INSERT INTO import_batch (file_name, sha256, profile, imported_at, operator_name) VALUES ($1, $2, $3, $4, $5)
            RETURNING id
            """, [batch.fileName, batch.sha256, batch.profile, batch.importedAt, batch.operator]))
    }

    package func finishBatch(id: Int64, profile: String, accepted: Int, rejected: Int, replaced: Int) throws {
        try connection.query("UPDATE import_batch SET profile = $1, accepted = $2, rejected = $3, replaced = $4 WHERE id = $5",
                             [profile, accepted, rejected, replaced, id])
    }

    package func insertReject(_ rejection: ImportReject, batchID: Int64) throws {
        try connection.query("""
            INSERT INTO import_reject (batch_id, row_number, line_number, column_name, value, reason) VALUES ($1, $2, $3, $4, $5, $6)
            """, [batchID, rejection.row, rejection.line, rejection.column, rejection.value, rejection.reason])
    }

    package func insertAudit(_ entry: NewAuditEntry) throws {
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
        try optionalID(connection.query("SELECT id FROM child WHERE pseudonym = $1", [pseudonym]))
    }

    package func child(pseudonym: String) throws -> StoredChild? {
        guard let row = try connection.query("""
            SELECT id, class_id, birth_year, birth_month, sex, site FROM child WHERE pseudonym = $1
            """, [pseudonym]).first else { return nil }
        let (id, classID, year, month, sex, site) = try row.decode((Int64, Int64?, Int?, Int?, String?, String?).self)
        var child = StoredChild(id: id, pseudonym: pseudonym, classID: classID, birthYear: year, birthMonth: month, sex: sex)
        child.site = site
        return child
    }

    package func insertChild(_ child: StoredChild) throws -> Int64 {
        try id(connection.query("""
            INSERT INTO child (pseudonym, class_id, birth_year, birth_month, sex, site) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """, [child.pseudonym, child.classID, child.birthYear, child.birthMonth, child.sex, child.site]))
    }

    package func updateChild(_ child: StoredChild) throws {
        try connection.query("UPDATE child SET class_id = $1, birth_year = $2, birth_month = $3, sex = $4 WHERE id = $5",
                             [child.classID, child.birthYear, child.birthMonth, child.sex, child.id])
    }

    // MARK: - Responses

    package func storedResponse(for key: ResponseKey) throws -> StoredResponseReference? {
        guard let row = try connection.query("""
            SELECT r.id, r.batch_id, b.file_name FROM response r JOIN import_batch b ON b.id = r.batch_id
            WHERE r.child_id = $1 AND r.occasion_id = $2 AND r.informant = $3 AND r.instrument_id = $4
            """, [key.childID, key.occasionID, key.informant.rawValue, key.instrumentID]).first else { return nil }
        let (id, batchID, fileName) = try row.decode((Int64, Int64, String).self)
        return StoredResponseReference(id: id, batchID: batchID, fileName: fileName)
    }

    package func responseForAudit(id: Int64) throws -> ReplacedResponse? {
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
        let answers: [String: AnswerValue]
        do {
            answers = try AnswerCoding.decode(answersText)
        } catch {
            throw StoreError.database("stored response \(id) cannot be decoded: \(error)")
        }
        return ReplacedResponse(informant: informant, instrument: InstrumentReference(id: instrumentID, version: version),
                                date: date, answers: answers, fileName: fileName, scores: scores)
    }

    package func deleteResponse(id: Int64) throws {
        try connection.query("DELETE FROM response WHERE id = $1", [id])
    }

    /// The response and its scores in one statement (one round trip): the scores travel as a JSON
    /// array that `json_to_recordset` turns into rows.
    package func insertResponse(_ response: NewResponse, scores: [ComputedScore]) throws {
        try connection.query("""
            WITH r AS (
              INSERT INTO response (child_id, occasion_id, informant, instrument_id, instrument_version, date, answers, batch_id, scoring_id)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id)
            INSERT INTO score (response_id, score_id, variable, value, bands)
            SELECT r.id, s.score_id, s.variable, s.value, s.bands
            FROM r, json_to_recordset($10::json) AS s(score_id text, variable text, value double precision, bands text)
            """, [response.childID, response.occasionID, response.informant.rawValue, response.instrument.id,
                  response.instrument.version, response.date, AnswerCoding.encode(response.answers, missingReasons: response.missingReasons), response.batchID,
                  response.scoringID, try Self.json(scores)])
    }

    /// Scores as a JSON array of objects; a value that JSON cannot carry (not finite) is refused.
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
