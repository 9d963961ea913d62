import KortlaegDomain
import KortlaegStore

/// Project status: who answered when (children × occasion × informant), who has a T1 but no
/// follow-up or T2, and the last imports.
public enum ShowProjectStatus {
    /// What to show.
    public struct Request: Hashable, Sendable {
        /// The project, as the user names it (`--project`).
        public var project: String
        /// How many of the last imports to list.
        public var recentImports: Int

        /// A request.
        public init(project: String, recentImports: Int = 5) {
            self.project = project
            self.recentImports = recentImports
        }
    }

    /// The project's status.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` when there is no project,
    ///   ``Severity/invalidInput`` when it cannot be read, ``Severity/usage`` for a negative count.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> ProjectStatus {
        guard request.recentImports >= 0 else {
            throw KortlaegError(.usage, "The number of imports to list must be 0 or more (not \(request.recentImports)).",
                                danish: "Antallet af indlæsninger, der skal vises, skal være 0 eller mere (ikke \(request.recentImports)).")
        }
        let store = try ProjectLocation.open(request.project)
        do {
            return try store.status(recentImports: request.recentImports)
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets status kunne ikke læses.")
        }
    }
}
