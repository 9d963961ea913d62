import Foundation
import KortlaegStore
import Logging
import PostgresNIO

/// One PostgreSQL connection used synchronously: the bridge between the synchronous
/// ``ProjectStore`` protocol and postgres-nio.
///
/// Every call hands a query to postgres-nio's `EventLoopFuture` API and blocks the *calling*
/// thread on `wait()` (a condition lock) until the event loop has the answer. The event loop
/// itself never blocks: it belongs to NIO's shared singleton group, and `wait()` refuses to run on
/// an event-loop thread (NIO traps on it). One connection is used by one operation at a time (the
/// store serialises with a lock), so a transaction is simply the statements sent on it between
/// `BEGIN` and `COMMIT` (docs/decisions/postgres.md).
final class BlockingConnection: @unchecked Sendable {
    private let connection: PostgresConnection
    private let logger: Logger
    /// The address, for messages (never with a password).
    let address: String

    private init(connection: PostgresConnection, logger: Logger, address: String) {
        self.connection = connection
        self.logger = logger
        self.address = address
    }

    /// Connects and authenticates.
    /// - Throws: ``StoreError/database(_:)`` naming the address and the reason.
    static func connect(_ configuration: PostgresConnection.Configuration, address: String) throws -> BlockingConnection {
        var logger = Logger(label: "kortlaeg.postgres")
        logger.logLevel = .critical
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        do {
            let connection = try PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1,
                                                            logger: logger).wait()
            return BlockingConnection(connection: connection, logger: logger, address: address)
        } catch {
            throw StoreError.database("cannot connect to \(address): \(Self.describe(error))")
        }
    }

    /// Runs one statement and collects its rows.
    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait().rows
        } catch {
            throw PostgresStoreFailure(error)
        }
    }

    /// Runs one statement built with `Binds`.
    @discardableResult
    func query(_ sql: String, _ values: [any BindValue]) throws -> [PostgresRow] {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { try value.bind(into: &binds) }
        return try query(sql, binds)
    }

    private let closing = NSLock()
    private var closed = false

    /// Closes the connection (fire and forget: safe from any thread, also from `deinit`). The
    /// completion handler holds the connection until it is closed (postgres-nio asserts that a
    /// connection is closed before it goes away).
    func close() {
        closing.lock()
        let wasClosed = closed
        closed = true
        closing.unlock()
        guard !wasClosed else { return }
        let connection = connection
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    deinit { close() }

    /// A PSQLError's server message and SQL state, or a connection error's reason, without the
    /// query or its values.
    static func describe(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo {
                var text = info[.message] ?? "server error"
                if let state = info[.sqlState] { text += " (SQLSTATE \(state))" }
                return text
            }
            if let underlying = psql.underlying { return "\(psql.code): \(underlying)" }
            return "\(psql.code)"
        }
        return "\(error)"
    }
}

/// An error from the server or the connection, with its SQL state when the server sent one.
struct PostgresStoreFailure: Error, CustomStringConvertible {
    var sqlState: String?
    var description: String

    init(_ error: any Error) {
        if let failure = error as? PostgresStoreFailure {
            self = failure
            return
        }
        sqlState = (error as? PSQLError)?.serverInfo?[.sqlState]
        description = BlockingConnection.describe(error)
    }
}

/// A value for a statement's `$n` placeholder.
protocol BindValue {
    func bind(into binds: inout PostgresBindings) throws
}

extension Int64: BindValue {
    func bind(into binds: inout PostgresBindings) throws { try binds.append(self) }
}

extension Int: BindValue {
    func bind(into binds: inout PostgresBindings) throws { try binds.append(Int64(self)) }
}

extension String: BindValue {
    func bind(into binds: inout PostgresBindings) throws { try binds.append(self) }
}

extension Double: BindValue {
    func bind(into binds: inout PostgresBindings) throws { try binds.append(self) }
}

extension Bool: BindValue {
    func bind(into binds: inout PostgresBindings) throws { try binds.append(self) }
}

extension ByteBuffer: BindValue {
    func bind(into binds: inout PostgresBindings) throws { try binds.append(self) }
}

extension Optional: BindValue where Wrapped: BindValue {
    func bind(into binds: inout PostgresBindings) throws {
        switch self {
        case .none: binds.appendNull()
        case let .some(value): try value.bind(into: &binds)
        }
    }
}
