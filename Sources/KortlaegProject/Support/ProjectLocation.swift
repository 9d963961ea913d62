import Foundation
import KortlaegStore
import KortlaegStoreSQLite
import KortlaegStorePostgres

/// Where a project is kept, as a user names it with `--project`: a path to an embedded SQLite
/// file, or `postgres://USER@HOST[:PORT]/DATABASE?project=NAME&sslmode=MODE` for a project in a
/// shared PostgreSQL database (password from `PGPASSWORD` or a `.pgpass` file; the server key
/// file from `KORTLAEG_KEY_FILE`). The one place that chooses a store backend, so that every use
/// case works on `any ProjectStore`.
public enum ProjectLocation {
    /// Opens the project at `location`.
    /// - Throws: ``KortlaegError`` with ``Severity/notFound`` when there is no project there,
    ///   ``Severity/invalidInput`` when it is not a Kortlæg project, is damaged or cannot be reached.
    public static func open(_ location: String) throws(KortlaegError) -> any ProjectStore {
        do {
            if PostgresAddress.isPostgres(location) {
                let environment = ProcessInfo.processInfo.environment
                return try PostgresProjectStore.open(try PostgresAddress(location),
                                                     keyFile: ServerKey.defaultPath(environment: environment),
                                                     environment: environment)
            }
            return try SQLiteProjectStore.open(at: location)
        } catch let error as StoreError {
            if case .notFound = error {
                throw KortlaegError(.notFound, error.description, danish: "Projektet findes ikke. Kontrollér projektets placering.")
            }
            throw KortlaegError(.invalidInput, error.description,
                                danish: "Projektet kunne ikke åbnes: det er ikke et Kortlæg-projekt, det er beskadiget, eller det kan ikke nås.")
        } catch let error as PostgresAddressError {
            throw KortlaegError(.usage, error.description, danish: "Adressen på projektets PostgreSQL-database er ikke gyldig.")
        } catch {
            throw KortlaegError(.invalidInput, "\(location): \(error)", danish: "Projektet kunne ikke åbnes.")
        }
    }

    /// How `location` is shown in messages: a PostgreSQL address in full (it never holds a
    /// password), a path as given.
    public static func display(_ location: String) -> String {
        if PostgresAddress.isPostgres(location), let address = try? PostgresAddress(location) { return address.description }
        return location
    }
}
