import KortlaegStore
import KortlaegStoreSQLite

extension ProjectLocation {
    /// Creates a new project at `location` (today an embedded SQLite file) with a fresh random
    /// pseudonymisation key, and opens it. An existing file is never overwritten.
    /// - Parameters:
    ///   - project: the municipality, intervention model and mapping-tool version.
    ///   - operator: who creates it, for the audit log.
    /// - Throws: ``KortlaegError`` with ``Severity/cannotWrite`` when something exists at
    ///   `location` or the project cannot be created there.
    public static func create(_ location: String, project: ProjectInfo, operator: String) throws(KortlaegError) -> any ProjectStore {
        do {
            return try SQLiteProjectStore.create(at: location, project: project, operator: `operator`)
        } catch let error as StoreError {
            throw KortlaegError(.cannotWrite, error.description)
        } catch {
            throw KortlaegError(.cannotWrite, "\(location): \(error)")
        }
    }
}
