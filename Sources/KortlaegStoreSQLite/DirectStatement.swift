import GRDB
import GRDBSQLite

/// A statement GRDB prepared, bound and stepped through SQLite's C API: the import's inserts
/// of responses, scores and children, a few million a file. GRDB's `StatementArguments` turn
/// every value into a `DatabaseValue` and check the count before binding, which cost a fifth of
/// the storing thread's time; here each value is bound as it is (GRDB's own `bind(to:at:)`, so
/// texts are stored exactly as through GRDB).
///
/// A step that fails is run once more through GRDB with the same arguments, so that GRDB's
/// error (`DatabaseError`, which the store turns into ``StoreError``) and its bookkeeping of the
/// transaction apply as for any other statement. When SQLite has already rolled the transaction
/// back (a full disk may), the error is thrown without a second run, so that nothing is ever
/// written outside the file's transaction.
struct DirectStatement {
    let statement: Statement
    private let handle: SQLiteStatement

    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
    }

    func bind(_ value: Int64, at index: Int32) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ value: Int64?, at index: Int32) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ value: Int?, at index: Int32) {
        bind(value.map(Int64.init), at: index)
    }

    func bind(_ value: Double?, at index: Int32) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ value: String?, at index: Int32) {
        if let value { _ = value.bind(to: handle, at: index) } else { sqlite3_bind_null(handle, index) }
    }

    /// Runs the bound statement, which returns no rows.
    /// - Parameter arguments: the same values as GRDB arguments, for the run after a failure.
    func execute(in db: Database, arguments: () -> StatementArguments) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code != SQLITE_DONE else { return }
        try fail(code, in: db, arguments: arguments) { try statement.execute(arguments: $0) }
    }

    /// Runs the bound statement and returns the first column of its first row as an integer,
    /// nil when it returns no row (`SELECT id FROM … WHERE …`).
    func fetchInt64(in db: Database, arguments: () -> StatementArguments) throws -> Int64? {
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        switch code {
        case SQLITE_ROW: return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        default:
            sqlite3_reset(handle)
            var result: Int64?
            try fail(code, in: db, arguments: arguments) { result = try Int64.fetchOne(statement, arguments: $0) }
            return result
        }
    }

    private func fail(_ code: Int32, in db: Database, arguments: () -> StatementArguments,
                      again: (StatementArguments) throws -> Void) throws {
        guard db.isInsideTransaction else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) },
                                sql: statement.sql)
        }
        try again(arguments())
    }
}
