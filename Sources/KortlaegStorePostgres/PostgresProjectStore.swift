import Foundation
import KortlaegDomain
import KortlaegStore
import PostgresNIO

/// The shared project store of a municipality: one project (one schema, `kortlaeg_NAME`) in a
/// PostgreSQL database that several people import into and read at the same time.
///
/// It behaves as the SQLite store does (the same import rules drive it through
/// ``PostgresImportBackend``; ``ProjectStoreContract`` is run against it). What differs:
/// - imports of the same project are serialised by a transaction-scoped advisory lock: a second
///   importer waits, then sees the first one's rows (a conflict between them is an ordinary
///   conflict); readers use REPEATABLE READ snapshots and never wait;
/// - the pseudonymisation key is stored wrapped by the server key (``ServerKey``).
///
/// One store holds one connection and uses it from one thread at a time.
public final class PostgresProjectStore: ProjectStore, @unchecked Sendable {
    let connection: BlockingConnection
    /// The project's address (never with a password).
    public let address: PostgresAddress
    let pseudonymizer: Pseudonymizer
    /// The raw pseudonymisation key (in memory only; for `store copy`).
    let projectKey: Data
    /// Serialises the use of the one connection.
    let lock = NSRecursiveLock()
    /// How many read snapshots are open (a body called from ``responses(_:_:)`` may read again).
    var readDepth = 0
    /// Numbers the server-side cursors of nested reads.
    var cursorSerial = 0

    /// The advisory-lock space of Kortlæg (the second key is the project name's hash).
    static let lockSpace = 19_276

    private init(connection: BlockingConnection, address: PostgresAddress, key: Data) {
        self.connection = connection
        self.address = address
        self.pseudonymizer = Pseudonymizer(key: key)
        self.projectKey = key
    }

    deinit { connection.close() }

    // MARK: - Creating and opening

