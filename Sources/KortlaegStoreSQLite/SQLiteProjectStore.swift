import KortlaegStore
import Foundation
import GRDB
import KortlaegDomain

/// The embedded project store: one SQLite file (via GRDB), nothing to install or start.
///
/// Schema changes are named migrations (``StoreMigrations``): opening an older store upgrades it;
/// opening a store made by a newer Kortlæg is refused.
public final class SQLiteProjectStore: ProjectStore, Sendable {
    let dbQueue: DatabaseQueue
    let pseudonymizer: Pseudonymizer
    /// The store's file, or nil for an in-memory store.
    public let path: String?

    private init(dbQueue: DatabaseQueue, path: String?) throws {
        self.dbQueue = dbQueue
        self.path = path
        let key = try dbQueue.read { db in try Data.fetchOne(db, sql: "SELECT pseudonymKey FROM project WHERE id = 1") }
        guard let key, key.count == 32 else {
            throw StoreError.notAProject(path: path ?? ":memory:", reason: "it has no project settings")
        }
        pseudonymizer = Pseudonymizer(key: key)
    }

    // MARK: - Creating and opening

    /// Creates a new project file. Refuses to overwrite anything.
    /// - Parameters:
    ///   - path: where to create it (conventionally `NAME.kortlaeg`).
    ///   - project: municipality, model, tool version.
    ///   - operator: who creates it (audit log).
    /// - Throws: ``StoreError/alreadyExists(path:)`` when the path exists.
    public static func create(at path: String, project: ProjectInfo, operator: String) throws -> SQLiteProjectStore {
        for suffix in ["", "-journal", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            throw StoreError.alreadyExists(path: path + suffix)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try setUp(queue, project: project, operator: `operator`)
            return try SQLiteProjectStore(dbQueue: queue, path: path)
        } catch {
            // Never leave a 0-byte or half-made project behind.
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            if let error = error as? DatabaseError { throw storeError(error, path: path) }
            throw error
        }
    }

    /// Opens an existing project file, applying any newer schema migrations.
    /// - Throws: ``StoreError`` when the file is missing, not a project, or newer than this Kortlæg.
    public static func open(at path: String) throws -> SQLiteProjectStore {
        try open(at: path, migrator: StoreMigrations.migrator)
    }

