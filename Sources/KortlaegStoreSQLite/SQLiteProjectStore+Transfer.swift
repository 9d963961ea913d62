import Foundation
import GRDB
import KortlaegStore

/// Copying a whole project into or out of a SQLite file (`kortlaeg store copy`).
extension SQLiteProjectStore: TransferSource {
    package func transferRows(_ body: (TransferTable, [TransferValue]) throws -> Void) throws -> [TransferTable: Int] {
        try wrap {
            try dbQueue.read { db in
                var counts: [TransferTable: Int] = [:]
                // Short answers (``AnswerLayout``) leave as JSON: the layouts stay behind with
                // this store's scoring rows, and every store reads JSON.
                let layouts = try ShortFormLayouts(db)
                let answersColumn = TransferTable.response.columns.firstIndex(of: "answers")!
                let scoringColumn = TransferTable.response.columns.firstIndex(of: "scoringId")!
                for table in TransferTable.allCases {
                    if table == .score {
                        counts[table] = try Self.transferScores(db, layouts: layouts, body)
                        continue
                    }
                    let order = table.keyColumns.map { "\"\($0)\"" }.joined(separator: ", ")
                    let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                    let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table.rawValue) ORDER BY \(order)")
                    var count = 0
                    while let row = try rows.next() {
                        var values = (0..<row.count).map { Self.transferValue(row[$0] as DatabaseValue) }
                        if table == .response, case let .text(answers) = values[answersColumn], AnswerLayout.isShort(answers) {
                            let scoringID: Int64 = row[scoringColumn]
                            do {
                                values[answersColumn] = .text(AnswerCoding.encode(try AnswerCoding.decode(answers, layout: layouts.answers(scoringID))))
                            } catch {
                                throw StoreError.database("stored response \(row[0] as Int64) cannot be decoded: \(error)")
                            }
                        }
                        try body(table, values)
                        count += 1
                    }
                    counts[table] = count
                }
                return counts
            }
        }
    }

    package func transferCounts() throws -> [TransferTable: Int] {
        try wrap {
            try dbQueue.read { db in
                var counts: [TransferTable: Int] = [:]
                for table in TransferTable.allCases {
                    counts[table] = table == .score
                        ? try Self.scoreCount(db)
                        : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.rawValue)") ?? 0
                }
                return counts
            }
        }
    }

    /// Creates a new project file holding every row of `source` (ids, key, batches, audit log), in
    /// one transaction. Refuses to overwrite anything.
    package static func create(at path: String, copying source: any TransferSource) throws -> SQLiteProjectStore {
        for suffix in ["", "-journal", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            throw StoreError.alreadyExists(path: path + suffix)
        }
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try StoreMigrations.migrator.migrate(queue)
            try queue.inTransaction { db in
                var statements: [TransferTable: Statement] = [:]
                // The score rows of one response, gathered into its row's `scores` (schema v8).
                let updateScores = try db.makeStatement(sql: "UPDATE response SET scores = ? WHERE id = ?")
                var scoresOf: (response: Int64, scores: [ComputedScore])?
                func flushScores() throws {
                    guard let pending = scoresOf else { return }
                    try updateScores.execute(arguments: [ScoreCoding.encode(pending.scores), pending.response])
                    scoresOf = nil
                }
                try source.transferRows { table, values in
                    if table == .score {
                        let score = try Self.score(values)
                        if let pending = scoresOf, pending.response == score.response {
                            scoresOf?.scores.append(score.score)
                        } else {
                            try flushScores()
                            scoresOf = (score.response, [score.score])
                        }
                        return
                    }
                    try flushScores()
                    if statements[table] == nil {
                        var columns = table.columns.map { "\"\($0)\"" }
                        var placeholders = Array(repeating: "?", count: columns.count)
                        if table == .project {
                            columns.insert("id", at: 0)
                            placeholders.insert("1", at: 0)
                        }
                        statements[table] = try db.makeStatement(sql: """
                            INSERT INTO \(table.rawValue) (\(columns.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))
                            """)
                    }
                    try statements[table]!.execute(arguments: StatementArguments(values.map(Self.databaseValue)))
                }
                try flushScores()
                return .commit
            }
        } catch {
            // Nothing half-made stays behind.
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            if let error = error as? DatabaseError { throw StoreError.database(error.description) }
            throw error
        }
        return try open(at: path)
    }

    /// Every response's scores as `score` rows (``TransferTable/columns`` order), by response id
    /// and score id; the number of rows.
    private static func transferScores(_ db: Database, layouts: ShortFormLayouts,
                                       _ body: (TransferTable, [TransferValue]) throws -> Void) throws -> Int {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, scores, scoringId FROM response ORDER BY id")
        var decoder = ScoreDecoder()
        var count = 0
        while let row = try rows.next() {
            let responseID: Int64 = row[0]
            let scores: [ComputedScore]
            do {
                scores = try decoder.decode(row[1] as String, layout: layouts.scores(row[2]))
            } catch {
                throw StoreError.database("stored response \(responseID) cannot be decoded: \(error)")
            }
            for score in scores {
                try body(.score, [.integer(responseID), .text(score.id), .text(score.variable),
                                  score.value.map(TransferValue.real) ?? .null, score.bands.map(TransferValue.text) ?? .null])
                count += 1
            }
        }
        return count
    }

    /// A transferred `score` row as its response id and score.
    private static func score(_ values: [TransferValue]) throws -> (response: Int64, score: ComputedScore) {
        func text(_ value: TransferValue) -> String? {
            if case let .text(text) = value { return text }
            return nil
        }
        func number(_ value: TransferValue) -> Double? {
            switch value {
            case let .real(number): number
            case let .integer(number): Double(number)
            default: nil
            }
        }
        guard values.count == 5, case let .integer(response) = values[0], let id = text(values[1]),
              let variable = text(values[2]) else {
            throw StoreError.database("a copied score row is not (response, score id, variable, value, bands)")
        }
        return (response, ComputedScore(id: id, variable: variable, value: number(values[3]), bands: text(values[4])))
    }

    static func transferValue(_ value: DatabaseValue) -> TransferValue {
        switch value.storage {
        case .null: .null
        case let .int64(number): .integer(number)
        case let .double(number): .real(number)
        case let .string(text): .text(text)
        case let .blob(data): .blob(Array(data))
        }
    }

    static func databaseValue(_ value: TransferValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case let .integer(number): number.databaseValue
        case let .real(number): number.databaseValue
        case let .text(text): text.databaseValue
        case let .blob(bytes): Data(bytes).databaseValue
        case let .boolean(flag): (flag ? 1 : 0).databaseValue
        }
    }
}