    /// Creates the project named by `address` in its database: the schema through the migrations,
    /// a fresh pseudonymisation key wrapped by the server key, the `create` audit entry. When the
    /// key file does not exist yet it is created (the first project of a database).
    /// - Returns: the open store and whether the key file was created.
    /// - Throws: ``StoreError/alreadyExists(path:)`` when the project exists; ``StoreError/database(_:)``.
    public static func create(_ address: PostgresAddress, project: ProjectInfo, operator: String, keyFile: String,
                              environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> (store: PostgresProjectStore, createdKeyFile: Bool) {
        let connection = try BlockingConnection.connect(try address.connectionConfiguration(environment: environment),
                                                        address: address.description)
        do {
            let schema = ProjectName.schema(address.project)
            try connection.query("BEGIN")
            try connection.query("SELECT pg_advisory_xact_lock(\(lockSpace), hashtext($1))", [address.project])
            if try schemaExists(connection, address.project) {
                try connection.query("ROLLBACK")
                throw StoreError.alreadyExists(path: address.description)
            }
            let createdKeyFile = !FileManager.default.fileExists(atPath: keyFile)
            let serverKey = createdKeyFile ? try ServerKey.create(path: keyFile) : try ServerKey.load(path: keyFile)
            try connection.query("CREATE SCHEMA \(schema)")
            try connection.query("SET LOCAL search_path TO \(schema)")
            try migrate(connection, with: PostgresMigrations.all)
            let key = Pseudonymizer.makeKey()
            let now = StoreClock.timestamp()
            try connection.query("""
                INSERT INTO project (id, municipality, intervention_model, tool_version, wrapped_key, server_key_fingerprint, created_at)
                VALUES (1, $1, $2, $3, $4, $5, $6)
                """, [project.municipality, project.interventionModel, project.toolVersion,
                      ByteBuffer(bytes: try serverKey.wrap(key, project: address.project)), serverKey.fingerprint, now])
            try connection.query("""
                INSERT INTO audit_log (at, operator_name, action, summary) VALUES ($1, $2, $3, 'project created')
                """, [now, `operator`, AuditAction.create.rawValue])
            try connection.query("COMMIT")
            try connection.query("SET search_path TO \(schema)")
            return (PostgresProjectStore(connection: connection, address: address, key: key), createdKeyFile)
        } catch {
            _ = try? connection.query("ROLLBACK")
            connection.close()
            throw storeError(error)
        }
    }

    /// Opens the project named by `address`, applying any newer migrations.
    /// - Throws: ``StoreError/notFound(path:)`` when the database has no such project,
    ///   ``StoreError/newerSchema(path:unknownMigrations:)`` when a newer Kortlæg made it,
    ///   ``StoreError/database(_:)`` (no connection, wrong key file, …).
    public static func open(_ address: PostgresAddress, keyFile: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresProjectStore {
        try open(address, keyFile: keyFile, environment: environment, migrations: PostgresMigrations.all)
    }

    /// Opens with the migrations an (older) Kortlæg knows; tests pass an older list.
    static func open(_ address: PostgresAddress, keyFile: String, environment: [String: String],
                     migrations: [PostgresMigrations.Migration]) throws -> PostgresProjectStore {
        let connection = try BlockingConnection.connect(try address.connectionConfiguration(environment: environment),
                                                        address: address.description)
        do {
            guard try schemaExists(connection, address.project) else {
                throw StoreError.notFound(path: address.description)
            }
            try connection.query("SET search_path TO \(ProjectName.schema(address.project))")
            let applied = Set(try connection.query("SELECT identifier FROM kortlaeg_migrations").map { try $0.decode(String.self) })
            let unknown = applied.subtracting(migrations.map(\.identifier))
            if !unknown.isEmpty {
                throw StoreError.newerSchema(path: address.description, unknownMigrations: unknown.sorted())
            }
            if !Set(migrations.map(\.identifier)).isSubset(of: applied) {
                // Only an upgrade takes the project's lock (no import runs meanwhile); opening an
                // up-to-date project never waits for a running import.
                try connection.query("BEGIN")
                try connection.query("SELECT pg_advisory_xact_lock(\(lockSpace), hashtext($1))", [address.project])
                try migrate(connection, with: migrations)
                try connection.query("COMMIT")
            }

            guard let row = try connection.query("SELECT wrapped_key, server_key_fingerprint FROM project WHERE id = 1").first else {
                throw StoreError.notAProject(path: address.description, reason: "it has no project settings")
            }
            let (wrapped, fingerprint) = try row.decode((ByteBuffer, String).self)
            let serverKey = try ServerKey.load(path: keyFile)
            guard let key = serverKey.unwrap(Data(wrapped.readableBytesView), project: address.project), key.count == 32 else {
                throw StoreError.database("the server key file \(keyFile) (key \(serverKey.fingerprint)) is not the one this project's key was stored with (key \(fingerprint)). Use the key file that belongs to this database (KORTLAEG_KEY_FILE)")
            }
            return PostgresProjectStore(connection: connection, address: address, key: key)
        } catch {
            _ = try? connection.query("ROLLBACK")
            connection.close()
            throw storeError(error)
        }
    }

    /// Whether the database holds the project's schema with a migrations table.
    private static func schemaExists(_ connection: BlockingConnection, _ project: String) throws -> Bool {
        let rows = try connection.query("SELECT to_regclass($1) IS NOT NULL",
                                        ["\(ProjectName.schema(project)).kortlaeg_migrations"])
        return try rows.first?.decode(Bool.self) ?? false
    }

    /// Applies the migrations not yet recorded, in order, inside the caller's transaction.
    static func migrate(_ connection: BlockingConnection, with migrations: [PostgresMigrations.Migration]) throws {
        try connection.query(PostgresMigrations.table)
        let applied = Set(try connection.query("SELECT identifier FROM kortlaeg_migrations").map { try $0.decode(String.self) })
        for migration in migrations where !applied.contains(migration.identifier) {
            for statement in migration.statements { try connection.query(statement) }
            try connection.query("INSERT INTO kortlaeg_migrations (identifier, applied_at) VALUES ($1, $2)",
                                 [migration.identifier, StoreClock.timestamp()])
        }
    }

    // MARK: - Helpers

    /// Runs `body` with the connection to itself.
    func serialised<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try body()
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` inside one REPEATABLE READ snapshot: everything it reads is as of one moment,
    /// whatever imports commit meanwhile. Nested calls share the outer snapshot.
    func inSnapshot<T>(_ body: () throws -> T) throws -> T {
        try serialised {
            if readDepth > 0 { return try body() }
            try connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            readDepth += 1
            defer { readDepth -= 1 }
            do {
                let result = try body()
                try connection.query("COMMIT")
                return result
            } catch {
                _ = try? connection.query("ROLLBACK")
                throw error
            }
        }
    }

    /// Runs `body` in one write transaction holding the project's import lock; commits when it
    /// returns true.
    func inWriteTransaction(_ body: () throws -> Bool) throws {
        try serialised {
            guard readDepth == 0 else {
                throw StoreError.database("the project cannot be changed while it is being read (a write inside a read of \(address))")
            }
            try connection.query("BEGIN")
            do {
                try connection.query("SELECT pg_advisory_xact_lock(\(Self.lockSpace), hashtext($1))", [address.project])
                try connection.query(try body() ? "COMMIT" : "ROLLBACK")
            } catch {
                _ = try? connection.query("ROLLBACK")
                throw error
            }
        }
    }

    /// Store errors pass; server and connection errors become ``StoreError/database(_:)``.
    static func storeError(_ error: any Error) -> any Error {
        switch error {
        case is StoreError: return error
        case let failure as PostgresStoreFailure: return StoreError.database(failure.description)
        case is PSQLError, is PostgresDecodingError: return StoreError.database(BlockingConnection.describe(error))
        default: return error
        }
    }
}