    /// Opens a project file with the migrations `migrator` knows (tests pass an older Kortlæg's).
    static func open(at path: String, migrator: DatabaseMigrator) throws -> SQLiteProjectStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            let state = try queue.read { db -> (superseded: Bool, applied: Set<String>) in
                guard try db.tableExists("grdb_migrations") else { return (false, []) }
                return (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
            }
            guard !state.applied.isEmpty else { throw StoreError.notAProject(path: path, reason: "no Kortlæg schema") }
            if state.superseded {
                let known = Set(migrator.migrations)
                throw StoreError.newerSchema(path: path, unknownMigrations: state.applied.subtracting(known).sorted { $0.compare($1, options: .numeric) == .orderedAscending })
            }
            // Only a store that needs a schema step is written to on open, so reading never waits
            // for a writer (WAL: readers see the last commit while an import runs).
            if try !queue.read({ try migrator.hasCompletedMigrations($0) }) { try migrator.migrate(queue) }
            return try SQLiteProjectStore(dbQueue: queue, path: path)
        } catch let error as DatabaseError {
            switch storeError(error, path: path) {
            case let .database(message): throw StoreError.notAProject(path: path, reason: error.message ?? message)
            case let other: throw other
            }
        }
    }

    /// A store in memory, for tests and dry runs.
    public static func inMemory(project: ProjectInfo = ProjectInfo(), operator: String = "test") throws -> SQLiteProjectStore {
        let queue = try DatabaseQueue(configuration: configuration())
        try setUp(queue, project: project, operator: `operator`)
        return try SQLiteProjectStore(dbQueue: queue, path: nil)
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "kortlaeg-project"
        configuration.foreignKeysEnabled = true
        // A writer waits for another writer this long, then says who holds the project.
        configuration.busyMode = .timeout(TimeInterval(lockTimeoutSeconds))
        configuration.prepareDatabase { db in
            // 16 MiB of page cache: an import of 1M responses stays under 100 MB (issue 15) and
            // is 6 % slower than with 64 MiB (148 MB); the write-ahead log takes the spill.
            try db.execute(sql: "PRAGMA cache_size = -16384")
            // Write-ahead log: readers (status, export) see the last commit while an import runs.
            // The mode is kept in the file; a read-only folder keeps the old mode.
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
        }
        return configuration
    }

    /// A second, read-only connection's configuration (the split read of an export): no journal
    /// mode change, no writes.
    static func readerConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "kortlaeg-project-reader"
        configuration.readonly = true
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -16384") }
        return configuration
    }

    /// The folder part of `path` (not `NSString.deletingLastPathComponent`, which stops the
    /// program on a one-character name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// How long a writer waits for the project (seconds): `KORTLAEG_LOCK_TIMEOUT`, else 30.
    static var lockTimeoutSeconds: Int {
        ProcessInfo.processInfo.environment["KORTLAEG_LOCK_TIMEOUT"].flatMap(Int.init).map { max(0, $0) } ?? 30
    }

    /// The store's error for a database error on `path`: busy (with who holds the project), a
    /// full disk or missing permission, else ``StoreError/database(_:)``.
    static func storeError(_ error: DatabaseError, path: String?) -> StoreError {
        let path = path ?? ":memory:"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path, holder: LockHolder.describe(project: path), waitedSeconds: lockTimeoutSeconds)
        case .SQLITE_FULL:
            return .cannotWrite(path: path, reason: "the disk is full")
        case .SQLITE_CANTOPEN where !FileManager.default.fileExists(atPath: folder(of: path)):
            return .cannotWrite(path: path, reason: "the folder does not exist")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return .cannotWrite(path: path, reason: "no permission (check the permissions of the file and its folder)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .damaged(path: path, problems: [error.message ?? "the database disk image is malformed"])
        case .SQLITE_IOERR:
            if errno == ENOSPC || errno == EDQUOT { return .cannotWrite(path: path, reason: "the disk is full") }
            if errno == EACCES || errno == EPERM || errno == EROFS { return .cannotWrite(path: path, reason: "no permission") }
            return .database(error.description)
        default:
            return .database(error.description)
        }
    }

    private static func setUp(_ queue: DatabaseQueue, project: ProjectInfo, operator: String) throws {
        try StoreMigrations.migrator.migrate(queue)
        try queue.write { db in
            let now = timestamp()
            try ProjectRecord(municipality: project.municipality, interventionModel: project.interventionModel,
                              toolVersion: project.toolVersion, pseudonymKey: Pseudonymizer.makeKey(), createdAt: now)
                .insert(db)
            var audit = AuditLogRecord(id: nil, at: now, operator: `operator`, action: AuditAction.create.rawValue,
                                       batchId: nil, summary: "project created", detail: nil)
            try audit.insert(db)
        }
    }

    // MARK: - ProjectStore

    public func project() throws -> ProjectInfo {
        try wrap {
            try dbQueue.read { db in
                guard let record = try ProjectRecord.fetchOne(db, key: 1) else {
                    throw StoreError.notAProject(path: path ?? ":memory:", reason: "it has no project settings")
                }
                return ProjectInfo(municipality: record.municipality, interventionModel: record.interventionModel,
                                   toolVersion: record.toolVersion, createdAt: ISO8601DateFormatter().date(from: record.createdAt))
            }
        }
    }

    public func hasImported(sha256: String) throws -> Bool {
        try wrap { try dbQueue.read { db in try ImportBatchRecord.filter(Column("sha256") == sha256 && Column("removedAt") == nil).fetchCount(db) > 0 } }
    }

    public func pseudonym(for rawID: String) throws -> String {
        guard let pseudonym = pseudonymizer.pseudonym(for: rawID) else { throw StoreError.emptyChildID(row: 0) }
        return pseudonym
    }

    public func pseudonym(for rawID: String, site: String?) throws -> String {
        guard let pseudonym = pseudonymizer.pseudonym(for: rawID, site: site) else { throw StoreError.emptyChildID(row: 0) }
        return pseudonym
    }

    public func derivedKey(purpose: String) throws -> [UInt8] {
        pseudonymizer.derivedKey(purpose: purpose)
    }

    public func auditLog() throws -> [AuditEntry] {
        try wrap {
            try dbQueue.read { db in
                try AuditLogRecord.order(Column("id")).fetchAll(db).map { record in
                    AuditEntry(at: record.at, operator: record.operator,
                               action: AuditAction(rawValue: record.action) ?? .import,
                               summary: record.summary, detail: record.detail)
                }
            }
        }
    }

    // MARK: - Helpers

    /// The current time as ISO 8601 (UTC).
    static func timestamp() -> String { StoreClock.timestamp() }

    /// Runs `body`, turning database errors into ``StoreError/database(_:)``.
    func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }
}
