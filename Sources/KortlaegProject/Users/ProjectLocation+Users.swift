import KortlaegStore
import KortlaegStoreSQLite

extension ProjectLocation {
    /// Opens the project at `location` with its users and sessions (``UserStore``).
    /// - Throws: ``KortlaegError`` as ``open(_:)``; ``Severity/invalidInput`` when the backend keeps no users.
    public static func openWithUsers(_ location: String) throws(KortlaegError) -> any ProjectStore & UserStore {
        let store = try open(location)
        guard let users = store as? any ProjectStore & UserStore else {
            throw KortlaegError(.invalidInput, "\(location): this project store keeps no users of the web application.",
                                danish: "Dette projekt kan ikke gemme brugere af webprogrammet.")
        }
        return users
    }
}
