import Foundation
import KortlaegStore
import PostgresNIO

/// Copying a whole project into or out of PostgreSQL (`kortlaeg store copy`).
extension PostgresProjectStore: TransferSource {
    /// The PostgreSQL table of a transfer table.
    static func tableName(_ table: TransferTable) -> String {
        snakeCase(table.rawValue)
    }

    /// The PostgreSQL column of a canonical column (``PostgresMigrations`` explains the renames).
    static func columnName(_ column: String) -> String {
        switch column {
        case "row": "row_number"
        case "line": "line_number"
        case "column": "column_name"
        case "operator": "operator_name"
        case "pseudonymKey": "wrapped_key"
        case "shareGt3": "share_gt3"
        case "shareGt4": "share_gt4"
        default: snakeCase(column)
        }
    }

    private static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func order(_ table: TransferTable) -> String {
        table.keyColumns.map { column in
            let name = columnName(column)
            // Text keys in byte order, as SQLite sorts them.
            return ["id", "responseId"].contains(column) ? name : name + " COLLATE \"C\""
        }.joined(separator: ", ")
    }

    package func transferRows(_ body: (TransferTable, [TransferValue]) throws -> Void) throws -> [TransferTable: Int] {
        try inSnapshot {
            var counts: [TransferTable: Int] = [:]
            for table in TransferTable.allCases {
                let columns = table.columns.map(Self.columnName).joined(separator: ", ")
                try connection.query("DECLARE transfer NO SCROLL CURSOR FOR SELECT \(columns) FROM \(Self.tableName(table)) ORDER BY \(Self.order(table))")
                var count = 0
                while true {
                    let rows = try connection.query("FETCH 1000 FROM transfer")
                    if rows.isEmpty { break }
                    for row in rows {
                        var values = try row.map(Self.transferValue)
                        if table == .project { values[3] = .blob(Array(projectKey)) }
                        try body(table, values)
                        count += 1
                    }
                }
                try connection.query("CLOSE transfer")
                counts[table] = count
            }
            return counts
        }
    }

    package func transferCounts() throws -> [TransferTable: Int] {
        try inSnapshot {
            var counts: [TransferTable: Int] = [:]
            for table in TransferTable.allCases {
                counts[table] = try connection.query("SELECT count(*) FROM \(Self.tableName(table))").first!.decode(Int.self)
            }
            return counts
        }
    }

    /// Creates the project named by `address` holding every row of `source` (ids, key, batches,
    /// audit log) in one transaction; the key is wrapped by the server key as for a new project.
    /// - Returns: the open store and whether the key file was created.
    package static func create(_ address: PostgresAddress, copying source: any TransferSource, keyFile: String,
                               environment: [String: String]) throws -> (store: PostgresProjectStore, createdKeyFile: Bool) {
        let connection = try BlockingConnection.connect(try address.connectionConfiguration(environment: environment),
                                                        address: address.description)
        defer { connection.close() }
        var createdKeyFile = false
        do {
            let schema = ProjectName.schema(address.project)
            try connection.query("BEGIN")
            try connection.query("SELECT pg_advisory_xact_lock(\(lockSpace), hashtext($1))", [address.project])
            let exists = try connection.query("SELECT to_regclass($1) IS NOT NULL", ["\(schema).kortlaeg_migrations"])
            if try exists.first?.decode(Bool.self) ?? false { throw StoreError.alreadyExists(path: address.description) }
            createdKeyFile = !FileManager.default.fileExists(atPath: keyFile)
            let serverKey = createdKeyFile ? try ServerKey.create(path: keyFile) : try ServerKey.load(path: keyFile)
            try connection.query("CREATE SCHEMA \(schema)")
            try connection.query("SET LOCAL search_path TO \(schema)")
            try migrate(connection, with: PostgresMigrations.all)

            var pending: (table: TransferTable, rows: [[TransferValue]])?
            func flush() throws {
                guard let batch = pending, !batch.rows.isEmpty else { return }
                var columns = batch.table.columns.map(columnName)
                if batch.table == .project { columns += ["server_key_fingerprint", "id"] }
                var binds = PostgresBindings(capacity: batch.rows.count * columns.count)
                var tuples: [String] = []
                var index = 0
                for row in batch.rows {
                    var placeholders: [String] = []
                    for (column, value) in zip(columns, row) {
                        index += 1
                        placeholders.append("$\(index)")
                        try bind(value, column: column, into: &binds)
                    }
                    if batch.table == .project {
                        index += 1
                        placeholders.append("$\(index)")
                        try binds.append(serverKey.fingerprint)
                        placeholders.append("1")
                    }
                    tuples.append("(" + placeholders.joined(separator: ", ") + ")")
                }
                try connection.query("INSERT INTO \(tableName(batch.table)) (\(columns.joined(separator: ", "))) VALUES "
                                     + tuples.joined(separator: ", "), binds)
                pending = nil
            }
            try source.transferRows { table, values in
                if pending?.table != table || pending!.rows.count >= 500 { try flush() }
                var values = values
                if table == .project {
                    guard case let .blob(key) = values[3], key.count == 32 else {
                        throw StoreError.database("the source project has no pseudonymisation key")
                    }
                    values[3] = .blob(Array(try serverKey.wrap(Data(key), project: address.project)))
                }
                if pending == nil { pending = (table, []) }
                pending!.rows.append(values)
            }
            try flush()
            for table in TransferTable.allCases where table.hasGeneratedID {
                let name = tableName(table)
                try connection.query("SELECT setval(pg_get_serial_sequence('\(name)', 'id'), coalesce(max(id), 0) + 1, false) FROM \(name)")
            }
            try connection.query("COMMIT")
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw storeError(error)
        }
        return (try open(address, keyFile: keyFile, environment: environment), createdKeyFile)
    }

    /// Binds a transferred value to a column of PostgreSQL's type (SQLite keeps booleans as 0/1).
    private static func bind(_ value: TransferValue, column: String, into binds: inout PostgresBindings) throws {
        switch value {
        case .null: binds.appendNull()
        case let .integer(number) where column == "include_unverified": try binds.append(number != 0)
        case let .integer(number): try binds.append(number)
        case let .real(number): try binds.append(number)
        case let .text(text): try binds.append(text)
        case let .blob(bytes): try binds.append(ByteBuffer(bytes: bytes))
        case let .boolean(flag): try binds.append(flag)
        }
    }

    private static func transferValue(_ cell: PostgresCell) throws -> TransferValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8, .int4, .int2: return .integer(try cell.decode(Int64.self))
        case .float8, .float4: return .real(try cell.decode(Double.self))
        case .bool: return .boolean(try cell.decode(Bool.self))
        case .bytea: return .blob(Array(try cell.decode(ByteBuffer.self).readableBytesView))
        default: return .text(try cell.decode(String.self))
        }
    }
}
