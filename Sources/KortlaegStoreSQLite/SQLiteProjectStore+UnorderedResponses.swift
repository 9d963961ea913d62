import Dispatch
import Foundation
import GRDB
import KortlaegDomain
import KortlaegStore

extension SQLiteProjectStore {
    /// The responses in any order (``ResponseQuery/ordered`` false: an export, which sorts by its
    /// own pseudonyms), read as fast as SQLite gives them: occasions, scorings, classes and the
    /// admitted children once each, then one pass over `response` by id, stepped through SQLite's
    /// C API (``ColumnReader``) with each row's scores decoded from its bytes (``ScoreDecoder``) —
    /// no join per response, no `Row`, one string per distinct occasion, score id or band text.
    /// The same responses and scores as the ordered read (the store contract checks it).
    ///
    /// A project file is read on two cores: this connection reads the first ids and hands them
    /// on while a second, read-only connection reads the rest into memory. Both read the same
    /// commit: the second starts its read while this one holds the write lock, which it takes
    /// only if nobody is writing (then, and for an in-memory or read-only store, one connection
    /// reads everything — a reader never waits for a writer).
    /// - Returns: whether two connections read (for tests).
    @discardableResult
    func unorderedResponses(_ query: ResponseQuery, _ body: (StoredResponse) throws -> Void) throws -> Bool {
        if let path, let second = try? DatabaseQueue(path: path, configuration: Self.readerConfiguration()) {
            let split: Bool = try dbQueue.writeWithoutTransaction { db in
                // Not waiting: a busy project (an import running) or a read-only file is read by one connection.
                try db.execute(sql: "PRAGMA busy_timeout = 0")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Self.lockTimeoutSeconds * 1000)") }
                do {
                    try db.execute(sql: "BEGIN IMMEDIATE")
                } catch {
                    return false
                }
                do {
                    try readSplit(query, in: db, second: second, body)
                    try db.execute(sql: "COMMIT")
                } catch {
                    try? db.execute(sql: "ROLLBACK")
                    throw error
                }
                return true
            }
            if split { return true }
        }
        try dbQueue.read { db in
            let lookups = try ResponseLookups(query, in: db)
            try Self.readResponses(query, in: db, lookups: lookups, ids: nil, body)
        }
        return false
    }

    /// The split read inside this connection's write transaction: the second connection takes
    /// the ids above `cut` (its share is larger: this thread also runs `body` for every response).
    private func readSplit(_ query: ResponseQuery, in db: Database, second: DatabaseQueue,
                           _ body: (StoredResponse) throws -> Void) throws {
        let lookups = try ResponseLookups(query, in: db)
        let range = try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM response")
        guard let low: Int64 = range?[0], let high: Int64 = range?[1], high > low else {
            return try Self.readResponses(query, in: db, lookups: lookups, ids: nil, body)
        }
        let cut = low + (high - low) * 2 / 5
        let started = DispatchSemaphore(value: 0)
        let rest = ConcurrentResults<Result<[StoredResponse], any Error>>(count: 1)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            var signalled = false
            rest.set(0, Result {
                defer { if !signalled { started.signal() } }
                return try second.read { db in
                    var gathered: [StoredResponse] = []
                    // The read transaction's snapshot is taken by its first statement.
                    _ = try Int64.fetchOne(db, sql: "SELECT count(*) FROM occasion")
                    started.signal()
                    signalled = true
                    try Self.readResponses(query, in: db, lookups: lookups, ids: (cut + 1)...high) { gathered.append($0) }
                    return gathered
                }
            })
        }
        // Until the second connection has begun, this one keeps the write lock (no commit between them).
        defer { group.wait() }
        started.wait()
        try Self.readResponses(query, in: db, lookups: lookups, ids: low...cut, body)
        group.wait()
        for response in try rest.values[0].get() { try body(response) }
    }

    /// The responses with ids in `ids` (nil: all), with their scores, in id order.
    private static func readResponses(_ query: ResponseQuery, in db: Database, lookups: ResponseLookups,
                                      ids: ClosedRange<Int64>?, _ body: (StoredResponse) throws -> Void) throws {
        var filter = ResponseFilter()
        if let ids { filter.add("id BETWEEN ? AND ?", [ids.lowerBound, ids.upperBound]) }
        filter.addResponseFilters(query, prefix: "")
        let responseStatement = try db.makeStatement(sql: """
            SELECT id, childId, occasionId, date, informant, instrumentId, instrumentVersion, \(query.includeAnswers ? "answers" : "NULL"), scoringId, scores
            FROM response\(filter.whereClause) ORDER BY id
            """)
        try responseStatement.setArguments(filter.arguments)
        var responses = ColumnReader(responseStatement)
        var scoreDecoder = ScoreDecoder()
        while try responses.step(in: db) {
            let responseID = responses.int64(0)
            guard let scoring = lookups.scorings[responses.int64(8)] else {
                throw StoreError.database("stored response \(responseID) has no scoring")
            }
            let stored: [StoredScore]
            do {
                stored = try scoreDecoder.decode(responses.bytes(9), layout: scoring.scoreLayout) {
                    StoredScore(id: $0, variable: $1, value: $2, bands: $3)
                }
            } catch {
                throw StoreError.database("stored response \(responseID) cannot be decoded: \(error)")
            }
            guard let child = lookups.children[responses.int64(1)] else {
                if lookups.filtersChildren { continue }
                throw StoreError.database("stored response \(responseID) has no child")
            }
            guard let occasion = lookups.occasions[responses.int64(2)],
                  let informant = responses.repeatedText(4).flatMap(Informant.init(rawValue:)) else {
                throw StoreError.database("stored response \(responseID) has an unknown occasion or informant")
            }
            let answers: [String: AnswerValue]
            let reasons: [String: String]
            do {
                let text = query.includeAnswers ? responses.text(7) ?? "{}" : "{}"
                answers = query.includeAnswers ? try AnswerCoding.decode(text, layout: scoring.layout) : [:]
                reasons = query.includeAnswers ? try AnswerCoding.decodeMissingReasons(text) : [:]
            } catch {
                throw StoreError.database("stored response \(responseID) cannot be decoded: \(error)")
            }
            var response = StoredResponse(
                child: child.pseudonym, attributes: child.attributes, occasion: occasion, date: responses.repeatedText(3),
                informant: informant,
                instrument: InstrumentReference(id: responses.repeatedText(5) ?? "", version: responses.repeatedText(6) ?? ""),
                answers: answers, scores: stored, ruleChoices: scoring.choices, includeUnverified: scoring.includeUnverified)
            response.missingReasons = reasons
            try body(response)
        }
    }
}

