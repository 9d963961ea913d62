import KortlaegStore
import Foundation
import GRDB
import KortlaegDomain

extension SQLiteProjectStore {
    public func responses(_ query: ResponseQuery, _ body: (StoredResponse) throws -> Void) throws {
        guard query.ordered else {
            try wrap { try unorderedResponses(query, body) }
            return
        }
        var filter = ResponseFilter()
        filter.addChildFilters(query, prefix: "c.")
        filter.addResponseFilters(query, prefix: "r.")
        try wrap {
            try dbQueue.read { db in
                var scoreDecoder = ScoreDecoder()
                let layouts = try ShortFormLayouts(db)
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT r.id AS id, c.pseudonym AS child, k.name AS className, sc.name AS school,
                           c.birthYear AS birthYear, c.birthMonth AS birthMonth, c.sex AS sex, c.site AS site,
                           o.code AS occasion, r.date AS date, r.informant AS informant,
                           r.instrumentId AS instrumentId, r.instrumentVersion AS instrumentVersion,
                           \(query.includeAnswers ? "r.answers" : "NULL") AS answers, s.id AS scoringId, s.includeUnverified AS includeUnverified,
                           r.scores AS scores
                    FROM response r
                    JOIN child c ON c.id = r.childId
                    LEFT JOIN schoolClass k ON k.id = c.classId
                    LEFT JOIN school sc ON sc.id = k.schoolId
                    JOIN occasion o ON o.id = r.occasionId
                    JOIN scoring s ON s.id = r.scoringId
                    \(filter.whereClause)
                    ORDER BY c.pseudonym, o.sequence, r.informant, r.instrumentId
                    """, arguments: filter.arguments)
                // Columns by position (the SELECT's order): a name lookup per column and row is
                // a case-insensitive search; the rule choices of a scoring are decoded once.
                var decodedChoices: [Int64: [String: String]] = [:]  // scoring id → rule choices
                let choicesOf = try db.makeStatement(sql: "SELECT ruleChoices FROM scoring WHERE id = ?")
                while let row = try rows.next() {
                    let responseID: Int64 = row[0]
                    let occasionCode: String = row[8]
                    let informantText: String = row[10]
                    guard let occasion = Occasion(occasionCode), let informant = Informant(rawValue: informantText) else {
                        throw StoreError.database("stored response \(responseID) has an unknown occasion or informant")
                    }
                    let stored: [StoredScore]
                    let answers: [String: AnswerValue]
                    let reasons: [String: String]
                    let choices: [String: String]
                    do {
                        let scoringID: Int64 = row[14]
                        stored = try scoreDecoder.decode(row[16] as String, layout: layouts.scores(scoringID)).map(StoredScore.init)
                        answers = query.includeAnswers ? try AnswerCoding.decode(row[13], layout: layouts.answers(scoringID)) : [:]
                        reasons = query.includeAnswers ? try AnswerCoding.decodeMissingReasons(row[13]) : [:]
                        if let known = decodedChoices[scoringID] {
                            choices = known
                        } else {
                            // Read once per scoring (a project has a handful), not as a text per response.
                            let choicesText = try String.fetchOne(choicesOf, arguments: [scoringID]) ?? "{}"
                            choices = try JSONDecoder().decode([String: String].self, from: Data(choicesText.utf8))
                            decodedChoices[scoringID] = choices
                        }
                    } catch {
                        throw StoreError.database("stored response \(responseID) cannot be decoded: \(error)")
                    }
                    var response = StoredResponse(
                        child: row[1],
                        attributes: ChildAttributes(className: row[2], school: row[3],
                                                    birthYear: row[4], birthMonth: row[5], sex: row[6],
                                                    site: row[7]),
                        occasion: occasion, date: row[9], informant: informant,
                        instrument: InstrumentReference(id: row[11], version: row[12]),
                        answers: answers,
                        scores: stored,
                        ruleChoices: choices, includeUnverified: row[15])
                    response.missingReasons = reasons
                    try body(response)
                }
            }
        }
    }

    public func recordAudit(action: AuditAction, summary: String, detail: String?, operator: String) throws {
        try AuditText.check(summary: summary, detail: detail)
        try wrap {
            try dbQueue.write { db in
                try db.execute(sql: "INSERT INTO auditLog (at, operator, action, summary, detail) VALUES (?, ?, ?, ?, ?)",
                               arguments: [Self.timestamp(), `operator`, action.rawValue, summary, detail])
            }
        }
    }
}
