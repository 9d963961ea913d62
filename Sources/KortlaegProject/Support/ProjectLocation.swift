import KortlaegStore
import KortlaegStoreSQLite

/// Where a project is kept, as a user names it with `--project`: today a path to an embedded
/// SQLite file. The one place that chooses a store backend, so that every use case works on
/// `any ProjectStore`.
public enum ProjectLocation {
    /// Opens the project at `location`.
    /// - Throws: ``KortlaegError`` with ``Severity/notFound`` when there is no project there,
    ///   ``Severity/invalidInput`` when it is not a Kortlæg project or is damaged.
    public static func open(_ location: String) throws(KortlaegError) -> any ProjectStore {
        do {
            return try SQLiteProjectStore.open(at: location)
        } catch let error as StoreError {
            if case .notFound = error { throw KortlaegError(.notFound, error.description) }
            throw KortlaegError(.invalidInput, error.description)
        } catch {
            throw KortlaegError(.invalidInput, "\(location): \(error)")
        }
    }
}
