import Foundation
import GRDB
import KortlaegStore

/// Copying a whole project into or out of a SQLite file (`kortlaeg store copy`).
extension SQLiteProjectStore: TransferSource {
    package func transferRows(_ body: (TransferTable, [TransferValue]) throws -> Void) throws -> [TransferTable: Int] {
        try wrap {
            try dbQueue.read { db in
                var counts: [TransferTable: Int] = [:]
                for table in TransferTable.allCases {
                    let order = table.keyColumns.map { "\"\($0)\"" }.joined(separator: ", ")
                    let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                    let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table.rawValue) ORDER BY \(order)")
                    var count = 0
                    while let row = try rows.next() {
                        try body(table, (0..<row.count).map { Self.transferValue(row[$0] as DatabaseValue) })
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
                    counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.rawValue)") ?? 0
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
                try source.transferRows { table, values in
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