/// What every response of an unordered read refers to, read once: occasions, scorings (rule
/// choices decoded), classes with their schools, and the children the query admits.
private struct ResponseLookups: Sendable {
    var occasions: RowIDTable<Occasion>
    var scorings: RowIDTable<(choices: [String: String], includeUnverified: Bool, layout: AnswerLayout?, scoreLayout: ScoreLayout?)>
    var children: RowIDTable<(pseudonym: String, attributes: ChildAttributes)>
    /// Whether the query admits only some children (a response of another child is skipped).
    var filtersChildren: Bool

    init(_ query: ResponseQuery, in db: Database) throws {
        occasions = RowIDTable(try Row.fetchAll(db, sql: "SELECT id, code FROM occasion").map { row throws -> (Int64, Occasion) in
            let code: String = row[1]
            guard let occasion = Occasion(code) else { throw StoreError.database("stored occasion '\(code)' is unknown") }
            return (row[0], occasion)
        })
        scorings = RowIDTable(try Row.fetchAll(db, sql: "SELECT id, ruleChoices, includeUnverified, answerItems, scoreItems FROM scoring")
            .map { row throws -> (Int64, (choices: [String: String], includeUnverified: Bool, layout: AnswerLayout?, scoreLayout: ScoreLayout?)) in
                let text: String = row[1]
                do {
                    return (row[0], (try JSONDecoder().decode([String: String].self, from: Data(text.utf8)), row[2],
                                     AnswerLayout(stored: row[3]), ScoreLayout(stored: row[4])))
                } catch {
                    throw StoreError.database("stored scoring \(row[0] as Int64) cannot be decoded: \(error)")
                }
            })
        let classes = RowIDTable(try Row.fetchAll(db, sql: "SELECT k.id, k.name, sc.name FROM schoolClass k LEFT JOIN school sc ON sc.id = k.schoolId")
            .map { row -> (Int64, (name: String, school: String?)) in (row[0], (row[1], row[2])) })

        var filter = ResponseFilter()
        filter.addChildFilters(query, prefix: "")
        let statement = try db.makeStatement(sql: "SELECT id, pseudonym, classId, birthYear, birthMonth, sex, site FROM child" + filter.whereClause)
        try statement.setArguments(filter.arguments)
        var reader = ColumnReader(statement)
        var entries: [(id: Int64, value: (pseudonym: String, attributes: ChildAttributes))] = []
        while try reader.step(in: db) {
            let `class` = reader.isNull(2) ? nil : classes[reader.int64(2)]
            entries.append((reader.int64(0), (
                reader.text(1) ?? "",
                ChildAttributes(className: `class`?.name, school: `class`?.school,
                                birthYear: reader.optionalInt(3), birthMonth: reader.optionalInt(4),
                                sex: reader.repeatedText(5), site: reader.repeatedText(6)))))
        }
        children = RowIDTable(entries)
        filtersChildren = !filter.conditions.isEmpty
    }
}
