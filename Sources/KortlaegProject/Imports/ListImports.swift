import KortlaegStore

/// The imports of a project (`kortlaeg imports`): every batch, oldest first, with what it stored
/// then, what it holds now and whether it was removed.
public enum ListImports {
    /// What to list.
    public struct Request: Hashable, Sendable {
        /// The project, as the user names it (`--project`).
        public var project: String

        /// A request.
        public init(project: String) {
            self.project = project
        }
    }

    /// The project's imports, oldest first.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` when there is no project,
    ///   ``Severity/invalidInput`` when it cannot be read.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> [StoredImport] {
        let store = try ProjectLocation.open(request.project)
        do {
            return try store.imports()
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets liste over indlæsninger kunne ikke læses.")
        }
    }

    /// The import "undo the last import" removes: the newest one that is not removed.
    public static func latest(in imports: [StoredImport]) -> StoredImport? {
        imports.last { !$0.isRemoved }
    }
}
