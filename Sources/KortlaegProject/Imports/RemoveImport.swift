import KortlaegStore

/// Removes one import (`kortlaeg imports remove`, the web's "Fortryd seneste indlæsning") in one
/// transaction, audited: the store's rule (``ProjectStore/removeImport(id:operator:dryRun:)``).
public enum RemoveImport {
    /// What to remove.
    public struct Request: Hashable, Sendable {
        /// The project, as the user names it (`--project`).
        public var project: String
        /// The import's number (`kortlaeg imports` lists them).
        public var batch: Int64
        /// Who removes it (audit log).
        public var `operator`: String
        /// Count what would be removed; change nothing.
        public var dryRun: Bool

        /// A request.
        public init(project: String, batch: Int64, operator: String, dryRun: Bool = false) {
            self.project = project
            self.batch = batch
            self.operator = `operator`
            self.dryRun = dryRun
        }
    }

    /// Removes the import (or, with `dryRun`, says what would be removed).
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` when there is no project, no import with
    ///   that number, or the import was removed before; ``Severity/invalidInput`` when the project
    ///   cannot be read; ``Severity/cannotWrite`` when it cannot be written.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> ImportRemoval {
        let store = try ProjectLocation.open(request.project)
        return try remove(request, in: store)
    }

    /// Removes the import from an open store (the web server keeps its store open).
    public static func remove(_ request: Request, in store: any ProjectStore) throws(KortlaegError) -> ImportRemoval {
        do {
            return try store.removeImport(id: request.batch, operator: request.operator, dryRun: request.dryRun)
        } catch let error as StoreError {
            switch error {
            case .importNotFound, .importAlreadyRemoved: throw KortlaegError(.notFound, error.description,
                                                                             danish: "Indlæsningen findes ikke, eller den er allerede fortrudt.")
            case .cannotWrite, .busy: throw KortlaegError(.cannotWrite, error.description,
                                                          danish: "Indlæsningen kunne ikke fjernes, fordi projektet ikke kan gemme ændringer lige nu. Prøv igen om lidt.")
            default: throw KortlaegError(.invalidInput, error.description,
                                         danish: "Indlæsningen kunne ikke fjernes, fordi projektets data ikke kunne læses.")
            }
        } catch {
            throw KortlaegError(.invalidInput, "\(error)",
                                danish: "Indlæsningen kunne ikke fjernes, fordi projektets data ikke kunne læses.")
        }
    }
}
