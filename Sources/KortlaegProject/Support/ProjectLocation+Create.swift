import Foundation
import KortlaegStore
import KortlaegStoreSQLite
import KortlaegStorePostgres

extension ProjectLocation {
    /// Creates a new project at `location` with a fresh random pseudonymisation key, and opens it:
    /// an embedded SQLite file (never overwritten), or a project in a PostgreSQL database (its
    /// schema made through the migrations; an existing project is never touched). For PostgreSQL
    /// the key is stored wrapped by the server key file (`KORTLAEG_KEY_FILE`), which is created
    /// when it does not exist yet — `note` says so.
    /// - Parameters:
    ///   - project: the municipality, intervention model and mapping-tool version.
    ///   - operator: who creates it, for the audit log.
    ///   - note: told about every choice made for the user (a key file created).
    /// - Throws: ``KortlaegError`` with ``Severity/cannotWrite`` when something exists at
    ///   `location` or the project cannot be created there.
    public static func create(_ location: String, project: ProjectInfo, operator: String,
                              note: (String) -> Void = { _ in }) throws(KortlaegError) -> any ProjectStore {
        do {
            if PostgresAddress.isPostgres(location) {
                let environment = ProcessInfo.processInfo.environment
                let keyFile = ServerKey.defaultPath(environment: environment)
                let (store, createdKeyFile) = try PostgresProjectStore.create(
                    try PostgresAddress(location), project: project, operator: `operator`, keyFile: keyFile,
                    environment: environment)
                if createdKeyFile {
                    note("created the server key file \(keyFile) (it wraps the project keys in this database; a dump of the database alone does not reveal them). Keep a copy in a safe place and give every Kortlæg that uses the database the same file through KORTLAEG_KEY_FILE")
                }
                return store
            }
            return try SQLiteProjectStore.create(at: location, project: project, operator: `operator`)
        } catch let error as StoreError {
            throw KortlaegError(.cannotWrite, error.description)
        } catch let error as PostgresAddressError {
            throw KortlaegError(.usage, error.description)
        } catch {
            throw KortlaegError(.cannotWrite, "\(location): \(error)")
        }
    }
}

extension ProjectLocation {
    /// Creates a new project at `location` holding every row of `source` (see ``CopyStore``).
    static func createCopy(_ location: String, from source: any TransferSource,
                           note: (String) -> Void) throws(KortlaegError) -> any ProjectStore & TransferSource {
        do {
            if PostgresAddress.isPostgres(location) {
                let environment = ProcessInfo.processInfo.environment
                let keyFile = ServerKey.defaultPath(environment: environment)
                let (store, createdKeyFile) = try PostgresProjectStore.create(
                    try PostgresAddress(location), copying: source, keyFile: keyFile, environment: environment)
                if createdKeyFile {
                    note("created the server key file \(keyFile) (it wraps the project keys in this database). Keep a copy in a safe place and give every Kortlæg that uses the database the same file through KORTLAEG_KEY_FILE")
                }
                return store
            }
            let store = try SQLiteProjectStore.create(at: location, copying: source)
            note("\(location) holds the project's pseudonymisation key itself: keep the file as safe as the data it came from")
            return store
        } catch let error as StoreError {
            throw KortlaegError(.cannotWrite, error.description)
        } catch let error as PostgresAddressError {
            throw KortlaegError(.usage, error.description)
        } catch {
            throw KortlaegError(.cannotWrite, "\(location): \(error)")
        }
    }
}
